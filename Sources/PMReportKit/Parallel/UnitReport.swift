import Foundation
import ReportModel

/// What one ``WorkUnit`` did: its events, in order.
///
/// A worker process sends it to the parent as one line of JSON; the parent replays the reports in
/// the units' order, so the run's report and manifest never depend on which process finished first.
struct UnitReport: Codable, Sendable {
  var events: [RunEvent]

  /// The report of `events`, each failure as a worker reports it (its message and kind), wherever
  /// the unit was built.
  init(events: [RunEvent]) {
    self.events = events.map { event in
      guard case .failure(var failure) = event else { return event }
      failure.error = failure.reported
      return .failure(failure)
    }
  }

  /// The report of a line a worker could not build or answer (see ``WorkerProtocolError``):
  /// one failure.
  static func failed(_ error: WorkerProtocolError) -> UnitReport {
    UnitReport(events: [.failure(RunFailure(document: "worker", error: error, context: nil))])
  }

  /// The report of a unit that never reported (its worker died): one failure.
  static func lost(document: String, formats: [OutputFormat]) -> UnitReport {
    UnitReport(events: [
      .failure(
        RunFailure(document: document, error: WorkerStopped(formats: formats), context: document))
    ])
  }
}

/// A worker process that stopped before it reported its unit (an internal error, exit 70).
struct WorkerStopped: Error, CustomStringConvertible {
  var formats: [OutputFormat]
  var description: String {
    "the worker process building its \(formats.map(\.rawValue).joined(separator: ", ")) stopped"
  }
}

/// A worker process and its parent out of step: a line that holds no unit of the run, a report
/// that does not encode, an answer that cannot be written (an internal error, exit 70).
enum WorkerProtocolError: Error, CustomStringConvertible {
  case unreadableUnit(String)
  case unknownDocument(Int, count: Int)
  case unencodableReport(String)
  case cannotAnswer(String)

  var description: String {
    switch self {
    case .unreadableUnit(let why):
      "the worker process could not read the work unit it was sent: \(why)"
    case .unknownDocument(let index, let count):
      "the worker process was sent a work unit for document \(index); the run has \(count)"
    case .unencodableReport(let why):
      "the worker process could not encode its report of a work unit: \(why)"
    case .cannotAnswer(let why):
      "the worker process could not send its answer to the run: \(why)"
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
}
