/// Why drawing or completing a document failed (a file that cannot be written is Storage's
/// ``StorageError``).
public enum RenderError: Error, CustomStringConvertible {
  /// Cairo reported a non-success status (a fault of ours or cairo's: exit 70).
  case cairo(operation: String, status: String, path: String)
  /// libqpdf reported an error completing a PDF (a fault of ours or qpdf's: exit 70).
  case pdf(operation: String, reason: String, path: String)
  /// A system file a feature needs is missing (exit 72): what it is for, and the Debian package
  /// that installs it.
  case missingResource(what: String, path: String, package: String)

  public var description: String {
    switch self {
    case .cairo(let op, let status, let path): "\(path): cairo failed to \(op): \(status)"
    case .pdf(let op, let reason, let path): "\(path): qpdf failed to \(op): \(reason)"
    case .missingResource(let what, let path, let package):
      "\(path): missing: \(what) (install it: apt-get install \(package))"
    }
  }
}
