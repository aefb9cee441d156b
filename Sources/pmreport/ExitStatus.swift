import ArgumentParser
import Foundation
import PMReportKit

/// Maps errors to sysexits-style exit codes and prints them as one clear message each.
enum ExitStatus {
  /// Runs `body`; on error prints the message(s), as text or as GitHub workflow commands, and
  /// exits with the matching code.
  static func guarding<T>(_ format: DiagnosticsFormat = .text, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ExitCode {
      throw error
    } catch {
      for line in format.lines(for: error) { Console.error(line) }
      throw ExitCode(code(for: error))
    }
  }

  static func code(for error: any Error) -> Int32 {
    ErrorReport.exitCode(for: error)
  }
}

/// Stops the worker processes and removes in-flight temporary files (called on the interruption
/// thread, before `_exit`).
enum TemporaryFilesCleanup {
  static func run() {
    WorkerProcesses.shared.terminateAll()
    ErrorReport.removeTemporaryFilesBeforeExit()
  }
}
