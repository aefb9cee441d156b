import Foundation
import ReportConfig
import ReportModel

/// Everything a run reads, loaded and checked once, before anything is written: the config with
/// the command line applied, the content, each document resolved with its style, the roster and
/// the content's images.
///
/// Immutable: `check`, `list` and `doctor` stop here; a render hands it to the documents it builds.
public struct Project {
  /// The command line the project was loaded with.
  public let options: RunOptions
  public let settings: ReportSettings
  /// The documents this run builds, in config order, each merged once from the command line, its
  /// config entry, the config and its style, and checked as merged.
  public let resolvedDocuments: [ResolvedDocument]
  /// The documents those use (``DocumentRecipe/usedDocument(by:in:)``) that the run does not
  /// build (an answer key's worksheet in a `--document` run of the key), resolved alike.
  let usedDocuments: [ResolvedDocument]
  public let content: Comparison
  /// Where the content file's sections, blocks and list items were written; nil for the
  /// built-in content, which no file holds.
  public let contentPositions: ContentPositions?
  /// The folder every file the run reads lies in (see ``ProjectRoot``).
  public let root: ProjectRoot
  /// The config file read, absolute; nil when there was none.
  public let configFile: String?
  /// The content's images: file, kind, natural size and where each was written (no pixels; the
  /// run decodes them, ``ContentImages/decoded()``).
  let images: ContentImages
  /// The participants (`--roster` or `roster:`), read and checked.
  public let roster: Roster?
  /// The run's date (metadata, the cover), to the second: the same in every worker process.
  let date: Date

  /// The words the documents print, in the document language with the config's overrides.
  public var words: Words { settings.words }

  /// Loads and validates everything a run needs; `reporter` receives the warnings as they are
  /// found.
  ///
  /// Every file is read through `inputs`, whose record then says what the load read and looked
  /// for, whether it succeeded or not (what `pmreport watch` watches). Throws input errors before
  /// anything is written. With a `memo`, the config and styles it kept are reused while their
  /// files are unchanged (``ConfigMemo``); the warnings are reported all the same.
  public static func load(
    options: RunOptions, inputs: Inputs, reporter: any Reporter = SilentReporter(),
    memo: ConfigMemo? = nil
  ) throws -> Project {
    let read = try ProjectContent.load(options: options, inputs: inputs, memo: memo)
    var settings = read.settings
    let loaded = read.file
    let content = read.content
    if let dir = options.outputDirectory { settings.outputDirectory = options.absolute(dir) }
    if let formats = options.formats { settings.formats = formats }
    if let dpi = options.dpi { settings.dpi = dpi }
    if let seed = options.seed {
      for index in settings.documents.indices { settings.documents[index].seed = seed }
    }
    settings.settings.metadata = settings.settings.metadata.merged(
      with: content.info, configKeys: settings.settings.metadataKeys,
      builtInContent: settings.contentPath == nil,
      fallbackTitle: settings.contentPath.map {
        (($0 as NSString).lastPathComponent as NSString).deletingPathExtension
      } ?? Metadata.builtIn.title)
    let problems = ConfigLoader.validate(settings, against: content, contentFile: loaded?.file)
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty { throw InputError(diagnostics: errors) }
    // Every image is read and decoded now: a bad one stops the run before anything is written.
    let images = try ContentImages.load(
      content, from: loaded, root: settings.root, inputs: inputs)
    let roster = try Self.loadRoster(options: options, settings: settings, inputs: inputs)
    if let shard = options.shard, roster == nil {
      throw UsageError.shardWithoutRoster(shard.index, shard.count)
    }
    for warning in problems.filter({ $0.severity == .warning }) + (loaded?.warnings ?? []) {
      reporter.report(.warning(RunWarning(warning)))
    }
    for warning in OpeningMarksCheck.warnings(
      in: content, language: settings.settings.metadata.lang, positions: loaded?.positions,
      file: loaded?.file)
    {
      reporter.report(.warning(warning))
    }
    for note in Self.chartsLeftOut(content) {
      reporter.report(.warning(RunWarning(.chartLeftOut, note, isNote: true)))
    }
    // The charts document, asked for by name, needs charts to draw.
    let drawsCharts = !content.charts().isEmpty
    if !drawsCharts, let wanted = options.documents, wanted.contains("charts"),
      !settings.settings.documents.contains(where: { $0.name == "charts" })
    {
      throw DocumentError.noCharts("charts")
    }
    // Styles load and margins are checked against the paper each document gets, before anything
    // is written: a bad --style is one error up front, not one failure per document.
    let documents = Self.documents(
      of: settings.settings, wanted: options.documents, charts: drawsCharts)
    let used = Self.documents(usedBy: documents, in: settings.settings)
    let resolved = try ConfigLoader.resolve(
      documents + used, in: settings,
      commandLine: CommandLineSettings(
        style: options.style, paperSize: options.paperSize,
        workingDirectory: options.workingDirectory), inputs: inputs, memo: memo)
    if let wanted = options.documents {
      let configured = settings.documents.map(\.name)
      let known = configured + (configured.contains("charts") ? [] : ["charts"])
      for name in wanted where !known.contains(name) {
        throw UsageError.unknownDocument(name, known: known)
      }
    }
    return Project(
      options: options, settings: settings.settings,
      resolvedDocuments: Array(resolved.prefix(documents.count)),
      usedDocuments: Array(resolved.dropFirst(documents.count)), content: content,
      contentPositions: loaded?.positions, root: settings.root,
      configFile: settings.file.map(options.absolute),
      images: images, roster: roster,
      date: Date(
        timeIntervalSince1970: options.effectiveDate.timeIntervalSince1970.rounded(.down)))
  }

  /// The roster the command line or the config names, read through `inputs`; nil when neither
  /// names one.
  ///
  /// The personal line's placeholders must each be a column of it.
  static func loadRoster(options: RunOptions, settings: LoadedSettings, inputs: Inputs) throws
    -> Roster?
  {
    let roster: Roster
    if let path = options.rosterPath {
      let real = inputs.locate(typed: path, from: options.absolute("."))
      roster = try Roster.load(path: real, display: path, inputs: inputs)
    } else if let path = settings.rosterPath {
      let display = Paths.relative(path, to: options.workingDirectory)
      do {
        roster = try Roster.load(path: path, display: display, inputs: inputs)
      } catch var missing as MissingFileError {
        missing.location = settings.rosterInput?.location
        throw missing
      }
    } else {
      return nil
    }
    if let line = settings.personalLine {
      let unknown = Words.placeholders(in: line).filter { !roster.columns.contains($0) }
      if !unknown.isEmpty {
        let location =
          settings.personalLineInput?.location
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

  /// The documents of the config that `documents` use and that are not among them, once each.
  private static func documents(usedBy documents: [DocumentSpec], in settings: ReportSettings)
    -> [DocumentSpec]
  {
    var out: [DocumentSpec] = []
    for document in documents {
      guard
        let used = DocumentRecipes.recipe(for: document.kind)?.usedDocument(
          by: document, in: settings),
        !(documents + out).contains(where: { $0.name == used.name })
      else { continue }
      out.append(used)
    }
    return out
  }

  /// The resolved document named `name`, built by the run or used by one it builds; nil for none.
  func document(named name: String) -> ResolvedDocument? {
    (resolvedDocuments + usedDocuments).first { $0.name == name }
  }
}

extension Project {
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
