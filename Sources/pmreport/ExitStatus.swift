import ArgumentParser
import Foundation
import PMReportKit

/// Maps errors to sysexits-style exit codes and prints them as one clear message each.
enum ExitStatus {
  /// Runs `body`; on error prints its message on standard error and exits with the matching
  /// code.
  static func guarding<T>(_ body: () throws -> T) throws -> T {
    try reporting(to: TextReporter(ProgressBar(enabled: false), verbosity: .quiet), body)
  }

  /// Runs `body`; on error reports it to `sink` as what stopped the run (its message, or its
  /// annotations) and exits with the matching code.
  static func reporting<T>(to sink: any Reporter, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ExitCode {
      throw error
    } catch {
      sink.report(.stopped(by: error))
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
