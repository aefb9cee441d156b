import Foundation

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
  static func lost(document: String, reason: String) -> UnitReport {
    let failure = UnitFailure(
      document: document, message: "pmreport: internal error: \(document): \(reason)",
      kind: .software)
    return UnitReport(failures: [failure], lines: [LogLine(.error, failure.message)])
  }

  /// Adds this report to `summary` and passes its lines to `log`; a warning already reported by
  /// another unit (the same text) is left out.
  func replay(into summary: inout RunSummary, log: (LogLine) -> Void) {
    summary.files += files
    summary.outputs += outputs
    for warning in warnings where !summary.warnings.contains(warning) {
      summary.warnings.append(warning)
    }
    summary.failures += failures.map { ($0.document, $0) }
    for line in lines {
      if line.kind == .warning {
        guard !summary.reportedWarnings.contains(line.text) else { continue }
        summary.reportedWarnings.insert(line.text)
      }
      log(line)
    }
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
