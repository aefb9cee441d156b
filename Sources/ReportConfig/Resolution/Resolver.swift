import Geometry
import ReportModel

extension ConfigLoader {
  /// Resolves documents: for each, the command line, then its entry in the config, then the config,
  /// then its style, merged once into a ``ResolvedDocument``, and the merged values checked.
  ///
  /// The checks see what a run will use: margins against the paper the command line or the
  /// document asked for, not only the style's own. Each problem names the file, line and column of
  /// the value that is wrong, and where the other values in it came from; every problem in every
  /// document is thrown at once as one ``InputError`` (exit 65). A style that does not load throws
  /// as ``loadStyle(_:baseDirectory:workingDirectory:)`` does. The reserved `charts` document crops
  /// its pages to each chart, so its margins are not checked against the paper.
  ///
  /// Style files are read, and looked for, through `inputs`; with a `memo`, a style it kept is
  /// reused while its files are unchanged (``ConfigMemo``).
  public static func resolve(
    _ documents: [DocumentSpec], in loaded: LoadedSettings,
    commandLine: CommandLineSettings, inputs: Inputs, memo: ConfigMemo? = nil
  ) throws -> [ResolvedDocument] {
    var styles: [String: LoadedStyle] = [:]
    var resolved: [ResolvedDocument] = []
    var problems: [Diagnostic] = []
    for document in documents {
      var checker = Checker(positions: SourceNode.emptyMapping(at: .builtIn("")))
      resolved.append(
        try resolve(
          document, in: loaded, commandLine: commandLine, inputs: inputs, memo: memo,
          styles: &styles, checker: &checker))
      for problem in checker.diagnostics where !problems.contains(problem) {
        problems.append(problem)
      }
    }
    try Checker.throwIfErrors(Checker.sorted(problems))
    return resolved
  }

  /// One document resolved and checked (see ``resolve(_:in:commandLine:inputs:)``).
  public static func resolve(
    _ document: DocumentSpec, in loaded: LoadedSettings,
    commandLine: CommandLineSettings, inputs: Inputs
  ) throws -> ResolvedDocument {
    try resolve([document], in: loaded, commandLine: commandLine, inputs: inputs)[0]
  }

  // MARK: Merging

  private static func resolve(
    _ document: DocumentSpec, in loaded: LoadedSettings, commandLine: CommandLineSettings,
    inputs: Inputs, memo: ConfigMemo?, styles: inout [String: LoadedStyle],
    checker: inout Checker
  ) throws -> ResolvedDocument {
    let settings = loaded.settings
    let entry = loaded.documentSources[document.name]
    /// A value of the document's entry (`key`; nil: the entry itself): where it was written,
    /// when the config file has it.
    func fromEntry(_ location: SourceLocation?, _ key: String?) -> Provenance {
      guard let entry, let location else {
        return .builtIn("settings of document '\(document.name)'")
      }
      let path = NodePath.root.appending("documents").appending(entry.index)
      return .file(location, keyPath: (key.map(path.appending) ?? path).description)
    }

    let styleName: String
    let styleSource: Provenance
    if let name = commandLine.style {
      styleName = name
      styleSource = .commandLine(option: "--style")
    } else if let name = document.style {
      styleName = name
      styleSource = fromEntry(entry?.style, "style")
    } else {
      styleName = settings.style
      styleSource =
        loaded.styleInput.map { .file($0.location, keyPath: "style") } ?? .builtIn("default style")
    }
    let loadedStyle: LoadedStyle
    if let cached = styles[styleName] {
      loadedStyle = cached
    } else {
      let load = {
        try loadStyleSources(
          styleName, baseDirectory: settings.baseDirectory,
          workingDirectory: commandLine.workingDirectory, root: loaded.root, inputs: inputs)
      }
      loadedStyle =
        try memo?.styles.value(
          for: StyleRequest(
            nameOrPath: styleName, baseDirectory: settings.baseDirectory,
            workingDirectory: commandLine.workingDirectory, root: loaded.root),
          through: inputs, load: load) ?? load()
      styles[styleName] = loadedStyle
    }
    let tree = loadedStyle.tree
    let page = NodePath.root.appending("page")

    var style = loadedStyle.style
    let pageSize: Provenance
    if let paper = commandLine.paperSize {
      style.page.size = paper
      pageSize = .commandLine(option: "--page-size")
    } else if let paper = document.paperSize {
      style.page.size = paper
      pageSize = fromEntry(entry?.pageSize, "page-size")
    } else {
      pageSize = .of(page.appending("size"), in: tree)
    }
    let orientation: Provenance
    if let value = document.orientation {
      style.page.orientation = value
      orientation = fromEntry(entry?.orientation, "orientation")
    } else {
      orientation = .of(page.appending("orientation"), in: tree)
    }
    let sources = ResolvedDocument.Sources(
      style: styleSource, pageSize: pageSize, orientation: orientation,
      marginTop: .of(page.appending("margin-top"), in: tree),
      marginBottom: .of(page.appending("margin-bottom"), in: tree),
      marginLeft: .of(page.appending("margin-left"), in: tree),
      marginRight: .of(page.appending("margin-right"), in: tree),
      sessionMinutes: entry?.sessionMinutes == nil
        ? fromEntry(entry?.location, nil) : fromEntry(entry?.sessionMinutes, "session-minutes"))

    // Checked in the style's tree, so problems point at the style's values.
    checker = Checker(positions: tree, primaryFile: loadedStyle.primaryFile)
    if document.kind.rules.usesPaper { checkTextArea(style.page, sources: sources, with: &checker) }
    guard let colors = resolveColors(style, with: &checker) else {
      throw InputError(diagnostics: Checker.sorted(checker.diagnostics))
    }
    var resolved = ResolvedDocument(
      spec: document, title: document.title ?? settings.metadata.title, style: style,
      stylePath: loadedStyle.path, colors: colors, contentPath: settings.contentPath,
      outputDirectory: settings.outputDirectory, sources: sources)
    if document.kind.rules.projected {
      resolved.slideColors = resolveSlideColors(
        style, colors: colors, tree: tree, with: &checker)
    }
    return resolved
  }

  // MARK: Checks on resolved values

  /// The margins must leave room for text on the resolved paper.
  static func checkTextArea(
    _ page: PageStyle, sources: ResolvedDocument.Sources, with checker: inout Checker
  ) {
    let path = NodePath.root.appending("page")
    let (width, height) = page.dimensions
    let paper = "\(page.size.rawValue) \(page.orientation.rawValue) paper"
    func origin(_ what: String) -> String {
      var text = "\(what) from \(sources.pageSize)"
      if case .file(_, let keyPath) = sources.orientation, keyPath.hasPrefix("documents[") {
        text += ", orientation from \(sources.orientation)"
      }
      return text
    }
    let n = Checker.number
    let textWidth = width - page.marginLeft - page.marginRight
    if page.marginLeft >= 0, page.marginRight >= 0, textWidth <= 0 {
      let at = checker.place(["margin-left", "margin-right"].map { path.appending($0) })
      checker.error(
        "margin-left \(n(page.marginLeft)) + margin-right \(n(page.marginRight))"
          + " = \(n(page.marginLeft + page.marginRight)) pt leaves \(n(textWidth)) pt for text on"
          + " \(paper) (\(n(width)) pt wide, \(origin("paper")))", at: at)
    }
    let textHeight = height - page.marginTop - page.marginBottom
    if page.marginTop >= 0, page.marginBottom >= 0, textHeight <= 0 {
      let at = checker.place(["margin-top", "margin-bottom"].map { path.appending($0) })
      checker.error(
        "margin-top \(n(page.marginTop)) + margin-bottom \(n(page.marginBottom))"
          + " = \(n(page.marginTop + page.marginBottom)) pt leaves \(n(textHeight)) pt for text on"
          + " \(paper) (\(n(height)) pt high, \(origin("paper")))", at: at)
    }
  }

  /// The style's colours parsed, each bad one reported at its place; nil when any is bad.
  static func resolveColors(_ style: Style, with checker: inout Checker) -> StyleColors? {
    let path = NodePath.root.appending("colors")
    var bad = false
    func parse(_ text: String, _ at: NodePath) -> Color {
      if Checker.isColor(text), let color = Color(hex: text) { return color }
      checker.checkColor(text, at: at)
      bad = true
      return Color(red: 0, green: 0, blue: 0, alpha: 0)  // never used: nil is returned
    }
    let c = style.colors
    let colors = StyleColors(
      text: parse(c.text, path.appending("text")),
      accent: parse(c.accent, path.appending("accent")),
      muted: parse(c.muted, path.appending("muted")), rule: parse(c.rule, path.appending("rule")),
      headerFill: parse(c.headerFill, path.appending("header-fill")),
      headerText: parse(c.headerText, path.appending("header-text")),
      zebra: parse(c.zebra, path.appending("zebra")),
      palette: style.charts.palette.enumerated().map {
        parse(
          $0.element, NodePath.root.appending("charts").appending("palette").appending($0.offset))
      })
    if colors.palette.count < 2 {
      checker.error(
        "the palette needs at least 2 colours (business, then technical), found \(colors.palette.count)",
        at: NodePath.root.appending("charts").appending("palette"))
      bad = true
    }
    return bad ? nil : colors
  }
}
