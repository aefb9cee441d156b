import Foundation
import Rendering
import ReportConfig
import ReportModel
import Storage
import TextShaping

/// Runs a project: takes the output folder, cuts the documents into ``WorkUnit``s, builds each
/// here or on worker processes (each by its kind's ``DocumentRecipe``, written by the
/// ``OutputWriter``), writes the manifest, and reports every event to a ``Reporter``.
public struct RunScheduler {
  /// Everything the run reads, loaded and checked before anything is written.
  public let project: Project
  let session: RunShaping
  /// The documents this run builds, in build order: a document another one uses comes first
  /// (``DocumentRecipes/buildOrder(_:in:)``); a shard's are the personalised ones alone.
  let runDocuments: [ResolvedDocument]
  /// Told of each document's pages before its files are written (`watch --serve`, which builds
  /// in this one process: units handed to worker processes are not told); nil for none.
  public var observer: (any BuildObserver)?
  /// The certificates' names as this process measured them, for its next units.
  let measuredNames = MeasuredNames()

  /// A run of `project` with the text engine of `session`.
  ///
  /// The content's images were checked when the project was loaded; each document decodes them
  /// as it writes, at the sizes it draws them (``DocumentImages``).
  public init(project: Project, session: RunShaping) throws {
    self.project = project
    self.session = session
    let documents =
      project.options.shard == nil
      ? project.resolvedDocuments : project.resolvedDocuments.filter(\.spec.personalised)
    runDocuments = DocumentRecipes.buildOrder(documents.map(\.spec), in: project.settings).map {
      documents[$0]
    }
  }

  /// Loads and validates everything the run needs; `reporter` receives the warnings found loading.
  ///
  /// Throws input errors before anything is written. With `prepareFonts`, the text engine starts
  /// up on another thread meanwhile (for a render).
  public static func load(
    options: RunOptions, prepareFonts: Bool = false, reporter: any Reporter = SilentReporter()
  ) throws -> RunScheduler {
    let session = prepareFonts ? RunShaping.preparing() : RunShaping()
    do {
      return try RunScheduler(
        project: Project.load(options: options, inputs: Inputs(), reporter: reporter),
        session: session)
    } catch {
      session.finish()
      throw error
    }
  }

  var options: RunOptions { project.options }
  var settings: ReportSettings { project.settings }

  /// Builds every document in every format.
  ///
  /// A failing document is reported and the others still run. With `workers` (see
  /// ``WorkerPool``), the units are shared with worker processes; their events are replayed in
  /// the units' order, so the report does not depend on which process did what. The last event
  /// is ``RunEvent/finished``.
  public func run(workers: WorkerLaunch? = nil, reporter: any Reporter = SilentReporter())
    -> RunSummary
  {
    let recorder = RunRecorder(reporter)
    run(workers: workers, recorder: recorder)
    recorder.report(.finished)
    return recorder.summary
  }

  /// Takes the output folder, builds every unit and writes the manifest, reporting to `recorder`.
  private func run(workers: WorkerLaunch?, recorder: RunRecorder) {
    // Workers started early and not handed units end as soon as that is known.
    defer { workers?.early?.stop() }
    if let note = shardNote { recorder.report(.warning(note)) }
    // A shard with no participant has nothing to write: not even the output folder.
    guard options.shard == nil || !participants.isEmpty else { return }
    do {
      try takeOutputFolder(report: recorder.report)
    } catch {
      recorder.report(.failure(RunFailure(document: "output", error: error, context: nil)))
      return
    }
    defer { RunLock.release(settings.outputDirectory) }
    prepareLanguage(report: recorder.report)
    let shapeCache = useShapeCache()
    let documents = runDocuments
    let units = WorkPlan.units(
      documents: documents.map(\.spec), formats: settings.formats,
      participants: participants.count, jobs: workers?.jobs ?? 1,
      sharedFiles: options.shard == nil)
    if let workers, workers.jobs > 1, units.count > 1 {
      runShared(units, with: workers, recorder: recorder)
    } else {
      workers?.early?.stop()
      for unit in units {
        let name = documents[unit.document].name
        recorder.report(.documentStarted(index: unit.document, count: documents.count, name: name))
        build(unit, report: recorder.report)
      }
    }
    writeManifest(of: recorder.summary.files, report: recorder.report)
    if let shapeCache { finish(shapeCache, report: recorder.report) }
  }

  /// The participants this run writes copies for: the roster, or this shard's slice of it.
  var participants: [Participant] {
    guard let roster = project.roster else { return [] }
    guard let shard = options.shard else { return roster.participants }
    return roster.shard(shard.index, of: shard.count)
  }

  /// Builds `unit`; a failure is reported, and the run goes on.
  ///
  /// Each file is flushed and put in place while the next is drawn (``SettledReports``); every
  /// file is in place, and reported, before this returns.
  func build(_ unit: WorkUnit, report: @escaping (RunEvent) -> Void) {
    let document = runDocuments[unit.document]
    let settled = SettledReports(report)
    let report = settled.pass
    do {
      for (family, substitute) in session.substitutes(in: document.style) {
        report(
          .warning(
            RunWarning(
              .fontSubstitute,
              "style '\(document.style.name)': font family '\(family)' is not installed; '\(substitute)' is used instead"
            )))
      }
      let recipe = try DocumentRecipes.recipe(of: document.spec)
      let build = DocumentBuild(
        recipe, of: document, in: unit, project: project,
        images: DocumentImages(
          project.images, ppi: document.style.page.imagePPI, dpi: settings.dpi),
        session: session, participants: participants, measuredNames: measuredNames,
        report: report)
      let writer = OutputWriter(build: build, settled: settled)
      // The live preview is handed the first output that is the document's own, before it is
      // written (the writer frees the pages as it draws them).
      var previewed = observer == nil
      try recipe.outputs(build) { output in
        if !previewed, !output.repeatsPages {
          previewed = true
          try observer?.laidOut(preview(of: output, in: build, writer: writer))
        }
        try writer.write(output)
      }
      try settled.settle()
    } catch {
      // A file that failed behind the writer failed first: its error is the document's.
      let error = settled.settling.firstFailure ?? error
      report(.failure(RunFailure(document: document.name, error: error, context: document.name)))
    }
  }

  /// Sets the document language (``Metadata/lang``) on the text engine.
  ///
  /// A language with no patterns installed is typeset without hyphenation, with one warning a
  /// run.
  func prepareLanguage(report: (RunEvent) -> Void) {
    let lang = settings.metadata.lang
    let hyphenates = project.resolvedDocuments.contains { $0.style.paragraph.hyphenate }
    if !session.setLanguage(lang), hyphenates {
      report(
        .warning(
          RunWarning(
            .language,
            "no hyphenation patterns are installed for language '\(lang)' (metadata.lang), so the "
              + "documents are not hyphenated; on Debian, install hyphen-\(Words.primarySubtag(lang))"
          )))
    }
  }

  /// Gives the text engine the shape cache the options ask for, and returns it (nil: none): the
  /// one the session keeps, started again, else a new one.
  func useShapeCache() -> ShapeCache? {
    session.keptShapeCache?.startRun()
    let shapeCache = session.keptShapeCache ?? options.makeShapeCache()
    session.useShapeCache(shapeCache)
    return shapeCache
  }

  /// Stores what the run shaped, reports the cache's counts, and trims it.
  private func finish(_ shapeCache: ShapeCache, report: (RunEvent) -> Void) {
    shapeCache.flush()
    report(
      .detail(
        "shape cache \(Paths.relative(shapeCache.folder, to: options.workingDirectory)): "
          + "\(shapeCache.hits) found, \(shapeCache.misses) shaped, \(shapeCache.writes) stored"))
    shapeCache.trim()
    for (name, refusal) in shapeCache.ignored.sorted(by: { $0.key < $1.key }) {
      let path = Paths.relative(shapeCache.folder + "/" + name, to: options.workingDirectory)
      report(.warning(RunWarning(.shapeCache, "shape cache: ignored \(path): it \(refusal)")))
    }
    if let failure = shapeCache.writeFailure {
      report(
        .warning(
          RunWarning(
            .shapeCache, "shape cache: \(failure); nothing more was stored there this run")))
    }
  }
}
