import Charts
import Foundation
import Frames
import Rendering
import ReportConfig
import Storage

/// What went wrong, as far as the exit status is concerned (sysexits).
public enum ErrorKind: String, Codable, Sendable, CaseIterable {
  /// A bad flag or flag value.
  case usage
  /// Bad data inside a config, style or content file.
  case dataError
  /// A named input file is missing.
  case noInput
  /// A fault of pmreport's own (or of a library it calls).
  case software
  /// The output cannot be created or written (disk full, not writable, a file in the way).
  case cannotCreate
  /// A system file a feature needs is missing (a package to install).
  case osFile
  /// Another run holds the output folder (`--no-wait`): try again later.
  case tempfail

  /// The exit status for this kind: the one table.
  public var exitCode: Int32 {
    switch self {
    case .usage: 64
    case .dataError: 65
    case .noInput: 66
    case .software: 70
    case .cannotCreate: 73
    case .osFile: 72
    case .tempfail: 75
    }
  }
}

/// How errors reach a person: one clear message each, and a sysexits-style exit code.
public enum ErrorReport {
  /// The kind of `error`, by its type and case (never by the words of its message).
  public static func kind(of error: any Error) -> ErrorKind {
    switch error {
    case let e as UnitFailure: e.kind
    case is UsageError, is UnknownNameError: .usage
    case is InputError, is ChartError, is DocumentError, is TableTooWideError: .dataError
    case is MissingFileError: .noInput
    case is ProjectExistsError: .cannotCreate
    case let e as StorageError:
      if case .busy = e { .tempfail } else { .cannotCreate }
    case let e as RenderError:
      switch e {
      case .cairo, .pdf: .software
      case .missingResource: .osFile
      }
    default: .software
    }
  }

  /// 64 usage, 65 bad input data, 66 missing input file, 72 missing system file, 73 cannot create
  /// output, 75 output folder busy, 70 internal error.
  public static func exitCode(for error: any Error) -> Int32 { kind(of: error).exitCode }

  /// The message to print: every diagnostic of an input error on its own line, an error with a
  /// place in a file as its diagnostic (`FILE:LINE:COL: error: DOCUMENT: …`); `document` names
  /// what failed when the run went on with the others.
  public static func message(for error: any Error, document: String? = nil) -> String {
    let context = document.map { "\($0): " } ?? ""
    if var placed = (error as? any PositionedError)?.diagnostic {
      placed.keyPath = document ?? placed.keyPath
      return placed.description
    }
    switch error {
    case let e as InputError: return e.description
    case let e as UnitFailure: return e.message
    case let e as CustomStringConvertible where kind(of: error) != .software:
      return "pmreport: error: \(context)\(e.description)"
    default: return "pmreport: internal error: \(context)\(error)"
    }
  }

  /// Deletes the temporary files of writes in flight when the process is about to exit on a signal;
  /// writes still running stop at their next temporary file.
  ///
  /// Not for signal handlers.
  public static func removeTemporaryFilesBeforeExit() {
    TemporaryFiles.shared.removeAllBeforeExit()
  }
}
