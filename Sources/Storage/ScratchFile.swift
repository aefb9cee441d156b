import Foundation

/// A file beside the output file its bytes are on their way to, named as this run's temporary
/// (`.<target>.<label>.tmp-<token>`), so that a later run's sweep removes it when this run was
/// killed outright.
///
/// A PDF goes from cairo to qpdf to the writer through two of them, out of memory: a long
/// document's copies would add to the run's peak. Removed when the value goes, and on an interrupt.
public final class ScratchFile {
  public let path: String

  /// A new path for `label`'s bytes on their way to `target` (nothing is created until a writer
  /// opens it).
  public init(_ label: String, for target: String) {
    path = OutputFile.temporaryPath(for: target + "." + label)
    TemporaryFiles.shared.register(path)
  }

  deinit {
    unlink(path)
    TemporaryFiles.shared.remove(path)
  }
}
