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

  /// The exit status for this kind: the one table.
  public var exitCode: Int32 {
    switch self {
    case .usage: 64
    case .dataError: 65
    case .noInput: 66
    case .software: 70
    case .cannotCreate: 73
    case .osFile: 72
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
    case is StorageError: .cannotCreate
    case let e as RenderError:
      switch e {
      case .cairo, .pdf: .software
      case .missingResource: .osFile
      }
    default: .software
    }
  }

  /// 64 usage, 65 bad input data, 66 missing input file, 72 missing system file, 73 cannot create
  /// output, 70 internal error.
  public static func exitCode(for error: any Error) -> Int32 { kind(of: error).exitCode }

  /// The message to print: every diagnostic of an input error on its own line; `document` names
  /// what failed when the run went on with the others.
  public static func message(for error: any Error, document: String? = nil) -> String {
    let context = document.map { "\($0): " } ?? ""
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

/// How errors and warnings are printed: as text, or as GitHub workflow commands that annotate a
/// pull request (`--diagnostics github`).
public enum DiagnosticsFormat: String, Sendable, CaseIterable {
  case text, github

  /// The lines that report `error`: its message, or one `::error file=…,line=…,col=…::` command
  /// a problem (every diagnostic of an input error at its place).
  public func lines(for error: any Error) -> [String] {
    guard self == .github else { return [ErrorReport.message(for: error)] }
    if let input = error as? InputError {
      return input.diagnostics.map { d in
        Self.command(
          d.severity == .warning ? "warning" : "error",
          d.keyPath.isEmpty ? d.message : "\(d.keyPath): \(d.message)",
          file: d.file, line: d.line, column: d.column)
      }
    }
    return [Self.command("error", ErrorReport.message(for: error), file: nil, line: 0, column: 0)]
  }

  /// A reported line (an error or a warning) with no place in a file.
  public func line(_ text: String, kind: LogLine.Kind) -> String {
    guard self == .github else { return text }
    return Self.command(kind == .error ? "error" : "warning", text, file: nil, line: 0, column: 0)
  }

  /// `::<kind> file=F,line=L,col=C::message`, with the escapes GitHub's workflow commands need.
  static func command(_ kind: String, _ message: String, file: String?, line: Int, column: Int)
    -> String
  {
    var properties: [String] = []
    if let file, !file.isEmpty { properties.append("file=" + escape(file, property: true)) }
    if line > 0 { properties.append("line=\(line)") }
    if column > 0 { properties.append("col=\(column)") }
    let head = properties.isEmpty ? "::\(kind)" : "::\(kind) " + properties.joined(separator: ",")
    return head + "::" + escape(message, property: false)
  }

  /// `%`, CR and LF (and in a property `:` and `,`) as GitHub reads them.
  static func escape(_ text: String, property: Bool) -> String {
    var out = text.replacingOccurrences(of: "%", with: "%25")
      .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    if property {
      out = out.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(
        of: ",", with: "%2C")
    }
    return out
  }
}
