#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file or folder could not be written (the error report's "cannot create" kind: exit 73).
public enum StorageError: Error, CustomStringConvertible, Equatable {
  /// The system refused to write a file or folder, with its `errno`.
  case write(path: String, errno: Int32)
  /// The output folder cannot be used: `reason` says why, `errno` the system's word.
  case outputFolder(path: String, reason: String, errno: Int32?)
  /// Another run holds the output folder and this one was told not to wait (`--no-wait`):
  /// `holder` is that run's process id, when it was found.
  case busy(path: String, holder: Int32?)

  /// The system's reason for `code` (`strerror`).
  public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

  public var description: String {
    switch self {
    case .write(let path, let code): "\(path): cannot write: \(Self.reason(code))"
    case .outputFolder(let path, let reason, let code):
      "\(path): \(reason)" + (code.map { " (\(Self.reason($0)))" } ?? "")
    case .busy(let path, let holder):
      "\(path): \(holder.map { "pmreport (pid \($0))" } ?? "another pmreport run") is writing "
        + "there; not waiting (--no-wait), try again when it is done"
    }
  }
}

extension StorageError {
  /// The system's `errno`, when the error carries one.
  public var code: Int32? {
    switch self {
    case .write(_, let code): code
    case .outputFolder(_, _, let code): code
    case .busy: nil
    }
  }
}
