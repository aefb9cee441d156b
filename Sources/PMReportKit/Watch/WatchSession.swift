import Foundation
import TextShaping

/// `pmreport watch`: builds the documents once, then again each time an input changes, with one
/// text engine kept in memory.
///
/// Every build is a fresh ``Pipeline`` (the config and content are loaded and validated again,
/// which is cheap) handed the same ``ShapingSession``; after each build the session keeps the
/// shapes that build used and forgets the rest, so a one-paragraph edit re-shapes that paragraph
/// only. A build whose inputs do not load reports why and writes nothing: the files of the last
/// good build stay, and the next change builds again.
public final class WatchSession {
  /// What a session reports, and how.
  public struct Reporter {
    /// Each line of a build's report (as a render prints them).
    public var log: (LogLine) -> Void
    /// The inputs did not load: the error, printed as a render prints it.
    public var failed: (any Error) -> Void
    /// The session's own lines: a build done (after its files are renamed into place), watching.
    public var status: (String) -> Void

    public init(
      log: @escaping (LogLine) -> Void, failed: @escaping (any Error) -> Void,
      status: @escaping (String) -> Void
    ) {
      self.log = log
      self.failed = failed
      self.status = status
    }
  }

  private let options: RunOptions
  private let quietMilliseconds: Int
  private let reporter: Reporter
  /// Whether a build's line also splits its time (`-v`).
  private let splitsTime: Bool
  private let measurer: any ShapingSession = PangoMeasurer()

  /// A session building as `options` says, waiting `quietMilliseconds` after the last change;
  /// with `splitsTime`, a build's line says how long loading, laying out and writing took.
  public init(
    options: RunOptions, quietMilliseconds: Int, splitsTime: Bool = false, reporter: Reporter
  ) {
    self.options = options
    self.quietMilliseconds = quietMilliseconds
    self.splitsTime = splitsTime
    self.reporter = reporter
  }

  /// Builds, then watches and rebuilds until the process ends (a signal) or watching fails.
  public func run() throws -> Never {
    // Watch before the first build, so a save made while it runs is not missed.
    var inputs = WatchedInputs(commandLine: options)
    let watcher = try FileWatcher(inputs, quietMilliseconds: quietMilliseconds)
    var verb = "built"
    while true {
      // Inputs that did not load are watched as before, and as the command line names them, so
      // a fixed or newly made config or content is noticed.
      inputs = build(verb) ?? inputs.union(WatchedInputs(commandLine: options))
      try watcher.watch(inputs)
      if verb == "built" {
        reporter.status(
          "watching \(inputs.files.count) file\(inputs.files.count == 1 ? "" : "s") in "
            + "\(watcher.folderCount) folder\(watcher.folderCount == 1 ? "" : "s") for changes; "
            + "Ctrl-C stops")
        verb = "rebuilt"
      }
      _ = try watcher.nextChange()
    }
  }

  /// One build; returns the inputs it read, or nil when they did not load.
  private func build(_ verb: String) -> WatchedInputs? {
    let started = DispatchTime.now()
    let pipeline: Pipeline
    do {
      pipeline = try Pipeline(options: options, measurer: measurer, log: reporter.log)
    } catch {
      reporter.failed(error)
      reporter.status(
        "not \(verb): the files of the last good build are kept; watching for changes")
      return nil
    }
    let loaded = DispatchTime.now()
    let summary = pipeline.run()
    measurer.keepShapesUsedSinceLastKeep()
    let total = Pipeline.seconds(since: started)
    var line = "\(verb) in \(Self.milliseconds(total)) ms (\(Self.outputs(of: summary)))"
    if splitsTime {
      // The writers' times (drawing, qpdf, the checked write and rename) are in the report; the
      // rest of the run is shaping and layout (and the lock and manifest, which take little).
      let writing = summary.outputs.reduce(0) { $0 + $1.seconds }
      let laying = Pipeline.seconds(since: loaded) - writing
      line +=
        ": load and check \(Self.milliseconds(total - writing - laying)) ms, shape and lay out "
        + "\(Self.milliseconds(laying)) ms, write \(Self.milliseconds(writing)) ms"
    }
    reporter.status(line)
    return pipeline.watchedInputs
  }

  private static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }

  /// What a build wrote and what failed, for its line: `full-report: pdf, svg; charts: pdf`.
  static func outputs(of summary: RunSummary) -> String {
    var documents: [(name: String, formats: [String])] = []
    for output in summary.outputs {
      if let last = documents.indices.last, documents[last].name == output.document {
        if !documents[last].formats.contains(output.format.rawValue) {
          documents[last].formats.append(output.format.rawValue)
        }
      } else {
        documents.append((output.document, [output.format.rawValue]))
      }
    }
    var parts = documents.map { "\($0.name): \($0.formats.joined(separator: ", "))" }
    let failed = summary.failures.map(\.0)
    if !failed.isEmpty { parts.append("failed: \(failed.joined(separator: ", "))") }
    return parts.isEmpty ? "nothing written" : parts.joined(separator: "; ")
  }
}
