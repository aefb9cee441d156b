import Rendering

/// The last raster sent of each page at each width (its version and pixels), so a later first
/// paint of the page is sent as the rows that differ from it (``FirstPaint``); the most recently
/// sent first, at most ``mostBytes`` in all (a raster is at most 32 MB, so the latest two always
/// fit).
///
/// The pages drawn ahead and not yet sent are held apart (``FirstPaints``), outside the bound.
struct KeptRasters {
  /// The most bytes of pixels kept: about 18 pages at 794 px.
  static let mostBytes = 64 << 20

  private var rasters: [(key: FirstPaints.Key, pixels: RasterPixels)] = []

  /// The raster kept of `key`'s page at `key`'s width, of whichever version.
  func latest(of key: FirstPaints.Key) -> (version: String, pixels: RasterPixels)? {
    rasters.first { Self.samePicture($0.key, key) }.map { ($0.key.version, $0.pixels) }
  }

  /// The raster kept of `key` (its version included).
  func pixels(of key: FirstPaints.Key) -> RasterPixels? {
    rasters.first { $0.key == key }?.pixels
  }

  /// Keeps `pixels` as `key`'s page's last raster sent at its width (in place of the one kept
  /// before), and forgets the least recently sent beyond ``mostBytes``.
  mutating func keep(_ pixels: RasterPixels, as key: FirstPaints.Key) {
    rasters.removeAll { Self.samePicture($0.key, key) }
    rasters.insert((key, pixels), at: 0)
    var total = 0
    rasters = Array(
      rasters.prefix { raster in
        total += raster.pixels.bytes.count
        return total <= Self.mostBytes
      })
  }

  /// Whether `a` and `b` name the same page at the same width (of any version).
  private static func samePicture(_ a: FirstPaints.Key, _ b: FirstPaints.Key) -> Bool {
    a.document == b.document && a.page == b.page && a.width == b.width
  }
}
