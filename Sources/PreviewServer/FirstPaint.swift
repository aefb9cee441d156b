import CZstd
import Rendering

/// A changed page's first paint as the preview sends it: its pixels (``RasterPixels``, what the
/// page's canvas takes as they are, with nothing to decode), compressed with zstd's fastest level.
///
/// A page is mostly white: its 3.5 MB of pixels at 794 px compress to about 80 KB in a few
/// milliseconds, and the browser inflates them in its network code, as the response's
/// `Content-Encoding`, before the page's script sees them.
struct FirstPaint: Sendable {
  /// zstd's level: its fastest that still looks for matches (a page's runs of white).
  static let level: Int32 = 1

  let width: Int
  let height: Int
  /// The pixels as one zstd frame.
  let compressed: [UInt8]

  /// `pixels` compressed; nil when zstd fails (out of memory).
  init?(_ pixels: RasterPixels) {
    let bound = ZSTD_compressBound(pixels.bytes.count)
    var written = 0
    let frame = [UInt8](unsafeUninitializedCapacity: bound) { out, count in
      written = pixels.bytes.withUnsafeBytes {
        ZSTD_compress(out.baseAddress, bound, $0.baseAddress, $0.count, Self.level)
      }
      count = ZSTD_isError(written) != 0 ? 0 : written
    }
    guard ZSTD_isError(written) == 0 else { return nil }
    width = pixels.width
    height = pixels.height
    // A copy as long as the frame: kept until taken, it does not hold the bound's capacity.
    compressed = Array(frame.prefix(written))
  }

  /// The pixels as they were (for a browser that does not take zstd); nil when the frame does not
  /// hold `width × height` pixels.
  func pixels() -> [UInt8]? {
    let size = width * height * 4
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
