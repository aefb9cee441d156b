import Geometry

/// The trim and bleed of a print-ready PDF.
///
/// Every page gets a `/TrimBox` (the finished page) and a `/BleedBox` (the trim grown by the
/// bleed), set with qpdf by ``PDFFinisher`` as it completes the PDF cairo wrote (in PDF space,
/// from each page's `/MediaBox` height); cairo 1.16 writes only a `/MediaBox`.
public struct PrintBoxes: Sendable, Hashable {
  /// The finished page inside the sheet, in page coordinates (top-left origin, y down).
  public var trim: Rect
  /// How far past the trim the printer's ink may run, in points.
  public var bleed: Double

  public init(trim: Rect, bleed: Double) {
    self.trim = trim
    self.bleed = bleed
  }

  /// The trim grown by the bleed on every side: the `/BleedBox`.
  var bled: Rect {
    Rect(
      x: trim.minX - bleed, y: trim.minY - bleed, width: trim.width + 2 * bleed,
      height: trim.height + 2 * bleed)
  }
}
