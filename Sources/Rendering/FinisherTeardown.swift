import CFinisher
import Foundation

/// Deletes a finished PDF's qpdf objects on a thread of its own, while the run goes on.
///
/// Once qpdf has written a file, its objects (every object of cairo's PDF, parsed, and the
/// finished file's bytes) are only memory to give back; deleting them walks the whole object graph
/// (about a tenth of a second for the 211-page report at scale 20), which the thread that lays out
/// and draws need not wait for: it goes on to hand the file over, to settle it and to lay out the
/// next document. One PDF's objects at a time: a new ``FinisherPDF`` waits until the last one's
/// are gone, so the run never holds two documents' objects (the peak stays one document's), and
/// the process waits for them at its exit (`exit` runs the handler this registers before it
/// destroys the static objects qpdf's deletions use, which are made first; an interrupt's `_exit`
/// does not wait).
enum FinisherTeardown {
  private static let queue = DispatchQueue(label: "pmreport.pdf-teardown")
  private static let pending = DispatchGroup()
  /// The exit handler, registered by the first deletion once qpdf's statics exist (static objects
  /// and exit handlers are undone in the reverse order of their making).
  private static let waitsAtExit: Void = {
    pmreport_pdf_make_statics()
    atexit { FinisherTeardown.awaitPending() }
  }()

  /// cairo's PDFs under this size (a certificate's, a summary's) are deleted where they are let
  /// go: their few objects take less time to delete than handing them to another thread does.
  static let smallPDFBytes = 1 << 20

  /// Deletes `pdf`, keeping `input` (the bytes qpdf read in place) until it is gone: on the
  /// teardown thread, or here when `input` is under ``smallPDFBytes``.
  static func delete(_ pdf: OpaquePointer, keeping input: [UInt8]?) {
    // An opaque pointer is a plain address; the object it names is this call's alone now.
    let address = Int(bitPattern: UnsafeRawPointer(pdf))
    let deletion: @Sendable () -> Void = {
      pmreport_pdf_free(OpaquePointer(bitPattern: address))
      withExtendedLifetime(input) {}
    }
    if let input, input.count < smallPDFBytes { return deletion() }
    _ = waitsAtExit
    queue.async(group: pending, execute: deletion)
  }

  /// Returns once every PDF handed to ``delete(_:keeping:)`` is deleted.
  static func awaitPending() { pending.wait() }
}
