/// Where a run's events go: the text on standard error, `--json`, GitHub annotations.
///
/// A run hands each event to its reporter once, in the run's order, with repeated warnings left
/// out (see ``RunWarning``); the run's ``RunSummary`` is kept by the run itself.
public protocol Reporter {
  func report(_ event: RunEvent)
}

/// A reporter that prints each event as its ``LogLine`` (the caller decides which lines show and
/// how: text, or GitHub annotations), and shows each document's start as progress.
public struct LineReporter: Reporter {
  private let log: (LogLine) -> Void
  private let progress: (Int, Int, String) -> Void

  /// Prints with `log`; `progress` is told each document's index, the count and its name.
  public init(
    _ log: @escaping (LogLine) -> Void,
    progress: @escaping (Int, Int, String) -> Void = { _, _, _ in }
  ) {
    self.log = log
    self.progress = progress
  }

  public func report(_ event: RunEvent) {
    if case .documentStarted(let index, let count, let name) = event {
      progress(index, count, name)
    } else if let line = event.line {
      log(line)
    }
  }
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
    switch event {
    case .documentStarted, .detail: break
    case .file(let file, _): summary.files.append(file)
    case .output(let output): summary.outputs.append(output)
    case .warning(let warning):
      guard seen.insert(warning).inserted else { return }
      if !warning.isNote { summary.warnings.append(warning.text) }
    case .failure(let failure): summary.failures.append((failure.document, failure.error))
    }
    reporter.report(event)
  }
}

/// The events of one work unit, kept in order (to be sent to the parent, or replayed by it).
final class EventLog {
  private(set) var events: [RunEvent] = []
  func append(_ event: RunEvent) { events.append(event) }
}
