import Geometry

/// A raster image's size in pixels.
public struct PixelSize: Hashable, Sendable {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// The most pixels across or down cairo draws from one image surface.
  public static let cairoLimit = 32_767

  /// The pixels an image of this size is held at to be drawn `drawn` points large at `resolution`
  /// dots an inch: its own size where that is no more, else the drawn size at that resolution
  /// (rounded up), across and down alike; never more than ``cairoLimit``, never less than 1.
  public func held(drawn: Size, resolution: Double) -> PixelSize {
    func side(_ own: Int, _ points: Double) -> Int {
      let needed = (points / 72 * resolution).rounded(.up)
      let need = needed.isFinite && needed < Double(Self.cairoLimit) ? Int(needed) : Self.cairoLimit
      return max(1, min(own, need, Self.cairoLimit))
    }
    return PixelSize(width: side(width, drawn.width), height: side(height, drawn.height))
  }
}

/// Shrinks an image as its rows arrive, by area average: each target pixel is the mean of the
/// source pixels that fall in it (whole pixels, the source cut into `target.width` columns and
/// `target.height` rows as evenly as whole pixels allow), taken in premultiplied ARGB and rounded.
///
/// At the source's own size every target pixel is one source pixel, premultiplied: the pixels
/// are exactly those of decoding without shrinking. Only the target's pixels and one target row
/// of sums are held, whatever the source's size.
struct AreaAverage {
  let source: PixelSize
  let target: PixelSize
  /// The target column of each source column.
  private let columnOf: [Int]
  /// The source columns in each target column.
  private let columnCounts: [UInt64]
  /// The premultiplied alpha, red, green and blue sums of the target row being gathered.
  private var sums: [UInt64]
  /// The source rows added to `sums` so far.
  private var rowsInSums: UInt64 = 0
  /// The next source row expected.
  private var nextRow = 0
  /// The target's pixels, premultiplied ARGB32, row by row.
  private(set) var pixels: [UInt32]

  init(source: PixelSize, target: PixelSize) {
    precondition(target.width <= source.width && target.height <= source.height)
    self.source = source
    self.target = target
    let columnOf = (0..<source.width).map { $0 * target.width / source.width }
    var counts = [UInt64](repeating: 0, count: target.width)
    for column in columnOf { counts[column] += 1 }
    self.columnOf = columnOf
    columnCounts = counts
    sums = [UInt64](repeating: 0, count: target.width * 4)
    pixels = []
    pixels.reserveCapacity(target.width * target.height)
  }

  /// Adds the next source row: `source.width` pixels of `channels` bytes (RGB, or RGBA not
  /// premultiplied).
  mutating func add(row: UnsafePointer<UInt8>, channels: Int) {
    let hasAlpha = channels == 4
    sums.withUnsafeMutableBufferPointer { sums in
      columnOf.withUnsafeBufferPointer { columnOf in
        for x in 0..<source.width {
          let p = row + x * channels
          let a = hasAlpha ? UInt32(p[3]) : 255
          let s = columnOf[x] * 4
          sums[s] += UInt64(a)
          sums[s + 1] += UInt64(RasterImage.premultiply(UInt32(p[0]), a))
          sums[s + 2] += UInt64(RasterImage.premultiply(UInt32(p[1]), a))
          sums[s + 3] += UInt64(RasterImage.premultiply(UInt32(p[2]), a))
        }
      }
    }
    rowsInSums += 1
    let row = nextRow
    nextRow += 1
    if nextRow == source.height
      || nextRow * target.height / source.height != row * target.height / source.height
    {
      emitRow()
    }
  }

  /// Appends the target row the sums hold, and clears them.
  private mutating func emitRow() {
    for x in 0..<target.width {
      let count = columnCounts[x] * rowsInSums
      let s = x * 4
      func mean(_ channel: Int) -> UInt32 { UInt32((sums[s + channel] + count / 2) / count) }
      pixels.append(mean(0) << 24 | mean(1) << 16 | mean(2) << 8 | mean(3))
    }
    for i in sums.indices { sums[i] = 0 }
    rowsInSums = 0
  }
}
