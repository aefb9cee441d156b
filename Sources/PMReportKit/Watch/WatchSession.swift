import Charts
import Foundation
import ReportConfig
import TextShaping

/// `pmreport watch`: builds the documents once, then again each time an input changes, with one
/// text engine kept in memory.
///
/// Every build loads a fresh ``Project`` (the content is loaded and validated again; the config and
/// styles are reused while their files hold the same bytes, ``ConfigMemo``) and runs it on a
/// ``RunScheduler`` handed the same ``ShapingSession``; after each build the session keeps the
/// shapes that build used and forgets the rest, so a one-paragraph edit re-shapes that paragraph
/// only; the shape cache on disk is kept too (its index read once). A build whose inputs do not
/// load reports why and writes nothing: the files of the last good build stay, and the next change
/// builds again. So does a build that looked for a file the last good build read and found none (a
/// deleted `pmreport.yml` would otherwise build the built-in article): a vanished input is an error
/// until it comes back. With `--json`, each build (or build refused) is also one line of JSON,
/// a run's report (``JSONReporter``).
public final class WatchSession {
  private let options: RunOptions
  private let quietMilliseconds: Int
  /// Each build's events (as a render reports them), and inputs that did not load (as what
  /// stopped the build).
  private let reporter: any Reporter
  /// The session's own lines: a build done (after its files are renamed into place), watching.
  private let status: (String) -> Void
  /// Whether a build's line also splits its time (`-v`).
  private let splitsTime: Bool
  /// Where each build's report goes as one line of JSON (`--json`); nil for none.
  private let jsonLines: ((String) -> Void)?
  private let measurer: any ShapingSession = PangoMeasurer()
  /// How long a load that failed waits for another input to change before its errors are shown,
  /// in milliseconds.
  ///
  /// Files saved one after another by one program (`git checkout`, a script writing several
  /// inputs) come microseconds apart, a small command between them (`cp`, `sed -i`) a millisecond
  /// or two: such a burst is then built whole instead of its first file's errors being shown. A
  /// save that loads pays nothing; a bad save's errors come 5 ms later.
  static let settleMilliseconds = 5
  /// The charts `measurer` laid out, kept while their inputs are unchanged.
  private let charts = ChartLayouts()
  /// The config and styles loaded, kept while their files are unchanged.
  private let configs = ConfigMemo()
  /// The shape cache the options name, its index read once for the session (nil: none).
  private let shapeCache: ShapeCache?
  /// Told of each build: its pages before its files are written, and its events, a build that
  /// did not run too (the live preview); nil for none.
  public var observer: (any BuildObserver)?

  /// A session building as `options` says, at once after a save (a file written and closed, or
  /// renamed into place), else `quietMilliseconds` after the last change (``Debouncer``),
  /// reporting each build's events to `reporter` and its own lines to `status`; with
  /// `splitsTime`, a build's line says how long loading, laying out and writing took; with
  /// `jsonLines`, each build's report (a failed load's error too) goes there as one line.
  public init(
    options: RunOptions, quietMilliseconds: Int, splitsTime: Bool = false,
    reporter: any Reporter, status: @escaping (String) -> Void,
    jsonLines: ((String) -> Void)? = nil
  ) {
    self.options = options
    self.quietMilliseconds = quietMilliseconds
    self.splitsTime = splitsTime
    self.jsonLines = jsonLines
    self.reporter = reporter
    self.status = status
    shapeCache = options.makeShapeCache()
  }

  /// Builds, then watches and rebuilds until the process ends (a signal) or watching fails.
  ///
  /// What is watched is what the last load read, looked for and listed (``Inputs/record``),
  /// whether it loaded or not: a file looked for in vain (a deleted config, a style name's
  /// `Styles/<name>.yml`) is watched for until it appears.
  public func run() throws -> Never {
    var ignoredFolder = options.absolute(options.outputDirectory ?? "Output")
    let watcher = try FileWatcher(
      WatchedInputs(InputRecord(), ignoredFolder: ignoredFolder),
      quietMilliseconds: quietMilliseconds)
    var verb = "built"
    /// What the last good build read.
    var lastGood = InputRecord()
    while true {
      let started = DispatchTime.now()
      observer?.buildStarted(at: started)
      let inputs = Inputs()
      let loaded = load(inputs: inputs, readBefore: lastGood)
      if case .success(let project) = loaded { ignoredFolder = project.settings.outputDirectory }
      // Watch what this load read before building, so a save made while it builds is not missed.
      let watched = WatchedInputs(inputs.record, ignoredFolder: ignoredFolder)
      try watcher.watch(watched)
      switch loaded {
      case .success(let project):
        if build(project, verb, started: started) { lastGood = inputs.record }
      case .failure(let error):
        // Files saved together (a script, `git checkout`) may have been loaded half saved: when
        // another input changes at once, build that instead of showing these errors.
        if try watcher.change(within: Self.settleMilliseconds) != nil { continue }
        notBuilt(verb, error, started: started)
      }
      if verb == "built" {
        status(
          "watching \(watched.files.count) file\(watched.files.count == 1 ? "" : "s") in "
            + "\(watcher.folderCount) folder\(watcher.folderCount == 1 ? "" : "s") for changes; "
            + "Ctrl-C stops")
        verb = "rebuilt"
      }
      _ = try watcher.nextChange()
    }
  }

  /// The project, loaded through `inputs`; the error when it does not load, or when the load
  /// looked for a file that the last good build read (`readBefore`) and found none.
  private func load(inputs: Inputs, readBefore: InputRecord) -> Result<Project, any Error> {
    Result {
      let project = try Project.load(
        options: options, inputs: inputs, reporter: reporter, memo: configs)
      if let vanished = vanished(since: readBefore, now: inputs.record) { throw vanished }
      return project
    }
  }

  /// An error naming each file `before` read that `now` looked for in vain; nil when none did.
  private func vanished(since before: InputRecord, now: InputRecord) -> InputError? {
    let gone = now.notFound.filter { before.filesRead[$0] != nil }.sorted()
    guard !gone.isEmpty else { return nil }
    return InputError(
      diagnostics: gone.map {
        Diagnostic(
          file: Paths.relative($0, to: options.absolute(".")), line: 0, column: 0, keyPath: "",
          message: "the file vanished: the last good build read it, and its files are kept until "
            + "it is back (restart watch to build without it)")
      })
  }

  /// Reports a build (begun at `started`) that did not start: why, and that the last good files
  /// stay.
  private func notBuilt(_ verb: String, _ error: any Error, started: DispatchTime) {
    let sink = Reporters(
      [reporter] + observers
        + jsonReporter(outputDirectory: options.absolute("."), started: started))
    sink.report(.stopped(by: error))
    sink.report(.finished)
    status("not \(verb): the files of the last good build are kept; watching for changes")
  }

  /// The observer as a build's reporter; none without one.
  private var observers: [any Reporter] { observer.map { [$0] } ?? [] }

  /// The `--json` sink of one build begun at `started`, printing one line; none without
  /// `jsonLines`.
  private func jsonReporter(outputDirectory: String, started: DispatchTime) -> [any Reporter] {
    guard let jsonLines else { return [] }
    return [
      JSONReporter(
        outputDirectory: outputDirectory, started: started, oneLine: true, write: jsonLines)
    ]
  }

  /// One build of a loaded project, begun (its loading included) at `started`; whether it ran.
  private func build(_ project: Project, _ verb: String, started: DispatchTime) -> Bool {
    let loaded = DispatchTime.now()
    let summary: RunSummary
    do {
      let json = jsonReporter(
        outputDirectory: project.settings.outputDirectory, started: started)
      var scheduler = try RunScheduler(
        project: project,
        session: RunShaping(keeping: measurer, charts: charts, shapeCache: shapeCache))
      scheduler.observer = observer
      summary = scheduler.run(reporter: Reporters([reporter] + observers + json))
    } catch {
      // An image changed since it was loaded and no longer decodes.
      notBuilt(verb, error, started: started)
      return false
    }
    measurer.keepShapesUsedSinceLastKeep()
    charts.keepUsedSinceLastKeep()
    let total = started.elapsedSeconds
    var line = "\(verb) in \(Self.milliseconds(total)) ms (\(Self.outputs(of: summary)))"
    if splitsTime {
      // The writers' times (drawing, qpdf, the checked write and rename) are in the report; the
      // rest of the run is shaping and layout (and the lock and manifest, which take little).
      let writing = summary.outputs.reduce(0) { $0 + $1.seconds }
      let laying = loaded.elapsedSeconds - writing
      line +=
        ": load and check \(Self.milliseconds(total - writing - laying)) ms, shape and lay out "
        + "\(Self.milliseconds(laying)) ms, write \(Self.milliseconds(writing)) ms"
    }
    status(line)
    return true
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
