import Foundation
import ReportModel
import Yams

extension ConfigLoader {
  /// The names that mean the compiled-in ``Style/classic`` when no file of that name exists.
  static let builtInStyleNames: Set<String> = ["classic", "default"]

  /// Loads a style by name or path, following its `extends` chain down to the built-in classic style.
  ///
  /// A name is looked up as `<baseDirectory>/Styles/<name>.yml`, then `<workingDirectory>/Styles/<name>.yml`;
  /// "classic" (or "default") with no such file is ``Style/classic``, and any other shipped style's name
  /// with no such file is its compiled-in copy (``builtInStyleFiles``), so a file on disk overrides a
  /// shipped style. A value containing "/" or ending in `.yml`/`.yaml` is a path, relative to
  /// `workingDirectory`.
  ///
  /// A style file may hold any subset of the style's keys, plus `name:` (what the style is called;
  /// default the file name) and `extends: NAME-OR-PATH` (default: classic). Mappings merge key by
  /// key down the chain; a cycle of `extends` is an error. A compiled-in style's `extends` names
  /// another compiled-in style.
  public static func loadStyle(
    _ nameOrPath: String, baseDirectory: String, workingDirectory: String,
    inputs: Inputs
  ) throws -> Style {
    try loadStyleSources(
      nameOrPath, baseDirectory: baseDirectory, workingDirectory: workingDirectory,
      inputs: inputs
    ).style
  }

  /// A style as ``loadStyle(_:baseDirectory:workingDirectory:)`` loads it, with the merged tree
  /// that says where each of its values was written.
  ///
  /// With a `root`, every style file of the chain must lie inside it: a `Styles/` folder outside
  /// it is not searched, and a path (or a found file that is a symbolic link) leading out is an
  /// error, read from nothing. A style file typed outside the root (`--style ~/x.yml`) is the
  /// root of its own chain (its folder). Files are read, and looked for, through `inputs`.
  static func loadStyleSources(
    _ nameOrPath: String, baseDirectory: String, workingDirectory: String,
    root: ProjectRoot? = nil, inputs: Inputs
  ) throws -> LoadedStyle {
    let cwd = absoluteDirectory(workingDirectory)
    let base = Paths.absolute(baseDirectory.isEmpty ? cwd : baseDirectory, relativeTo: cwd)
    let folders = searched([base, cwd], in: root, inputs: inputs)
    let start: StyleSource
    var chainRoot = root
    if isStylePath(nameOrPath) {
      // Typed (`--style`), or written in the config and located by the root rule already.
      let path = inputs.locate(typed: nameOrPath, from: cwd)
      guard inputs.isFile(path) else {
        throw MissingFileError(path: nameOrPath, role: "style file")
      }
      start = .file(path)
      chainRoot = root.map { inputs.root(forPathsWrittenIn: path, within: $0) }
    } else if let found = findStyle(named: nameOrPath, in: folders, inputs: inputs) {
      start = .file(try confined(found, as: Paths.display(found), in: root, inputs: inputs))
    } else if builtInStyleNames.contains(nameOrPath) {
      return LoadedStyle(
        style: .classic, tree: try cachedClassicTree ?? classicTree(), path: nil, primaryFile: nil)
    } else if builtInStyleText(named: nameOrPath) != nil {
      start = .builtIn(nameOrPath)
    } else {
      throw UnknownNameError(
        kind: "style", name: nameOrPath,
        available: availableStyles(baseDirectory: base, workingDirectory: cwd, inputs: inputs))
    }
    return try loadStyleChain(
      from: start, baseDirectory: base, workingDirectory: cwd, root: chainRoot, inputs: inputs)
  }

  /// The `folders` whose `Styles/` is searched: those inside `root` (all without one), asked
  /// through `inputs`.
  private static func searched(_ folders: [String], in root: ProjectRoot?, inputs: Inputs)
    -> [String]
  {
    guard let root else { return folders }
    return folders.filter { (try? inputs.confine($0, in: root).get()) != nil }
  }

  /// `path` with symbolic links resolved when it lies inside `root` (or there is no root), asked
  /// through `inputs`; else an input error naming the style file.
  private static func confined(
    _ path: String, as written: String, in root: ProjectRoot?, inputs: Inputs
  ) throws -> String {
    guard let root else { return path }
    switch inputs.confine(path, in: root) {
    case .success(let real): return real
    case .failure(let violation):
      throw InputError(diagnostics: [
        Diagnostic(
          file: written, line: 0, column: 0, keyPath: "",
          message: root.message(violation, for: written, what: "the style file"))
      ])
    }
  }

  /// The style names available: the built-in ones (every shipped style) and every `Styles/*.yml`
  /// beside the config file or in the working directory, sorted; the folders are listed through
  /// `inputs`.
  public static func availableStyles(
    baseDirectory: String, workingDirectory: String, inputs: Inputs
  ) -> [String] {
    let cwd = absoluteDirectory(workingDirectory)
    let base = Paths.absolute(baseDirectory.isEmpty ? cwd : baseDirectory, relativeTo: cwd)
    var names = Set(builtInStyleFiles.map(\.name)).union(["classic"])
    for directory in Set([base, cwd]) {
      names.formUnion(inputs.ymlStems(in: directory + "/" + stylesFolder))
    }
    return names.sorted()
  }

  /// Whether a style reference is a path rather than a name.
  static func isStylePath(_ value: String) -> Bool {
    value.contains("/") || value.hasSuffix(".yml") || value.hasSuffix(".yaml")
  }

  /// `<directory>/Styles/<name>.yml` in the first of the directories that has it, looked for
  /// through `inputs`.
  static func findStyle(named name: String, in directories: [String], inputs: Inputs) -> String? {
    guard !name.isEmpty, !isStylePath(name) else { return nil }
    for directory in directories {
      let candidate = directory + "/" + stylesFolder + "/" + name + ".yml"
      if inputs.isFile(candidate) { return candidate }
    }
    return nil
  }

  // MARK: The chain

  /// A loaded style and where its values were written.
  struct LoadedStyle {
    var style: Style
    /// The chain's files merged over the built-in classic style (whose values have line 0).
    var tree: SourceNode
    /// The requested style file, absolute; nil for a built-in style.
    var path: String?
    /// The requested file as messages name it: a problem involving several values points there.
    var primaryFile: String?
  }

  /// The style values that are lengths: a number of points, or a number with a unit.
  static let lengthPaths: [NodePath] = {
    let root = NodePath.root
    let page = ["margin-top", "margin-bottom", "margin-left", "margin-right"].map {
      root.appending("page").appending($0)
    }
    let fonts = [
      "body-size", "title-size", "subtitle-size", "h1-size", "h2-size", "h3-size", "table-size",
      "small-size", "minimum-size", "maximum-table-size",
    ].map { root.appending("fonts").appending($0) }
    let slides = SlideStyle.floors.map { root.appending("slides").appending($0.key) }
    return page + fonts + [root.appending("paragraph").appending("spacing")] + slides
  }()

  /// Where one style of an `extends` chain is written: a file, or a compiled-in shipped style.
  private enum StyleSource: Equatable {
    case file(String)
    case builtIn(String)

    /// How messages name it: the file's display path, or `built-in style 'NAME'`.
    var display: String {
      switch self {
      case .file(let path): Paths.display(path)
      case .builtIn(let name): ConfigLoader.builtInStyleDisplay(name)
      }
    }

    /// The file name without folder and extension, or the built-in style's name.
    var stem: String {
      switch self {
      case .file(let path): Paths.stem(of: path)
      case .builtIn(let name): name
      }
    }

    var path: String? {
      if case .file(let path) = self { return path }
      return nil
    }
  }

  /// One file of an `extends` chain.
  private struct StyleFile {
    var source: StyleSource
    var display: String
    var tree: SourceNode
    /// The `name:` the file gives itself, if any.
    var name: String?
  }

  private static func loadStyleChain(
    from start: StyleSource, baseDirectory: String, workingDirectory: String, root: ProjectRoot?,
    inputs: Inputs
  ) throws -> LoadedStyle {
    var chain: [StyleFile] = []  // the requested style first
    var problems: [Diagnostic] = []
    var source = start
    while true {
      let display = source.display
      let tree: SourceNode
      switch source {
      case .file(let path):
        tree = try parseFile(path, display: display, role: "style file", inputs: inputs)
      case .builtIn(let name):
        // Compiled-in values have no position in a file the user has.
        tree = try
          (YAMLSource.parse(builtInStyleText(named: name) ?? "", file: display)
          ?? SourceNode.emptyMapping(at: .builtIn(display))).withoutPositions()
      }
      guard tree.entries != nil else {
        throw InputError(diagnostics: [
          Diagnostic(
            "a style file holds a mapping of style settings (page, fonts, colors, …), found \(tree.kindDescription)",
            at: tree.location, keyPath: .root)
        ])
      }
      var file = StyleFile(source: source, display: display, tree: tree)
      if let nameNode = tree["name"] {
        if let name = nameNode.scalar, !name.trimmingCharacters(in: .whitespaces).isEmpty {
          file.name = name
        } else {
          problems.append(
            Diagnostic(
              "expected the style's name as text, found \(nameNode.kindDescription)",
              at: nameNode.location, keyPath: NodePath.root.appending("name")))
        }
      }
      chain.append(file)
      guard let extendsNode = tree["extends"], !extendsNode.isNull else { break }
      let extendsPath = NodePath.root.appending("extends")
      guard let parent = extendsNode.scalar, !parent.isEmpty else {
        problems.append(
          Diagnostic(
            "expected a style name or path, found \(extendsNode.kindDescription)",
            at: extendsNode.location, keyPath: extendsPath))
        break
      }
      // A path is relative to the file's folder (a built-in style has none: the working directory).
      let folder = source.path.map(Paths.directory(of:)) ?? workingDirectory
      var next: StyleSource?
      if isStylePath(parent), let root {
        let written = InputPath(parent, origin: .written(extendsNode.location))
        switch inputs.locate(written, from: folder, in: root) {
        case .success(let real): next = .file(real)
        case .failure(let violation):
          problems.append(
            Diagnostic(
              root.message(violation, for: parent, what: "the style file"),
              at: extendsNode.location, keyPath: extendsPath))
          break
        }
        if next == nil { break }
      } else if isStylePath(parent) {
        next = .file(Paths.absolute(parent, relativeTo: folder))
      } else if case .builtIn = source {
        // A built-in style extends built-in styles only: its chain does not depend on the folders.
        next =
          builtInStyleNames.contains(parent) || builtInStyleText(named: parent) == nil
          ? nil : .builtIn(parent)
      } else {
        // A name: beside this file first (styles in one folder extend each other), then the usual
        // places, then the compiled-in shipped styles.
        let sibling = folder + "/" + parent + ".yml"
        let folders = searched([baseDirectory, workingDirectory], in: root, inputs: inputs)
        if let found =
          inputs.isFile(sibling)
          ? sibling : findStyle(named: parent, in: folders, inputs: inputs)
        {
          if let root,
            case .failure(let violation) = inputs.locate(
              InputPath(found, origin: .builtIn), from: folder, in: root)
          {
            problems.append(
              Diagnostic(
                root.message(violation, for: Paths.display(found), what: "the style file"),
                at: extendsNode.location, keyPath: extendsPath))
            break
          }
          next = .file(found)
        } else if !builtInStyleNames.contains(parent), builtInStyleText(named: parent) != nil {
          next = .builtIn(parent)
        }
      }
      if let next, next.path.map(inputs.isFile) ?? true {
        if chain.contains(where: { $0.source == next }) {
          if builtInStyleNames.contains(parent) && !isStylePath(parent) { break }
          let names = chain.map(\.source.stem) + [next.stem]
          problems.append(
            Diagnostic(
              "style '\(source.stem)' extends '\(parent)', which leads back to itself "
                + "(\(names.joined(separator: " → "))); remove one of the extends",
              at: extendsNode.location, keyPath: extendsPath))
          break
        }
        source = next
        continue
      }
      if builtInStyleNames.contains(parent) { break }
      if isStylePath(parent) {
        problems.append(
          Diagnostic(
            "style file '\(parent)' not found (looked for \(Paths.display(next?.path ?? parent)))",
            at: extendsNode.location, keyPath: extendsPath))
      } else {
        var available = Set(
          availableStyles(
            baseDirectory: baseDirectory, workingDirectory: workingDirectory, inputs: inputs))
        if source.path != nil { available.formUnion(inputs.ymlStems(in: folder)) }
        let names = available.sorted()
        var message = "unknown style '\(parent)'"
        if let suggestion = Suggestions.nearest(to: parent, in: names) {
          message += "; did you mean '\(suggestion)'?"
        }
        message += " (available styles: \(names.joined(separator: ", ")))"
        problems.append(Diagnostic(message, at: extendsNode.location, keyPath: extendsPath))
      }
      break
    }
    try Checker.throwIfErrors(Checker.sorted(problems))

    // Merge: the built-in classic style, then each file from the root of the chain to the requested one.
    var merged = try cachedClassicTree ?? classicTree()
    for file in chain.reversed() { merged = merged.merged(with: file.tree.removingKeys(["name"])) }

    let session = DecodingSession()
    session.allowKeys(["extends"], at: .root)
    session.acceptLengths(at: lengthPaths)
    let decoded = try session.decodeFile(Style.self, from: merged)
    var style = decoded
    style.name = chain.first?.name ?? start.stem

    var checker = Checker(positions: merged, primaryFile: chain.first?.display)
    StyleRules.check(style, with: &checker)
    let diagnostics = Checker.combine(decoding: session.diagnostics, checks: checker.diagnostics)
    try Checker.throwIfErrors(diagnostics)
    return LoadedStyle(
      style: style, tree: merged, path: start.path, primaryFile: chain.first?.display)
  }

  /// ``classicTree()``, built once.
  private static let cachedClassicTree: SourceNode? = try? classicTree()

  /// ``Style/classic`` as a tree, the root of every chain.
  ///
  /// Its values have no position in a file.
  static func classicTree() throws -> SourceNode {
    let text = try YAMLEncoder().encode(Style.classic)
    // UTF-8, named (see YAMLSource.parse: the default encoding reads the environment).
    guard let node = try Yams.compose(yaml: text, .default, .default, .utf8) else {
      return .emptyMapping(at: .builtIn("built-in style 'classic'"))
    }
    return try SourceNode(node, file: "built-in style 'classic'").withoutPositions()
  }
}

extension SourceNode {
  /// The same tree with every line and column set to 0 (values compiled in, not written in a file).
  func withoutPositions() -> SourceNode {
    let here = SourceLocation(file: location.file, line: 0, column: 0)
    switch value {
    case .scalar: return SourceNode(value, at: here)
    case .sequence(let items):
      return SourceNode(.sequence(items.map { $0.withoutPositions() }), at: here)
    case .mapping(let entries):
      return SourceNode(
        .mapping(
          entries.map {
            Entry(key: $0.key, keyLocation: here, value: $0.value.withoutPositions())
          }), at: here)
    }
  }
}
