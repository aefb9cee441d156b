import Foundation

/// A file in the system's temporary folder for bytes on their way to a checked file.
///
/// A PDF goes from cairo to qpdf to the writer through two of them, out of memory: a long
/// document's copies would add to the run's peak. Removed when the value goes, and on an interrupt.
public final class ScratchFile {
  public let path: String

  /// A new, unique path (nothing is created until a writer opens it).
  public init(_ label: String) {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        ".pmreport-\(getpid())-\(UUID().uuidString)-\(label)"
      ).path
    TemporaryFiles.shared.register(path)
  }

  deinit {
    unlink(path)
    TemporaryFiles.shared.remove(path)
  }
}
