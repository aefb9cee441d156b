import CQPDF
import Foundation
import Geometry

/// The trim and bleed of a print-ready PDF.
///
/// Every page gets a `/TrimBox` (the finished page) and a `/BleedBox` (the trim grown by the
/// bleed), set with libqpdf by ``PDFFinisher`` as it completes the PDF cairo wrote; cairo 1.16
/// writes only a `/MediaBox`.
public struct PrintBoxes: Sendable, Hashable {
  /// The finished page inside the sheet, in page coordinates (top-left origin, y down).
  public var trim: Rect
  /// How far past the trim the printer's ink may run, in points.
  public var bleed: Double

  public init(trim: Rect, bleed: Double) {
    self.trim = trim
    self.bleed = bleed
  }

  /// Sets the boxes on every page of the PDF `q` holds (the page heights read from each
  /// `/MediaBox`), as ``PDFFinisher`` completes it; the finisher checks qpdf's error after.
  func apply(_ q: qpdf_data) {
    let bled = Rect(
      x: trim.minX - bleed, y: trim.minY - bleed, width: trim.width + 2 * bleed,
      height: trim.height + 2 * bleed)
    for index in 0..<qpdf_get_num_pages(q) {
      let page = qpdf_get_page_n(q, Int(index))
      let media = qpdf_oh_get_key(q, page, "/MediaBox")
      let height = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 3))
      qpdf_oh_replace_key(q, page, "/TrimBox", qpdf_oh_parse(q, Self.box(trim, height)))
      qpdf_oh_replace_key(q, page, "/BleedBox", qpdf_oh_parse(q, Self.box(bled, height)))
    }
  }

  /// `[x0 y0 x1 y1]` in PDF space (origin bottom left) for a rectangle on a page `height` tall.
  static func box(_ rect: Rect, _ height: Double) -> String {
    let values = [rect.minX, height - rect.maxY, rect.maxX, height - rect.minY]
    return "[" + values.map { String(format: "%.4f", $0) }.joined(separator: " ") + "]"
  }
}
