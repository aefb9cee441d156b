/// Where a run's events go: the text on standard error (``TextReporter``), `--json`
/// (``JSONReporter``), GitHub annotations (``AnnotationReporter``); the command line picks them.
///
/// A run hands each event to its reporter once, in the run's order, with repeated warnings left
/// out (see ``RunWarning``), and ends with ``RunEvent/finished``; the warnings found loading come
/// first, and an error that stops the run comes as ``RunEvent/stopped(_:)``. The run's
/// ``RunSummary`` is kept by the run itself.
public protocol Reporter {
  func report(_ event: RunEvent)
}

/// A reporter that reports nothing (a run whose caller reads its summary only).
public struct SilentReporter: Reporter {
  public init() {}
  public func report(_ event: RunEvent) {}
}

/// A run's events as they happen: each warning once (by identity), folded into the run's summary
/// and passed on to the reporter.
final class RunRecorder {
  private let reporter: any Reporter
  private var seen: Set<RunWarning> = []
  private(set) var summary = RunSummary()

  init(_ reporter: any Reporter) { self.reporter = reporter }

  func report(_ event: RunEvent) {
    if case .warning(let warning) = event, !seen.insert(warning).inserted { return }
    summary.record(event)
    reporter.report(event)
  }
}

extension RunSummary {
  /// Adds what `event` tells: a file, a document's output, a warning (not a note), a failure.
  mutating func record(_ event: RunEvent) {
    switch event {
    case .documentStarted, .detail, .finished: break
    case .file(let file, _): files.append(file)
    case .output(let output): outputs.append(output)
    case .warning(let warning): if !warning.isNote { warnings.append(warning.placedText) }
    case .failure(let failure), .stopped(let failure):
      failures.append((failure.document, failure.error))
    }
  }
}

/// The events of one work unit, kept in order (to be sent to the parent, or replayed by it).
final class EventLog {
  private(set) var events: [RunEvent] = []
  func append(_ event: RunEvent) { events.append(event) }
}
