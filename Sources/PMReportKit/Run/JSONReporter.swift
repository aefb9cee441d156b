import Dispatch

/// The `--json` sink: folds a run's events into its ``RunReport`` and prints it, on standard
/// output, when the run is finished.
///
/// Given the run's events only (the warnings found loading stay on standard error).
public final class JSONReporter: Reporter {
  private let outputDirectory: String
  private let started: DispatchTime
  private let oneLine: Bool
  private let write: (String) -> Void
  private var summary = RunSummary()

  /// A sink whose report gives paths relative to `outputDirectory` and the time since `started`,
  /// printed with `write`: pretty-printed, or with `oneLine` on one line (``RunReport/jsonLine``).
  public init(
    outputDirectory: String, started: DispatchTime, oneLine: Bool = false,
    write: @escaping (String) -> Void = { print($0) }
  ) {
    self.outputDirectory = outputDirectory
    self.started = started
    self.oneLine = oneLine
    self.write = write
  }

  public func report(_ event: RunEvent) {
    guard case .finished = event else {
      summary.record(event)
      return
    }
    let report = RunReport(
      summary, outputDirectory: outputDirectory, seconds: started.elapsedSeconds)
    write(oneLine ? report.jsonLine : report.json)
  }
}

/// Several sinks as one: each event goes to each, in their order.
public struct Reporters: Reporter {
  private let sinks: [any Reporter]

  public init(_ sinks: [any Reporter]) { self.sinks = sinks }

  public func report(_ event: RunEvent) {
    for sink in sinks { sink.report(event) }
  }
}
