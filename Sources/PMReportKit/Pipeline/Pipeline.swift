import CBuildInfo
import Charts
import Foundation
import Frames
import Geometry
import Pagination
import Rendering
import ReportConfig
import ReportModel
import TextShaping

/// The pipeline as a library: load config, style and content; lay out each document; write each format.
public final class Pipeline {
  /// pmreport's version, printed by `--version` and written as the PDF creator.
  public static let version = "0.1.0"

  /// What `--version` prints: the version and the commit built from, then the drawing and text
  /// libraries this process runs with.
  public static var versionDescription: String {
    "pmreport \(version) (commit \(String(cString: pmreport_build_commit())))\n"
      + "cairo \(CairoLibrary.version), Pango \(TextEngine.pangoVersion), "
      + "HarfBuzz \(TextEngine.harfBuzzVersion)"
  }

  public let options: RunOptions
  public let settings: ReportSettings
  /// The documents this run builds, in config order, each merged once from the command line, its
  /// config entry, the config and its style, and checked as merged.
  public let resolvedDocuments: [ResolvedDocument]
  public let content: Comparison
  /// The words the documents print, in the document language with the config's overrides.
  public var words: Words { settings.words }
  /// The folder every file the run reads lies in (see ``ProjectRoot``).
  public let root: ProjectRoot
  /// The content's images, decoded.
  let images: ContentImages
  /// The participants (`--roster` or `roster:`), read and checked before anything is written.
  public let roster: Roster?
  /// Made on first use: `check`, `list` and `export-content` need no fonts.
  ///
  /// A render starts making it while the inputs load (see ``PreparedMeasurer``); `pmreport watch`
  /// hands every build the same one (`keptMeasurer`).
  private lazy var measurer: any ShapingSession =
    keptMeasurer ?? preparedMeasurer?.take() ?? PangoMeasurer()
  private let preparedMeasurer: PreparedMeasurer?
  /// A measurer that outlives this pipeline: its shapes are kept after each document (the caller
  /// bounds them, see ``ShapingSession/keepShapesUsedSinceLastKeep()``), not discarded.
  private let keptMeasurer: (any ShapingSession)?
  /// The config file read, absolute; nil when there was none.
  public let configFile: String?
  /// Called with each line of progress (one per file written), each warning and each error.
  ///
  /// A unit built for a parallel run has its lines captured instead (``report(of:)``).
  var log: (LogLine) -> Void
  /// The run's date (metadata, the cover), to the second: the same in every worker process.
  let date: Date
  /// Font families already checked for a substitute (each is reported once a run).
  private var checkedFamilies: Set<String> = []
  /// Called as each document starts: its index, the number of documents, its name.
  public var onDocument: (Int, Int, String) -> Void = { _, _, _ in }

  /// Loads and validates everything the run needs.
  ///
  /// Throws input errors before anything is written. With `prepareFonts`, the text engine starts up
  /// on another thread meanwhile (for a render).
  public convenience init(
    options: RunOptions, prepareFonts: Bool = false,
    log: @escaping (LogLine) -> Void = { _ in }
  ) throws {
    let prepared = prepareFonts ? PreparedMeasurer(warming: Style.classic.fonts.body) : nil
    do {
      try self.init(options: options, preparedMeasurer: prepared, keptMeasurer: nil, log: log)
    } catch {
      prepared?.finish()
      throw error
    }
  }

  /// Loads and validates everything the run needs, to build with `measurer`, which the caller
  /// keeps from one build to the next (`pmreport watch`).
  ///
  /// The measurer's shapes are not discarded after each document: the caller calls
  /// ``ShapingSession/keepShapesUsedSinceLastKeep()`` after each build to bound them.
  public convenience init(
    options: RunOptions, measurer: any ShapingSession, log: @escaping (LogLine) -> Void = { _ in }
  ) throws {
    try self.init(options: options, preparedMeasurer: nil, keptMeasurer: measurer, log: log)
  }

  private init(
    options: RunOptions, preparedMeasurer: PreparedMeasurer?, keptMeasurer: (any ShapingSession)?,
    log: @escaping (LogLine) -> Void
  ) throws {
    self.options = options
    self.log = log
    date = Date(timeIntervalSince1970: options.effectiveDate.timeIntervalSince1970.rounded(.down))
    self.preparedMeasurer = preparedMeasurer
    self.keptMeasurer = keptMeasurer
    var settings = try ConfigLoader.loadSettings(
      configPath: options.configPath.map(options.absolute),
      workingDirectory: options.workingDirectory, root: options.root.map(options.absolute))
    root = settings.root
    configFile = settings.file.map(options.absolute)
    var contentDisplay: String?
    if let path = options.contentPath {
      settings.contentPath = try Self.confineCommandLine(
        options.absolute(path), as: path, option: "--content", in: settings.root)
      contentDisplay = path
    }
    if let dir = options.outputDirectory { settings.outputDirectory = options.absolute(dir) }
    if let formats = options.formats { settings.formats = formats }
    if let dpi = options.dpi { settings.dpi = dpi }
    if let seed = options.seed {
      for index in settings.documents.indices { settings.documents[index].seed = seed }
    }
    let loaded: LoadedContent?
    do {
      loaded = try settings.contentPath.map {
        try ConfigLoader.loadContentFile(path: $0, display: contentDisplay)
      }
    } catch var missing as MissingFileError {
      // A path from the config: say where it was written.
      if contentDisplay == nil { missing.location = settings.contentLocation }
      throw missing
    }
    let content = try loaded?.content ?? ConfigLoader.builtInContent()
    settings.settings.metadata = settings.settings.metadata.merged(
      with: content.info, configKeys: settings.settings.metadataKeys,
      builtInContent: settings.contentPath == nil,
      fallbackTitle: settings.contentPath.map {
        (($0 as NSString).lastPathComponent as NSString).deletingPathExtension
      } ?? Metadata.builtIn.title)
    self.settings = settings.settings
    self.content = content
    let problems = ConfigLoader.validate(settings, against: content)
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty { throw InputError(diagnostics: errors) }
    // Every image is read and decoded now: a bad one stops the run before anything is written.
    images = try ContentImages.load(content, from: loaded, root: settings.root)
    roster = try Self.loadRoster(options: options, settings: settings)
    if let shard = options.shard, roster == nil {
      throw UsageError.shardWithoutRoster(shard.index, shard.count)
    }
    for warning in problems where warning.severity == .warning {
      log(LogLine(.warning, warning.description))
    }
    for warning in loaded?.warnings ?? [] { log(LogLine(.warning, warning.description)) }
    for note in Self.chartsLeftOut(content) { log(LogLine(.warning, note)) }
    // The charts document, asked for by name, needs charts to draw.
    let drawsCharts = !content.charts().isEmpty
    if !drawsCharts, let wanted = options.documents, wanted.contains("charts"),
      !settings.settings.documents.contains(where: { $0.name == "charts" })
    {
      throw DocumentError.noCharts("charts")
    }
    // Styles load and margins are checked against the paper each document gets, before anything
    // is written: a bad --style is one error up front, not one failure per document.
    resolvedDocuments = try ConfigLoader.resolve(
      Self.documents(of: settings.settings, wanted: options.documents, charts: drawsCharts),
      in: settings,
      commandLine: CommandLineSettings(
        style: options.style, paperSize: options.paperSize,
        workingDirectory: options.workingDirectory))
    if let wanted = options.documents {
      let known = settings.documents.map(\.name) + ["charts"]
      for name in wanted where !known.contains(name) {
        throw UsageError.unknownDocument(name, known: known)
      }
    }
  }

  /// The roster the command line or the config names, checked against the personal line's
  /// placeholders (each must be a column); nil when neither names one.
  static func loadRoster(options: RunOptions, settings: LoadedSettings) throws -> Roster? {
    let roster: Roster
    if let path = options.rosterPath {
      let real = try confineCommandLine(
        options.absolute(path), as: path, option: "--roster", in: settings.root)
      roster = try Roster.load(path: real, display: path)
    } else if let path = settings.rosterPath {
      let display = Paths.relative(path, to: options.workingDirectory)
      do {
        roster = try Roster.load(path: path, display: display)
      } catch var missing as MissingFileError {
        missing.location = settings.rosterLocation
        throw missing
      }
    } else {
      return nil
    }
    if let line = settings.personalLine {
      let unknown = Words.placeholders(in: line).filter { !roster.columns.contains($0) }
      if !unknown.isEmpty {
        let location =
          settings.personalLineLocation
          ?? SourceLocation(file: "<command line>", line: 0, column: 0)
        throw InputError(diagnostics: [
          Diagnostic(
            file: location.file, line: location.line, column: location.column,
            keyPath: "personal-line",
            message: "personal-line uses \(unknown.map { "{\($0)}" }.joined(separator: ", ")), "
              + "which \(roster.file) has no column for (its columns: "
              + "\(roster.columns.joined(separator: ", ")))")
        ])
      }
    }
    return roster
  }

  /// `path` (absolute), given on the command line by `option`, with symbolic links resolved, if it
  /// lies inside the root; else an input error naming the option.
  static func confineCommandLine(
    _ path: String, as written: String, option: String, in root: ProjectRoot
  ) throws -> String {
    switch root.confine(path) {
    case .success(let real): return real
    case .failure(let violation):
      throw InputError(diagnostics: [
        Diagnostic(
          file: "command line", line: 0, column: 0, keyPath: option,
          message: root.message(violation, for: written, what: "file"))
      ])
    }
  }

  /// The documents this run builds, in config order.
  public var documents: [DocumentSpec] {
    Self.documents(of: settings, wanted: options.documents, charts: !content.charts().isEmpty)
  }

  private static func documents(of settings: ReportSettings, wanted: [String]?, charts: Bool)
    -> [DocumentSpec]
  {
    var all = settings.documents
    // The reserved `charts` document is built by default, even where a config does not list it
    // (when the content has charts to draw).
    if charts, !all.contains(where: { $0.kind == .charts }) {
      all.append(DocumentSpec(name: "charts", kind: .charts))
    }
    guard let wanted else { return all }
    return all.filter { wanted.contains($0.name) }
  }

  /// Builds every document in every format.
  ///
  /// A failing document is reported and the others still run. With `workers` (see
  /// ``WorkerPool``), the run is cut into ``WorkUnit``s shared with worker processes; the reports
  /// are merged in the units' order, so the output does not depend on which process did what.
  public func run(workers: WorkerLaunch? = nil) -> RunSummary {
    var summary = RunSummary()
    do {
      try FileManager.default.createOutputDirectory(settings.outputDirectory)
      let leftovers = try RunLock.acquire(in: settings.outputDirectory)
      if !leftovers.isEmpty {
        log(
          LogLine(
            .warning,
            "note: removed \(leftovers.count) temporary file\(leftovers.count == 1 ? "" : "s") left by an interrupted run"
          ))
      }
    } catch {
      summary.failures.append(("output", error))
      log(LogLine(.error, ErrorReport.message(for: error)))
      return summary
    }
    defer { RunLock.release() }
    prepareLanguage(&summary)
    let shapeCache = useShapeCache()
    if let shard = options.shard {
      // A shard writes its slice of the personal copies; the shared documents are another job's.
      let shared = resolvedDocuments.filter { !$0.spec.personalised }.map(\.name)
      if !shared.isEmpty {
        log(
          LogLine(
            .warning,
            "note: --shard \(shard.index)/\(shard.count) builds the personalised documents only; "
              + "not built: \(shared.joined(separator: ", "))"))
      }
    }
    let units = WorkPlan.units(
      documents: runDocuments.map(\.spec), formats: settings.formats,
      participants: participants.count, jobs: workers?.jobs ?? 1)
    if let workers, workers.jobs > 1, units.count > 1 {
      runShared(units, with: workers, into: &summary)
    } else {
      for unit in units {
        let document = runDocuments[unit.document]
        onDocument(unit.document, runDocuments.count, document.name)
        build(unit, into: &summary)
      }
    }
    do {
      _ = try Manifest(files: summary.files, outputDirectory: settings.outputDirectory)
        .write(to: settings.outputDirectory, name: options.shard?.manifestName ?? "manifest.json")
    } catch {
      summary.failures.append(("manifest", error))
      log(LogLine(.error, ErrorReport.message(for: error, document: "manifest.json")))
    }
    if let shapeCache {
      shapeCache.flush()
      log(
        LogLine(
          .file,
          "shape cache \(Paths.relative(shapeCache.folder, to: options.workingDirectory)): "
            + "\(shapeCache.hits) found, \(shapeCache.misses) shaped, \(shapeCache.writes) stored"))
      shapeCache.trim()
      if let failure = shapeCache.writeFailure {
        warn("shape cache: \(failure); nothing more was stored there this run", &summary)
      }
    }
    return summary
  }

  /// Gives the measurer the shape cache the options ask for, and returns it (nil: none).
  func useShapeCache() -> ShapeCache? {
    let shapeCache = options.makeShapeCache()
    measurer.useShapeCache(shapeCache)
    return shapeCache
  }

  /// The documents this run builds: a shard's are the personalised ones alone.
  var runDocuments: [ResolvedDocument] {
    options.shard == nil ? resolvedDocuments : resolvedDocuments.filter(\.spec.personalised)
  }

  /// Builds `unit`; a failure is reported and recorded.
  private func build(_ unit: WorkUnit, into summary: inout RunSummary) {
    let document = runDocuments[unit.document]
    do {
      try build(document, unit, into: &summary)
    } catch {
      summary.failures.append((document.name, error))
      log(LogLine(.error, ErrorReport.message(for: error, document: document.name)))
    }
  }

  /// Builds `unit` with its report captured rather than printed (for a parallel run).
  func report(of unit: WorkUnit) -> UnitReport {
    var captured = UnitReport()
    let printing = log
    log = { captured.lines.append($0) }
    defer { log = printing }
    var summary = RunSummary()
    build(unit, into: &summary)
    captured.files = summary.files
    captured.outputs = summary.outputs
    captured.warnings = summary.warnings
    captured.failures = summary.failures.map { UnitFailure(document: $0.document, error: $0.error) }
    return captured
  }

  // MARK: Language

  /// Sets the document language (``Metadata/lang``) on the measurer.
  ///
  /// Pango's language and the hyphenation patterns; the prepared measurer's patterns are kept when
  /// they are the right ones. A language with no patterns installed is typeset without
  /// hyphenation, with one warning a run.
  func prepareLanguage(_ summary: inout RunSummary) {
    let lang = settings.metadata.lang
    let path = Hyphenator.dictionaryPath(forLanguage: lang)
    let current = measurer.currentHyphenator
    let hyphenator =
      path != nil && current?.dictionaryPath == path
      ? current : path.flatMap { Hyphenator(dictionaryPath: $0) }
    measurer.setLanguage(lang, hyphenator: hyphenator)
    if hyphenator == nil, resolvedDocuments.contains(where: { $0.style.paragraph.hyphenate }) {
      warn(
        "no hyphenation patterns are installed for language '\(lang)' (metadata.lang), so the "
          + "documents are not hyphenated; on Debian, install hyphen-\(Words.primarySubtag(lang))",
        &summary)
    }
  }

  // MARK: One document

  private func build(
    _ document: ResolvedDocument, _ unit: WorkUnit, into summary: inout RunSummary
  ) throws {
    let style = document.style
    for family in [style.fonts.body, style.fonts.heading] where !checkedFamilies.contains(family) {
      checkedFamilies.insert(family)
      if let substitute = measurer.substitute(forFamily: family) {
        warn(
          "style '\(style.name)': font family '\(family)' is not installed; '\(substitute)' is used instead",
          &summary)
      }
    }
    if document.kind == .charts {
      try ChartsDocument(
        content: content, style: style, colors: document.colors, measurer: measurer,
        settings: settings, standards: options.pdfStandards(for: document.spec, in: settings),
        date: date
      )
      .write(
        formats: unit.formats, record: { record($0, &summary) },
        finished: { format, files, seconds in
          report(document.name, at: "charts/", format, files, seconds, &summary)
        })
      return
    }
    let layout = HandoutLayout(
      content: content, resolved: document, metadata: settings.metadata,
      measurer: measurer, date: date, words: words, images: images.items,
      worksheet: worksheet(for: document.spec))
    if document.kind == .certificate {
      try writeCertificates(layout, unit, into: &summary)
      return
    }
    var laidOut = try layout.layout()
    // The lines are in the pages now; the shapes cached for the contents passes can go, so that
    // pages written and released free their lines (another document re-shapes what it needs).
    // A kept measurer keeps them for the next build.
    if keptMeasurer == nil { measurer.discardCachedShapes() }
    for w in laidOut.warnings { warn("\(document.name): \(w)", &summary) }
    let missing = measurer.takeMissingCharacters()
    if !missing.isEmpty {
      let list = missing.map {
        "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) + " '\($0)'"
      }
      warn(
        "\(document.name): no installed font has \(list.joined(separator: ", ")); \(missing.count == 1 ? "it prints" : "they print") as a box",
        &summary)
    }
    if let budget = document.maxPages, laidOut.pages.count > budget {
      warn(
        "\(document.name): \(laidOut.pages.count) pages, over its budget of \(budget) (max-pages)",
        &summary)
    }
    // Booklets and merged copies are PDF files: written when the run writes PDF.
    if document.spec.booklet, unit.writesBooklet, unit.formats.contains(.pdf) {
      try writeBooklet(laidOut.pages, of: document, &summary)
    }
    guard document.spec.personalised else {
      guard unit.writesCopies else { return }
      let cardSheet = document.kind == .roleCards && document.spec.cardSize == .a6
      // The pages move into the writer, which frees each once drawn.
      let pages = laidOut.pages
      laidOut.pages = []
      try write(
        consume pages, anchors: laidOut.anchors, of: document, as: document.name,
        formats: unit.formats, isPrintFile: cardSheet, &summary)
      return
    }
    try writePersonalised(laidOut, layout: layout, unit, into: &summary)
  }

  /// Writes `pages` in every format (or `formats`): `<format>/<stem>.pdf`, or a page folder
  /// `<format>/<stem>/` for SVG and PNG; `stem` may name a folder (`summary/ana-souza`).
  private func write(
    _ pages: consuming [Page], anchors: [AnchorLocation], of document: ResolvedDocument,
    as stem: String, formats: [OutputFormat]? = nil, isPrintFile: Bool = false,
    _ summary: inout RunSummary
  ) throws {
    let info = info(document.spec)
    let finish = PrintFinish(resolved: document)
    let count = pages.count
    let finished = isPrintFile ? pages : finish.apply(pages)
    _ = consume pages
    var rendered = RenderDocument(
      pages: consume finished, palette: measurer.palette, info: info,
      outline: anchors.map(\.anchor), images: images.store,
      svgLabels: Self.svgLabels(
        title: info.title, pageCount: count, anchors: anchors, words: words),
      // A print file (a booklet, a sheet of cards) is exempt from PDF/UA; PDF/A still applies.
      standards: options.pdfStandards(for: document.spec, in: settings).subtracting(
        isPrintFile ? .ua1 : []))
    rendered.printBoxes = isPrintFile ? nil : finish.boxes
    let formats = formats ?? settings.formats
    for format in formats {
      let dir = (settings.outputDirectory as NSString).appendingPathComponent(format.rawValue)
      let path = (dir as NSString).appendingPathComponent(stem)
      try FileManager.default.createOutputDirectory((path as NSString).deletingLastPathComponent)
      let target: OutputTarget = format == .pdf ? .file(path + ".pdf") : .pageFolder(path)
      // The last format written may free each page as it goes.
      let started = DispatchTime.now()
      let files = try Self.exporter(for: format, dpi: settings.dpi)
        .write(&rendered, to: target, releasingPages: format == formats.last)
        .map { WrittenFile($0, document: document.name, format: format) }
      for file in files { record(file, &summary) }
      report(
        document.name, at: format == .pdf ? stem + ".pdf" : stem + "/", format, files,
        Self.seconds(since: started), &summary)
    }
  }

  /// The seconds since `start`.
  public static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  /// One line for a document in one format: its file or folder (`stem` under the format's folder),
  /// the pages and size of `files`, and the seconds measured for them together.
  private func report(
    _ document: String, at stem: String, _ format: OutputFormat, _ files: [WrittenFile],
    _ seconds: Double, _ summary: inout RunSummary
  ) {
    let output = DocumentOutput(
      document: document, format: format, path: format.rawValue + "/" + stem, files: files.count,
      pages: files.reduce(0) { $0 + $1.pages }, bytes: files.reduce(0) { $0 + $1.bytes },
      seconds: seconds)
    summary.outputs.append(output)
    log(LogLine(.document, output.line))
  }

  /// The participants this run writes copies for: the roster, or this shard's slice of it.
  private var participants: [Participant] {
    guard let roster else { return [] }
    guard let shard = options.shard else { return roster.participants }
    return roster.shard(shard.index, of: shard.count)
  }

  /// Writes a personalised document laid out once: a copy a participant.
  ///
  /// Each copy is the same pages with the personal line over them (`<format>/<document>/<slug>`);
  /// with `merge`, every copy also goes into `pdf/<document>-all.pdf`. Without a roster, one copy
  /// with a line to write the name on.
  private func writePersonalised(
    _ laidOut: LaidOutDocument, layout: HandoutLayout, _ unit: WorkUnit,
    into summary: inout RunSummary
  ) throws {
    let document = layout.resolved
    let slots = layout.personalLine
    let template = settings.personalLine ?? words[.preparedFor]
    guard roster != nil else {
      guard unit.writesCopies else { return }
      let pages = slots.overlay(
        Words.fill(template, ["name": ""]).trimmingCharacters(in: .whitespaces), blank: true,
        on: laidOut.pages)
      try write(
        pages, anchors: laidOut.anchors, of: document, as: document.name, formats: unit.formats,
        &summary)
      return
    }
    try forEachCopy(of: document, unit, into: &summary) { participant in
      slots.overlay(participant.fill(template), on: laidOut.pages)
    } write: { pages, participant, summary in
      try write(
        pages, anchors: laidOut.anchors, of: document,
        as: document.name + "/" + participant.slug, formats: unit.formats, &summary)
    } merge: { merged, summary in
      try writeMerged(merged, anchors: laidOut.anchors, of: document, &summary)
    }
  }

  /// One certificate page a participant, written like a personalised document's copies; none
  /// (with a note) without a roster.
  private func writeCertificates(
    _ layout: HandoutLayout, _ unit: WorkUnit, into summary: inout RunSummary
  ) throws {
    let document = layout.resolved
    guard roster != nil else {
      log(
        LogLine(
          .warning,
          "note: \(document.name): certificates are made for a roster's participants; "
            + "none written (give one with --roster FILE.csv or roster: in the config)"))
      return
    }
    let maker = layout.certificates(trainer: settings.metadata.author)
    try forEachCopy(of: document, unit, into: &summary) { participant in
      [maker.page(name: participant.name, fields: participant.fields)]
    } write: { pages, participant, summary in
      try write(
        pages, anchors: [], of: document, as: document.name + "/" + participant.slug,
        formats: unit.formats, &summary)
    } merge: { merged, summary in
      try writeMerged(merged, anchors: [], of: document, &summary)
    }
  }

  /// Makes each participant's copy (`pages`) and writes those of `unit`'s participants; with
  /// `merge` (and when the unit writes it), every copy also goes into one file, where only the
  /// first copy keeps its named destinations.
  private func forEachCopy(
    of document: ResolvedDocument, _ unit: WorkUnit, into summary: inout RunSummary,
    pages: (Participant) -> [Page],
    write: ([Page], Participant, inout RunSummary) throws -> Void,
    merge: ([Page], inout RunSummary) throws -> Void
  ) throws {
    let everyone = participants
    let merging = document.spec.merge && unit.writesMerged
    let written = unit.writesCopies ? (unit.participants ?? everyone.indices) : 0..<0
    var merged: [Page] = []
    for (index, participant) in everyone.enumerated()
    where written.contains(index) || merging {
      let copy = pages(participant)
      if written.contains(index) { try write(copy, participant, &summary) }
      if merging { merged += merged.isEmpty ? copy : copy.map(Self.withoutAnchors) }
    }
    try merge(merged, &summary)
  }

  /// `pdf/<document>-all.pdf` of every copy, when the document merges and this is no shard (a
  /// shard has part of the roster only).
  private func writeMerged(
    _ pages: [Page], anchors: [AnchorLocation], of document: ResolvedDocument,
    _ summary: inout RunSummary
  ) throws {
    guard document.spec.merge, !pages.isEmpty, settings.formats.contains(.pdf) else { return }
    guard options.shard == nil else {
      log(LogLine(.warning, "note: \(document.name): a shard writes no merged file"))
      return
    }
    try write(
      pages, anchors: anchors, of: document, as: document.name + "-all", formats: [.pdf], &summary)
  }

  /// Writes `pdf/<document>-booklet.pdf`, the pages imposed for saddle stitching.
  ///
  /// Two pages to a side of a landscape sheet: `booklet-paper`, else the document's own paper
  /// with the pages scaled to half of it. A personalised document's booklet has no personal line.
  private func writeBooklet(
    _ pages: [Page], of document: ResolvedDocument, _ summary: inout RunSummary
  ) throws {
    let portrait =
      document.spec.bookletPaper?.portrait ?? (
        width: min(document.paperWidth, document.paperHeight),
        height: max(document.paperWidth, document.paperHeight)
      )
    let sheet = Size(width: portrait.height, height: portrait.width)
    try write(
      SaddleStitch.impose(pages, on: sheet), anchors: [], of: document,
      as: document.name + "-booklet", formats: [.pdf], isPrintFile: true, &summary)
  }

  /// A page with its named destinations removed: in a merged file only the first copy keeps
  /// them, so each name is defined once (links in later copies go to the first copy).
  static func withoutAnchors(_ page: Page) -> Page {
    Page(size: page.size, frame: page.frame.removingAnchors())
  }

  /// The worksheet whose exercises `document` prints: itself, or the one an answer key's
  /// `key-for` names (checked when the config loaded).
  func worksheet(for document: DocumentSpec) -> DocumentSpec? {
    switch document.kind {
    case .worksheet: document
    case .answerKey: settings.documents.first { $0.name == document.keyFor }
    default: nil
    }
  }

  /// Each page's SVG title and description: "Title — page 2 of 9", and the title of the section
  /// the page is in (the last top-level heading at or before it; none before the first).
  static func svgLabels(
    title: String, pageCount: Int, anchors: [AnchorLocation], words: Words
  ) -> [SVGLabel] {
    let headings = anchors.filter { $0.anchor.outlineLevel == 1 }
    return (0..<pageCount).map { i in
      let section = headings.last { $0.pageIndex <= i }?.anchor.title ?? ""
      return SVGLabel(
        title: "\(title) \u{2014} \(words.pageOf(i + 1, pageCount))", description: section)
    }
  }

  /// The one exporter for each format, for handouts and standalone charts alike.
  static func exporter(for format: OutputFormat, dpi: Double) -> any DocumentExporter {
    switch format {
    case .pdf: PDFExporter()
    case .svg: SVGExporter()
    case .png: PNGExporter(dpi: dpi)
    }
  }

  func info(_ document: DocumentSpec) -> DocumentInfo {
    let m = settings.metadata
    return DocumentInfo(
      title: HandoutLayout.title(of: document, metadata: m, words: words), author: m.author,
      subject: m.subject,
      keywords: m.keywords, creator: "pmreport \(Self.version)",
      date: UTCDateTime(date).iso8601, language: m.lang)
  }

  private func record(_ file: WrittenFile, _ summary: inout RunSummary) {
    summary.files.append(file)
    let shown = Paths.relative(file.path, to: options.workingDirectory)
    log(
      LogLine(
        .file,
        "\(shown)  \(file.pages) page\(file.pages == 1 ? "" : "s")  \(file.bytes) bytes  \(file.milliseconds) ms"
      ))
  }

  private func warn(_ message: String, _ summary: inout RunSummary) {
    summary.warnings.append(message)
    log(LogLine(.warning, "warning: \(message)"))
  }

}

/// One line of a run's report on standard error.
public struct LogLine: Sendable, Codable {
  /// What the line reports: `--quiet` keeps only errors.
  public enum Kind: String, Sendable, Codable {
    /// A file written (`-v`).
    case file
    /// A document in one format: its file or folder, pages, size and time (the default report).
    case document
    case warning, error
  }
  public var kind: Kind
  public var text: String
  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}

/// A bad command-line value (exit 64).
public enum UsageError: Error, CustomStringConvertible {
  case unknownDocument(String, known: [String])
  /// `pmreport init`'s roles are not usable (the messages say why).
  case badRoles([String])
  /// `--shard K/N` slices a roster, and none was given.
  case shardWithoutRoster(Int, Int)

  public var description: String {
    switch self {
    case .unknownDocument(let name, let known):
      "no document named '\(name)'\(Suggestions.nearest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""); the config defines: \(known.joined(separator: ", "))"
    case .badRoles(let problems): problems.joined(separator: "; ")
    case .shardWithoutRoster(let k, let n):
      "--shard \(k)/\(n) slices the roster, and there is none: give --roster FILE.csv or roster: "
        + "in the config"
    }
  }
}

extension String {
  /// The string with zeros in front up to `width` characters.
  func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}

extension FileManager {
  /// Creates `path` and its parents, with a clear error when a file stands in the way or the
  /// place is not writable (the system's own reason).
  func createOutputDirectory(_ path: String) throws {
    var isDir: ObjCBool = false
    if fileExists(atPath: path, isDirectory: &isDir) {
      if isDir.boolValue {
        if access(path, W_OK) != 0 {
          throw RenderError.outputFolder(
            path: path, reason: "the output folder is not writable", errno: errno)
        }
        return
      }
      throw RenderError.outputFolder(
        path: path, reason: "is a file, so it cannot be the output folder", errno: nil)
    }
    // Find the nearest existing ancestor to say what is in the way.
    var ancestor = (path as NSString).deletingLastPathComponent
    while !ancestor.isEmpty, ancestor != "/", !fileExists(atPath: ancestor, isDirectory: &isDir) {
      ancestor = (ancestor as NSString).deletingLastPathComponent
    }
    if fileExists(atPath: ancestor, isDirectory: &isDir), !isDir.boolValue {
      throw RenderError.outputFolder(
        path: path, reason: "cannot create the output folder: \(ancestor) is a file",
        errno: nil)
    }
    var made = ""
    for component in (path as NSString).pathComponents {
      made = made.isEmpty ? component : (made as NSString).appendingPathComponent(component)
      if mkdir(made, 0o777) != 0, errno != EEXIST {
        throw RenderError.outputFolder(
          path: path, reason: "cannot create the output folder in \(ancestor)",
          errno: errno)
      }
    }
  }
}

extension Pipeline {
  /// A note for each chart the content lists whose kind cannot show the content's number of roles
  /// (the Venn shows two or three, the diverging bars two): it is left out of every document.
  static func chartsLeftOut(_ content: Comparison) -> [String] {
    guard content.hasRoles else { return [] }
    let count = content.roles.count
    return (content.charts.specs ?? []).filter { !$0.kind.roleCounts.contains(count) }.map {
      let range = $0.kind.roleCounts
      let shows =
        range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
      return "chart '\($0.id)' (\($0.kind.rawValue)) shows \(shows) roles and the content has "
        + "\(count): it is left out"
    }
  }
}
