import CFinisher
import Foundation

/// The PDF ``PDFFinisher`` completes, held by qpdf in the `CFinisher` target, whose steps reach
/// qpdf's objects directly (the C API makes a handle for every call, and the structure tree of a
/// long document has tens of thousands of elements); each step's error becomes a
/// ``RenderError/pdf(operation:reason:path:)`` naming the file being made.
final class FinisherPDF {
  private let pdf: OpaquePointer
  /// The bytes qpdf read in place, kept until its objects are deleted.
  private let input: [UInt8]?
  /// The file's name in messages.
  let path: String

  /// Reads cairo's PDF from `bytes` where they are, or from the file `file`.
  ///
  /// `input`, the array holding `bytes`, is kept until qpdf's objects are deleted. Waits first
  /// for the last PDF's objects to be deleted (``FinisherTeardown``).
  init(
    bytes: UnsafeRawBufferPointer?, keeping input: [UInt8]?, file: String?, path: String
  ) throws {
    FinisherTeardown.awaitPending()
    var error = pmreport_pdf_error()
    let read = pmreport_pdf_read(
      bytes?.baseAddress?.assumingMemoryBound(to: CChar.self), bytes?.count ?? 0, file, path,
      &error)
    guard let read else { throw Self.failure(error, path: path) }
    pdf = read
    self.input = input
    self.path = path
  }

  deinit { FinisherTeardown.delete(pdf, keeping: input) }

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
