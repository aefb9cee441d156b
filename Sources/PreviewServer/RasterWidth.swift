import Geometry

/// The width in pixels the preview draws a page's first paint at (`/pages/<document>/<n>.rgba`):
/// the one its query asks for (`w`: the page element's CSS width × the device pixel ratio),
/// within bounds; the element's CSS width when the query names none.
struct RasterWidth {
  /// The most pixels a point: a device pixel ratio of 3 (CSS draws a point as 4/3 pixel).
  static let largestScale = 4.0
  /// The most pixels a picture has (an image surface of 32 MB).
  static let mostPixels = 8_000_000.0
  /// The most pixels a side has (cairo's largest image surface).
  static let longestSide = 32_767.0
  /// CSS pixels a point.
  static let cssScale = 4.0 / 3

  let pixels: Int

  /// The width for a page of `size` points asked as `asked` (the query's `w`, nil: absent); nil
  /// when `asked` is not a whole number of pixels.
  init?(asked: String?, page size: Size) {
    let wanted: Double
    if let asked {
      guard let number = Int(asked), number > 0 else { return nil }
      wanted = Double(number)
    } else {
      wanted = size.width * Self.cssScale
    }
    let largest = min(
      size.width * Self.largestScale, (Self.mostPixels * size.width / size.height).squareRoot(),
      Self.longestSide * min(1, size.width / size.height))
    pixels = max(1, Int(min(wanted, largest).rounded()))
  }
}
