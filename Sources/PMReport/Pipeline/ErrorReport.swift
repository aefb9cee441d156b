import Charts
import Foundation
import ReportConfig
import Rendering

/// How errors reach a person: one clear message each, and a sysexits-style exit code.
public enum ErrorReport {
    /// 64 usage, 65 bad input data, 66 missing input file, 73 cannot create output, 70 internal error.
    public static func exitCode(for error: any Error) -> Int32 {
        switch error {
        case is UsageError, is UnknownNameError: 64
        case is InputError, is ChartError: 65
        case is MissingFileError: 66
        case let e as RenderError:
            if case .io = e { 73 } else if e.description.contains("write") || e.description.contains("create") { 73 } else { 70 }
        default: 70
        }
    }

    /// The message to print: every diagnostic of an input error on its own line; `document` names
    /// what failed when the run went on with the others.
    public static func message(for error: any Error, document: String? = nil) -> String {
        let context = document.map { "\($0): " } ?? ""
        switch error {
        case let e as InputError: return e.description
        case let e as CustomStringConvertible where exitCode(for: error) != 70:
            return "pmreport: error: \(context)\(e.description)"
        default: return "pmreport: internal error: \(context)\(error)"
        }
    }

    /// Deletes the temporary files of writes in flight.
    public static func removeTemporaryFiles() { TemporaryFiles.shared.removeAll() }

    /// Deletes the temporary files of writes in flight when the process is about to exit on a
    /// signal; writes still running stop at their next temporary file. Not for signal handlers.
    public static func removeTemporaryFilesBeforeExit() { TemporaryFiles.shared.removeAllBeforeExit() }
}
