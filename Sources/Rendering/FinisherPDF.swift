import CFinisher
import Foundation

/// The PDF ``PDFFinisher`` completes, held by qpdf in the `CFinisher` target, whose steps reach
/// qpdf's objects directly (the C API makes a handle for every call, and the structure tree of a
/// long document has tens of thousands of elements); each step's error becomes a
/// ``RenderError/pdf(operation:reason:path:)`` naming the file being made.
final class FinisherPDF {
  private let pdf: OpaquePointer
  /// The file's name in messages.
  let path: String

  /// Reads cairo's PDF from `bytes`, read where they are (they must outlive this value), or from
  /// the file `file`.
  init(bytes: UnsafeRawBufferPointer?, file: String?, path: String) throws {
    var error = pmreport_pdf_error()
    let read = pmreport_pdf_read(
      bytes?.baseAddress?.assumingMemoryBound(to: CChar.self), bytes?.count ?? 0, file, path,
      &error)
    guard let read else { throw Self.failure(error, path: path) }
    pdf = read
    self.path = path
  }

  deinit { pmreport_pdf_free(pdf) }

  /// Runs one of `CFinisher`'s steps on the PDF; throws its error.
  func step(_ body: (OpaquePointer, UnsafeMutablePointer<pmreport_pdf_error>) -> Int32) throws {
    var error = pmreport_pdf_error()
    guard body(pdf, &error) == 0 else { throw Self.failure(error, path: path) }
  }

  private static func failure(_ error: pmreport_pdf_error, path: String) -> RenderError {
    func text<T>(_ field: T) -> String {
      withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
    return RenderError.pdf(
      operation: text(error.operation), reason: text(error.reason), path: path)
  }
}

extension Array where Element == String {
  /// Calls `body` with the strings as C strings, valid during the call.
  func withCStrings<R>(_ body: ([UnsafePointer<CChar>?]) throws -> R) rethrows -> R {
    let copies = map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    return try body(copies.map { UnsafePointer($0) })
  }
}
