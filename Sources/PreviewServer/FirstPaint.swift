import CZstd
import Foundation
import Rendering

/// A changed page's first paint as the preview sends it: its pixels (``RasterPixels``, what the
/// page's canvas takes as they are, with nothing to decode), compressed with zstd's fastest level;
/// the whole page, or only the band of rows that differ from an earlier raster of the page the
/// browser holds (``since``): a one-word edit changes a few lines of text, not the 3.5 MB of a
/// page at 794 px.
///
/// A page is mostly white: its pixels at 794 px compress to about 80 KB in a few milliseconds, and
/// the browser inflates them in its network code, as the response's `Content-Encoding`, before the
/// page's script sees them.
struct FirstPaint: Sendable {
  /// zstd's level: its fastest that still looks for matches (a page's runs of white).
  static let level: Int32 = 1

  /// The version of the page drawn: the snapshot's when drawn, whichever version the request
  /// named (`?v=`).
  let version: String
  /// The page's size in pixels.
  let width: Int
  let height: Int
  /// The rows the pixels hold: all of the page's, or the band that changed since ``since``.
  let rows: Range<Int>
  /// The version of the page whose raster (the same size) the band is put on; nil when the
  /// pixels are the whole page.
  let since: String?
  /// The pixels of ``rows`` as one zstd frame.
  let compressed: [UInt8]

  /// `pixels` (of version `version`) compressed: the rows that differ from `base`'s pixels (a raster of version
  /// `base.version` of the same page) when `base` is as large, else the whole page; nil when zstd
  /// fails (out of memory) or the bytes are not `width × height` pixels.
  init?(
    _ pixels: RasterPixels, version: String, base: (version: String, pixels: RasterPixels)? = nil
  ) {
    guard pixels.isWhole else { return nil }
    self.version = version
    if let base, base.pixels.isWhole, base.pixels.width == pixels.width,
      base.pixels.height == pixels.height
    {
      rows = pixels.rowsDiffering(from: base.pixels)
      since = base.version
    } else {
      rows = 0..<pixels.height
      since = nil
    }
    let band = (rows.lowerBound * pixels.width * 4)..<(rows.upperBound * pixels.width * 4)
    guard
      let frame = pixels.bytes.withUnsafeBytes({
        Self.compress(UnsafeRawBufferPointer(rebasing: $0[band]))
      })
    else { return nil }
    width = pixels.width
    height = pixels.height
    compressed = frame
  }

  /// `bytes` as one zstd frame; nil when zstd fails.
  private static func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    let bound = ZSTD_compressBound(bytes.count)
    var written = 0
    let frame = [UInt8](unsafeUninitializedCapacity: bound) { out, count in
      written = ZSTD_compress(out.baseAddress, bound, bytes.baseAddress, bytes.count, level)
      count = ZSTD_isError(written) != 0 ? 0 : written
    }
    guard ZSTD_isError(written) == 0 else { return nil }
    // A copy as long as the frame: kept until taken, it does not hold the bound's capacity.
    return Array(frame.prefix(written))
  }

  /// The pixels of ``rows`` as they were (for a browser that does not take zstd); nil when the
  /// frame does not hold `width × rows.count` pixels.
  func pixels() -> [UInt8]? {
    let size = width * rows.count * 4
    var whole = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { out, count in
      let written = compressed.withUnsafeBytes {
        ZSTD_decompress(out.baseAddress, size, $0.baseAddress, $0.count)
      }
      whole = ZSTD_isError(written) == 0 && written == size
      count = whole ? size : 0
    }
    return whole ? bytes : nil
  }
}

extension RasterPixels {
  /// Whether the bytes hold `width × height` pixels (none when cairo could not give them).
  var isWhole: Bool { bytes.count == width * height * 4 }

  /// The rows where these pixels differ from `other`'s (as many rows of as many pixels): from the
  /// first row that differs to the last; empty when none does.
  func rowsDiffering(from other: RasterPixels) -> Range<Int> {
    let rowBytes = width * 4
    return bytes.withUnsafeBytes { mine in
      other.bytes.withUnsafeBytes { theirs in
        guard let mine = mine.baseAddress, let theirs = theirs.baseAddress else { return 0..<0 }
        let differs = { (row: Int) in
          memcmp(mine + row * rowBytes, theirs + row * rowBytes, rowBytes) != 0
        }
        guard let first = (0..<height).first(where: differs) else { return 0..<0 }
        let last = (first..<height).last(where: differs) ?? first
        return first..<(last + 1)
      }
    }
  }
}
