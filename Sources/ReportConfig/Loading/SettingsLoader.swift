import Foundation
import ReportModel

extension ConfigLoader {
  /// The settings with no config file: built-in metadata, the classic style, a PDF of the full report
  /// in `<workingDirectory>/Output` at 150 dpi.
  public static func defaultSettings(workingDirectory: String) -> ReportSettings {
    let cwd = absoluteDirectory(workingDirectory)
    return ReportSettings(
      metadata: .builtIn, contentPath: nil, style: "classic", formats: [.pdf],
      outputDirectory: cwd + "/Output", dpi: 150, documents: [.fullReport],
      baseDirectory: cwd)
  }

  /// Loads `pmreport.yml`.
  ///
  /// With `configPath` nil, `pmreport.yml` in `workingDirectory` is used if present, else
  /// ``defaultSettings(workingDirectory:)``. A named config file that does not exist is a
  /// ``MissingFileError``. Relative paths in the file (content, output, style paths) are relative to
  /// the file's folder, which becomes ``ReportSettings/baseDirectory``; keys left out take the
  /// defaults (output `<config folder>/Output`). The result keeps where each document entry was
  /// written, for ``validate(_:against:contentFile:)`` and ``resolve(_:in:commandLine:inputs:)``.
  ///
  /// `root` (`--root`) is the folder every path written in a file must lie in; without it the
  /// root is the config file's folder, or with no config file the working directory
  /// (``LoadedSettings/root``). A config typed outside `root` is the root of its own paths (its
  /// folder); the default `./pmreport.yml` must lie inside `root`. A path in the config leading
  /// out of the root is an error at the key that names it, and nothing is read from it. Every
  /// file is read, and every style folder listed, through `inputs`.
  ///
  /// The config's `output:` is confined to the root like every path written in a file, unless
  /// `outputTyped` (`--output` was typed: the command line's folder is used, wherever it is).
  ///
  /// With a `memo`, the settings it kept for the same arguments are reused while their files are
  /// unchanged (``ConfigMemo``).
  public static func loadSettings(
    configPath: String?, workingDirectory: String, root: String? = nil, outputTyped: Bool = false,
    inputs: Inputs, memo: ConfigMemo? = nil
  ) throws -> LoadedSettings {
    let load = {
      try readSettings(
        configPath: configPath, workingDirectory: workingDirectory, root: root,
        outputTyped: outputTyped, inputs: inputs)
    }
    return try memo?.settings.value(
      for: SettingsRequest(
        configPath: configPath, workingDirectory: workingDirectory, root: root,
        outputTyped: outputTyped), through: inputs, load: load) ?? load()
  }

  /// ``loadSettings(configPath:workingDirectory:root:outputTyped:inputs:memo:)`` from the files.
  private static func readSettings(
    configPath: String?, workingDirectory: String, root: String?, outputTyped: Bool,
    inputs: Inputs
  ) throws -> LoadedSettings {
    let cwd = absoluteDirectory(workingDirectory)
    let givenRoot = root.map { inputs.root(Paths.absolute($0, relativeTo: cwd)) }
    if let givenRoot, !inputs.exists(givenRoot.path) {
      throw MissingFileError(path: root ?? givenRoot.path, role: "root folder")
    }
    let path: String
    let display: String
    if let configPath {
      path = Paths.absolute(configPath, relativeTo: cwd)
      display = configPath
      guard inputs.exists(path) else {
        throw MissingFileError(path: configPath, role: "config file")
      }
    } else {
      path = cwd + "/" + defaultConfigName
      guard inputs.isFile(path) else {
        return LoadedSettings(
          defaultSettings(workingDirectory: cwd), root: givenRoot ?? inputs.root(cwd))
      }
      display = Paths.display(path)
    }
    let chosen = InputPath(
      path, origin: configPath == nil ? .builtIn : .commandLine(option: "--config"))
    if let givenRoot,
      case .failure(let violation) = inputs.locate(chosen, from: cwd, in: givenRoot)
    {
      throw InputError(diagnostics: [
        Diagnostic(
          file: "command line", line: 0, column: 0, keyPath: "--root",
          message: givenRoot.message(violation, for: display, what: "the config file"))
      ])
    }
    let folder = Paths.directory(of: path)
    // A config typed outside `--root` is the root of the paths written in it.
    let projectRoot =
      givenRoot.map { inputs.root(forPathsWrittenIn: path, within: $0) } ?? inputs.root(folder)
    let tree = try parseFile(path, display: display, role: "config file", inputs: inputs)

    let session = DecodingSession()
    if case .sequence(let items)? = tree.node(at: NodePath.root.appending("documents"))?.value {
      session.acceptLengths(
        at: items.indices.map {
          NodePath.root.appending("documents").appending($0).appending("bleed")
        })
    }
    let file = try session.decodeFile(ConfigFile.self, from: tree)
    var checker = Checker(positions: tree, primaryFile: display)
    let settings = build(
      file, tree: tree, folder: folder, workingDirectory: cwd, root: projectRoot, inputs: inputs,
      checker: &checker)
    if !outputTyped {
      let written = file.output.flatMap { $0.isEmpty ? nil : $0 }
      checkOutput(
        written, resolved: settings.outputDirectory, folder: folder, workingDirectory: cwd,
        root: projectRoot, inputs: inputs, checker: &checker)
    }
    let diagnostics = Checker.combine(decoding: session.diagnostics, checks: checker.diagnostics)
    try Checker.throwIfErrors(diagnostics)
    var loaded = LoadedSettings(settings, file: display, written: file, root: projectRoot)
    loaded.warnings = checker.diagnostics.filter { $0.severity == .warning }
    return loaded
  }

  /// Applies defaults, resolves paths and checks ranges and names.
  private static func build(
    _ file: ConfigFile, tree: SourceNode, folder: String, workingDirectory: String,
    root projectRoot: ProjectRoot, inputs: Inputs, checker: inout Checker
  ) -> ReportSettings {
    let root = NodePath.root
    var settings = defaultSettings(workingDirectory: folder)
    if let entry = file.metadata {
      var metadata = entry.metadata
      checker.checkNotEmpty(
        metadata.title, at: root.appending("metadata").appending("title"), what: "the title")
      metadata.lang = LanguageRules.check(
        metadata.lang, at: root.appending("metadata").appending("lang"), checker: &checker)
      settings.metadata = metadata
      settings.metadataKeys = entry.keys
    }
    if let entry = file.words {
      LanguageRules.check(entry.words, at: root.appending("words"), checker: &checker)
      LanguageRules.warnRetired(entry.retired, at: root.appending("words"), checker: &checker)
      settings.wordOverrides = entry.words
    }
    if let content = file.content {
      checker.checkNotEmpty(content.value, at: root.appending("content"), what: "the content path")
      if !content.value.isEmpty {
        let written = InputPath(content.value, origin: .written(content.location))
        switch inputs.locate(written, from: folder, in: projectRoot) {
        case .success(let path): settings.contentPath = path
        case .failure(let violation):
          checker.error(
            projectRoot.message(violation, for: content.value, what: "the content file"),
            at: root.appending("content"))
        }
      }
    }
    if let roster = file.roster {
      let written = InputPath(roster.value, origin: .written(roster.location))
      switch inputs.locate(written, from: folder, in: projectRoot) {
      case .success(let path): settings.rosterPath = path
      case .failure(let violation):
        checker.error(
          projectRoot.message(violation, for: roster.value, what: "the roster file"),
          at: root.appending("roster"))
      }
    }
    if let line = file.personalLine?.value {
      checker.checkNotEmpty(line, at: root.appending("personal-line"), what: "the personal line")
      settings.personalLine = line
    }
    if let style = file.style {
      settings.style = checkStyle(
        style, at: root.appending("style"), folder: folder,
        workingDirectory: workingDirectory, root: projectRoot, inputs: inputs, checker: &checker)
    }
    if let formats = file.formats?.values, !formats.isEmpty { settings.formats = formats }
    if let standards = file.pdfStandard?.values { settings.pdfStandards = Set(standards) }
    if let output = file.output {
      checker.checkNotEmpty(output, at: root.appending("output"), what: "the output folder")
      if !output.isEmpty { settings.outputDirectory = Paths.absolute(output, relativeTo: folder) }
    }
    if let dpi = file.dpi {
      checker.check(dpi, in: 30...1200, at: root.appending("dpi"), what: "dpi")
      settings.dpi = dpi
    }
    if let entries = file.documents {
      let path = root.appending("documents")
      if entries.isEmpty {
        checker.error(
          "list at least one document, or leave documents out for the full report", at: path)
      }
      settings.documents = []
      var firstUse: [String: Int] = [:]
      for (index, entry) in entries.map(\.value).enumerated() {
        let here = path.appending(index)
        if let first = firstUse[entry.name] {
          let line = tree.location(of: path.appending(first).appending("name")).line
          checker.error(
            "document name '\(entry.name)' is already used by documents[\(first)]"
              + (line > 0 ? " (line \(line))" : "") + "; names must be unique",
            at: here.appending("name"))
        } else {
          firstUse[entry.name] = index
        }
        settings.documents.append(
          document(
            entry, at: here, folder: folder, workingDirectory: workingDirectory,
            root: projectRoot, inputs: inputs, checker: &checker))
      }
      checkKeys(settings.documents, at: path, checker: &checker)
      checkSessions(settings.documents, at: path, checker: &checker)
    }
    settings.baseDirectory = folder
    return settings
  }

  /// Checks that the output folder not typed on the command line stays in the root.
  ///
  /// `written` (`output:`, relative to the config's `folder`) is an error at the key when it leads
  /// out; without it the default `resolved` is, at the config's top, naming the folder and where
  /// its symbolic link leads (a config from a pull request must not replace files elsewhere).
  /// Either message says how to write there on purpose.
  private static func checkOutput(
    _ written: String?, resolved: String, folder: String, workingDirectory: String,
    root projectRoot: ProjectRoot, inputs: Inputs, checker: inout Checker
  ) {
    let output = written ?? Paths.relative(resolved, to: folder)
    let result =
      written.map { inputs.resolve(written: $0, from: folder, in: projectRoot) }
      ?? inputs.confine(resolved, in: projectRoot)
    guard case .failure(let violation) = result else { return }
    let typed =
      folder == workingDirectory
      ? output : Paths.relative(Paths.absolute(output, relativeTo: folder), to: workingDirectory)
    checker.error(
      projectRoot.outputMessage(violation, for: output, typed: typed),
      at: written == nil ? NodePath.root : NodePath.root.appending("output"))
  }

  private static func document(
    _ entry: DocumentEntry, at path: NodePath, folder: String, workingDirectory: String,
    root: ProjectRoot, inputs: Inputs, checker: inout Checker
  ) -> DocumentSpec {
    if !Checker.isSafeFileName(entry.name) {
      checker.error(
        "document name '\(entry.name)' is used as a file name: use lowercase letters, digits, "
          + "'.', '_' and '-', starting with a letter or digit (like 'full-report')",
        at: path.appending("name"))
    }
    if let title = entry.title {
      checker.checkNotEmpty(title, at: path.appending("title"), what: "the title")
    }
    if let maxPages = entry.maxPages, maxPages < 1 {
      checker.error(
        "max-pages must be at least 1, not \(maxPages)", at: path.appending("max-pages"))
    }
    for (key, ids) in [("sections", entry.sectionIDs), ("charts", entry.chartIDs)] {
      guard let ids else { continue }
      if ids.isEmpty {
        checker.error(
          "list at least one id, or leave \(key) out for all of them", at: path.appending(key))
      }
      var seen: [String: Int] = [:]
      for (index, id) in ids.enumerated() {
        if let first = seen[id] {
          checker.error(
            "'\(id)' is listed twice (also \(key)[\(first)])",
            at: path.appending(key).appending(index))
        } else {
          seen[id] = index
        }
      }
    }
    let exercises = trainingChecks(entry, at: path, checker: &checker)
    var style: String?
    if let name = entry.style {
      style = checkStyle(
        name, at: path.appending("style"), folder: folder,
        workingDirectory: workingDirectory, root: root, inputs: inputs, checker: &checker)
    }
    var spec = DocumentSpec(
      name: entry.name, kind: entry.kind ?? .report, title: entry.title,
      sections: entry.sectionIDs, charts: entry.chartIDs, tableOfContents: entry.toc ?? true,
      titleBlock: entry.titleBlock ?? true,
      paperSize: entry.pageSize?.value,
      orientation: entry.orientation?.value ?? entry.kind?.rules.orientation,
      maxPages: entry.maxPages,
      style: style, pdfStandards: entry.pdfStandard.map { Set($0.values) },
      exercises: exercises, seed: UInt64(max(0, entry.seed ?? 1)),
      keyFor: entry.keyFor, prompts: entry.prompts,
      personalised: entry.personalised ?? entry.kind?.rules.alwaysPersonalised,
      merge: entry.merge ?? false, cardSize: entry.cardSize ?? .a6, copies: entry.copies ?? 1,
      booklet: entry.booklet ?? false, bookletPaper: entry.bookletPaper,
      duplex: entry.duplex ?? false, sectionStartRight: entry.sectionStart == .right,
      cropMarks: entry.cropMarks ?? false, bleed: entry.bleed ?? 0)
    spec.session = session(entry, at: path, checker: &checker)
    return spec
  }

  /// Each `key-for` must name a document of the kind that the kind owning `key-for` uses (see
  /// ``DocumentKindRules/uses``): an answer key's, a worksheet of the config.
  private static func checkKeys(
    _ documents: [DocumentSpec], at path: NodePath, checker: inout Checker
  ) {
    guard let used = DocumentKinds.owner(ofKey: "key-for")?.uses else { return }
    for (index, document) in documents.enumerated() {
      guard let target = document.keyFor else { continue }
      let candidates = documents.filter { $0.kind == used }.map(\.name)
      guard !candidates.contains(target) else { continue }
      let kind = used.rawValue
      var message = "key-for names '\(target)', which is not a \(kind) of this config"
      if let suggestion = Suggestions.nearest(to: target, in: candidates) {
        message += "; did you mean '\(suggestion)'?"
      }
      message +=
        candidates.isEmpty
        ? " (the config has no \(kind): add one with kind: \(kind))"
        : " (\(kind)s: \(candidates.joined(separator: ", ")))"
      checker.error(message, at: path.appending(index).appending("key-for"))
    }
  }

  /// Checks a worksheet's or answer key's keys (item counts, seed, `key-for` on an answer key
  /// only, prompts not empty) and returns its exercises.
  private static func trainingChecks(
    _ entry: DocumentEntry, at path: NodePath, checker: inout Checker
  ) -> [ExerciseSpec]? {
    let kind = entry.kind ?? .report
    let exercises = entry.exercises?.enumerated().map { index, item in
      let items = item.items ?? 5
      if items < 1 || items > 100 {
        checker.error(
          "items must be between 1 and 100, not \(items)",
          at: path.appending("exercises").appending(index).appending("items"))
      }
      return ExerciseSpec(kind: item.kind, items: items)
    }
    if let exercises, exercises.isEmpty {
      checker.error(
        "list at least one exercise, or leave exercises out for the default set",
        at: path.appending("exercises"))
    }
    if let seed = entry.seed, seed < 0 {
      checker.error("seed must be 0 or more, not \(seed)", at: path.appending("seed"))
    }
    if let prompts = entry.prompts {
      if prompts.isEmpty {
        checker.error(
          "list at least one prompt, or leave prompts out for the shipped ones",
          at: path.appending("prompts"))
      }
      for (index, prompt) in prompts.enumerated() {
        checker.checkNotEmpty(
          prompt, at: path.appending("prompts").appending(index), what: "a prompt")
      }
    }
    let worksheetKeys = [
      ("exercises", entry.exercises != nil), ("seed", entry.seed != nil),
      ("prompts", entry.prompts != nil),
    ]
    checkOwnedKeys(worksheetKeys, of: kind, at: path, checker: &checker)
    if let copies = entry.copies, copies < 1 || copies > 100 {
      checker.error("copies must be between 1 and 100, not \(copies)", at: path.appending("copies"))
    }
    checkOwnedKeys(
      [("card-size", entry.cardSize != nil), ("copies", entry.copies != nil)], of: kind, at: path,
      checker: &checker)
    if let bleed = entry.bleed {
      if !(0...(20 * 72 / 25.4)).contains(bleed) {
        checker.error(
          "bleed must be between 0 and 20mm, not \(bleed) pt", at: path.appending("bleed"))
      }
      if entry.cropMarks != true {
        checker.error("bleed needs crop-marks: true", at: path.appending("bleed"))
      }
    }
    if entry.bookletPaper != nil, entry.booklet != true {
      checker.error(
        "booklet-paper needs booklet: true", at: path.appending("booklet-paper"))
    }
    if entry.booklet == true, !kind.rules.allowsBooklet {
      checker.error(
        "a \(kind.rawValue) document cannot be a booklet", at: path.appending("booklet"))
    }
    if kind.rules.alwaysPersonalised, entry.personalised == false {
      checker.error(
        "a \(kind.rawValue) is always personalised (one page a participant)",
        at: path.appending("personalised"))
    }
    if kind.rules.neverPersonalised, entry.personalised == true {
      checker.error(
        "\(kind.rules.phrase) is one copy for the whole room; it cannot be personalised",
        at: path.appending("personalised"))
    }
    if let used = kind.rules.uses, entry.keyFor == nil {
      checker.error(
        "\(kind.rules.phrase) needs key-for: the name of its \(used.rawValue) document",
        at: path.appending("kind"))
    }
    checkOwnedKeys([("key-for", entry.keyFor != nil)], of: kind, at: path, checker: &checker)
    return exercises
  }

  /// Each of `keys` given (`present`) that another kind owns (see
  /// ``DocumentKindRules/ownKeys``) is an error: "copies belongs to role cards (kind: role-cards)".
  static func checkOwnedKeys(
    _ keys: [(String, Bool)], of kind: DocumentKind, at path: NodePath, checker: inout Checker
  ) {
    for (key, present) in keys where present {
      guard let owner = DocumentKinds.owner(ofKey: key), owner.kind != kind else { continue }
      checker.error("\(key) belongs to \(owner.owner)", at: path.appending(key))
    }
  }

  /// A style reference from the config: a path is made absolute against the config folder; a name
  /// must name an available style.
  private static func checkStyle(
    _ written: Located<String>, at path: NodePath, folder: String, workingDirectory: String,
    root: ProjectRoot, inputs: Inputs, checker: inout Checker
  ) -> String {
    let value = written.value
    if value.isEmpty {
      checker.error("the style must be a style name or a path to a style file", at: path)
      return value
    }
    if isStylePath(value) {
      switch inputs.locate(
        InputPath(value, origin: .written(written.location)), from: folder, in: root)
      {
      case .success(let real): return real
      case .failure(let violation):
        checker.error(root.message(violation, for: value, what: "the style file"), at: path)
        return value
      }
    }
    let available = availableStyles(
      baseDirectory: folder, workingDirectory: workingDirectory, inputs: inputs)
    if !available.contains(value) && !builtInStyleNames.contains(value) {
      var message = "unknown style '\(value)'"
      if let suggestion = Suggestions.nearest(to: value, in: available) {
        message += "; did you mean '\(suggestion)'?"
      }
      message += " (available styles: \(available.joined(separator: ", ")))"
      checker.error(message, at: path)
    }
    return value
  }
}
