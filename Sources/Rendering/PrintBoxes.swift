import CQPDF
import Foundation
import Geometry

/// The trim and bleed of a print-ready PDF.
///
/// Every page gets a `/TrimBox` (the finished page) and a `/BleedBox` (the trim grown by the
/// bleed), set with libqpdf on the PDF cairo wrote, before ``PDFFinisher`` completes it; cairo
/// 1.16 writes only a `/MediaBox`.
public struct PrintBoxes: Sendable, Hashable {
  /// The finished page inside the sheet, in page coordinates (top-left origin, y down).
  public var trim: Rect
  /// How far past the trim the printer's ink may run, in points.
  public var bleed: Double

  public init(trim: Rect, bleed: Double) {
    self.trim = trim
    self.bleed = bleed
  }

  /// `pdf` with the boxes on every page (the page heights read from each `/MediaBox`); a
  /// ``RenderError/pdf`` for anything qpdf reports.
  func apply(to pdf: [UInt8], path: String) throws -> [UInt8] {
    var handle = qpdf_init()
    guard let q = handle else {
      throw RenderError.pdf(operation: "start", reason: "qpdf_init gave nothing", path: path)
    }
    defer { qpdf_cleanup(&handle) }
    qpdf_silence_errors(q)
    qpdf_set_suppress_warnings(q, QPDF_BOOL(1))
    func check(_ operation: String) throws {
      guard qpdf_has_error(q) != 0 else { return }
      let error = qpdf_get_error(q)
      let reason = qpdf_get_error_full_text(q, error).map { String(cString: $0) } ?? "unknown"
      throw RenderError.pdf(operation: operation, reason: reason, path: path)
    }
    return try pdf.withUnsafeBytes { raw -> [UInt8] in
      guard let base = raw.baseAddress else {
        throw RenderError.pdf(operation: "read cairo's PDF", reason: "no bytes", path: path)
      }
      qpdf_read_memory(q, path, base.assumingMemoryBound(to: CChar.self), UInt64(raw.count), nil)
      try check("read cairo's PDF")
      for index in 0..<qpdf_get_num_pages(q) {
        let page = qpdf_get_page_n(q, Int(index))
        let media = qpdf_oh_get_key(q, page, "/MediaBox")
        let height = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 3))
        let bled = Rect(
          x: trim.minX - bleed, y: trim.minY - bleed, width: trim.width + 2 * bleed,
          height: trim.height + 2 * bleed)
        qpdf_oh_replace_key(q, page, "/TrimBox", qpdf_oh_parse(q, Self.box(trim, height)))
        qpdf_oh_replace_key(q, page, "/BleedBox", qpdf_oh_parse(q, Self.box(bled, height)))
      }
      try check("set the trim and bleed boxes")
      qpdf_init_write_memory(q)
      qpdf_set_deterministic_ID(q, QPDF_BOOL(1))
      qpdf_write(q)
      try check("write the PDF")
      guard let buffer = qpdf_get_buffer(q) else {
        throw RenderError.pdf(operation: "write the PDF", reason: "no buffer", path: path)
      }
      return Array(UnsafeBufferPointer(start: buffer, count: qpdf_get_buffer_length(q)))
    }
  }

  /// `[x0 y0 x1 y1]` in PDF space (origin bottom left) for a rectangle on a page `height` tall.
  static func box(_ rect: Rect, _ height: Double) -> String {
    let values = [rect.minX, height - rect.maxY, rect.maxX, height - rect.minY]
    return "[" + values.map { String(format: "%.4f", $0) }.joined(separator: " ") + "]"
  }
}
