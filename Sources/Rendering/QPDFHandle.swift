import CQPDF

/// The two things every use of a qpdf handle does: errors kept for the caller to ask about,
/// warnings not printed; and a step's error turned into ``RenderError/pdf(operation:reason:path:)``
/// naming the file being made.
enum QPDFHandle {
  /// Makes `q` keep its errors (``check(_:_:path:)`` reads them) and print no warnings.
  static func quiet(_ q: qpdf_data) {
    qpdf_silence_errors(q)
    qpdf_set_suppress_warnings(q, QPDF_BOOL(1))
  }

  /// Throws qpdf's error for `operation` on the file at `path`, when the last calls left one.
  static func check(_ q: qpdf_data, _ operation: String, path: String) throws {
    guard qpdf_has_error(q) != 0 else { return }
    let error = qpdf_get_error(q)
    let reason = qpdf_get_error_full_text(q, error).map { String(cString: $0) } ?? "unknown error"
    throw RenderError.pdf(operation: operation, reason: reason, path: path)
  }
}
