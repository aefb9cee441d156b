import Foundation
import ReportModel

/// What one ``WorkUnit`` did: its part of the run's summary and the lines it reported, in order.
///
/// A worker process sends it to the parent as one line of JSON; the parent replays the reports in
/// the units' order, so the run's report and manifest never depend on which process finished first.
struct UnitReport: Codable, Sendable {
  var files: [WrittenFile] = []
  var outputs: [DocumentOutput] = []
  var warnings: [String] = []
  var failures: [UnitFailure] = []
  var lines: [LogLine] = []

  /// The report of a unit that never reported (its worker died): one failure.
  static func lost(document: String, formats: [OutputFormat]) -> UnitReport {
    let failure = UnitFailure(document: document, error: WorkerStopped(formats: formats))
    return UnitReport(failures: [failure], lines: [LogLine(.error, failure.message)])
  }

  /// Adds this report to `summary` and passes its lines to `log`; a warning already printed
  /// (`printed`, the same text) is left out.
  func replay(
    into summary: inout RunSummary, printed: inout Set<String>, log: (LogLine) -> Void
  ) {
    summary.files += files
    summary.outputs += outputs
    for warning in warnings where !summary.warnings.contains(warning) {
      summary.warnings.append(warning)
    }
    summary.failures += failures.map { ($0.document, $0) }
    for line in lines {
      if line.kind == .warning {
        guard printed.insert(line.text).inserted else { continue }
      }
      log(line)
    }
  }
}

/// A worker process that stopped before it reported its unit (an internal error, exit 70).
struct WorkerStopped: Error, CustomStringConvertible {
  var formats: [OutputFormat]
  var description: String {
    "the worker process building its \(formats.map(\.rawValue).joined(separator: ", ")) stopped"
  }
}

/// A document that failed in a worker: the message as the worker printed it, and its kind (for the
/// exit status).
struct UnitFailure: Error, Codable, Sendable, CustomStringConvertible {
  var document: String
  var message: String
  var kind: ErrorKind
  var description: String { message }

  init(document: String, message: String, kind: ErrorKind) {
    self.document = document
    self.message = message
    self.kind = kind
  }

  /// `error` as a worker reports it.
  init(document: String, error: any Error) {
    self.init(
      document: document, message: ErrorReport.message(for: error, document: document),
      kind: ErrorReport.kind(of: error))
  }
}
