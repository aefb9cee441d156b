import Foundation
import ReportModel
import Yams

extension ConfigLoader {
  /// Loads a content file: a ``Comparison`` written as YAML (the shape `exportContent` writes) or
  /// as Markdown.
  ///
  /// A file named `.md` or `.markdown` is Markdown (front matter and body, see
  /// ``loadMarkdownContent(_:file:)``); any other is YAML. Both pass the same decoder (a Markdown
  /// file's front matter and `pmreport-yaml` blocks) and the same rules (``ContentRules``): roles,
  /// ids, role tables, chart data. The file is read through `inputs`.
  public static func loadContent(path: String, inputs: Inputs) throws -> Comparison {
    try loadContentFile(path: path, inputs: inputs).content
  }

  /// Loads a content file as ``loadContent(path:inputs:)`` does, with where its images were named.
  ///
  /// `display` names the file in messages (default: `path`, relative to the working directory
  /// when inside it); the file is read through `inputs`. With `pieces`, a YAML file is parsed a
  /// piece at a time, the pieces unchanged since its last parse taken as they were.
  public static func loadContentFile(
    path: String, display: String? = nil, inputs: Inputs, pieces: YAMLPieces? = nil
  ) throws -> LoadedContent {
    let absolute = Paths.absolute(path, relativeTo: Paths.current)
    let display = display ?? (path.hasPrefix("/") ? Paths.display(absolute) : path)
    let text = try YAMLSource.read(
      absolute, displayName: display, role: "content file", inputs: inputs)
    if text.allSatisfy(\.isWhitespace) {
      throw InputError(diagnostics: [
        Diagnostic(
          file: display, line: 1, column: 1, keyPath: "",
          message: "the content file holds no text; write an introduction or a section (`# "
            + "Title` in Markdown), or start from `pmreport export-content`")
      ])
    }
    let decoded =
      isMarkdown(path)
      ? try decodeMarkdownContent(text, file: display)
      : try decodeContent(parse(text, display: display, pieces: pieces), file: display)
    var loaded = LoadedContent(
      content: decoded.content, file: display, path: absolute,
      imageLocations: decoded.imageLocations)
    loaded.warnings = decoded.warnings
    loaded.positions = ContentPositions(
      content: decoded.content, positions: decoded.positions, file: display)
    return loaded
  }

  /// Whether a content path names a Markdown file (by its extension).
  public static func isMarkdown(_ path: String) -> Bool {
    let ext = (path as NSString).pathExtension.lowercased()
    return ext == "md" || ext == "markdown"
  }

  /// Reads content written as Markdown.
  ///
  /// YAML front matter gives the metadata, roles and chart data, the body the introduction and
  /// sections. `file` names it in messages.
  public static func loadMarkdownContent(_ text: String, file: String) throws -> Comparison {
    try decodeMarkdownContent(text, file: file).content
  }

  /// Checked content: the value, the warnings found (errors are thrown), where each image
  /// path was first written and where the values were.
  typealias DecodedContent = (
    content: Comparison, warnings: [Diagnostic], imageLocations: [String: SourceLocation],
    positions: any SourcePositions
  )

  /// What a content file gives before the rules run.
  struct ReadContent {
    var content: Comparison
    /// The YAML the decoder read (a Markdown file's front matter): where the chart data is.
    var tree: SourceNode
    /// Where the values were written.
    var positions: any SourcePositions
    /// The reader's own problems (none for YAML).
    var problems: [Diagnostic] = []
    /// Where the reader saw image paths written.
    var imageLocations: [String: SourceLocation] = [:]
  }

  /// Decodes a YAML content file's tree and checks the content rules.
  static func decodeContent(_ tree: SourceNode, file: String) throws -> DecodedContent {
    try checkedContent(file: file) { session in
      ReadContent(
        content: try session.decodeFile(Comparison.self, from: tree), tree: tree,
        positions: tree)
    }
  }

  /// Reads a Markdown content file (the body straight into the model, the front matter through
  /// the decoder) and checks the content rules.
  static func decodeMarkdownContent(_ text: String, file: String) throws -> DecodedContent {
    try checkedContent(file: file) { session in
      let (document, problems) = try MarkdownReader.read(text, file: file, session: session)
      var content: Comparison
      do {
        content = try session.decodeFile(Comparison.self, from: document.frontMatter)
      } catch let error as InputError {
        throw InputError(diagnostics: Checker.sorted(problems + error.diagnostics))
      }
      content.introduction = document.introduction
      content.sections = document.sections
      return ReadContent(
        content: content, tree: document.frontMatter, positions: document.positions,
        problems: problems, imageLocations: document.imageLocations)
    }
  }

  /// The content `read` gives with a decoding session, checked by the content rules.
  ///
  /// The session notes where each image block decoded was written and checks each link a span
  /// carries (``LinkRules``); the reader's problems are not decoding failures, so the rules'
  /// findings stay beside them.
  private static func checkedContent(
    file: String, read: (DecodingSession) throws -> ReadContent
  ) throws -> DecodedContent {
    let session = DecodingSession()
    var imageLocations: [String: SourceLocation] = [:]
    session.observe(ImageBlock.self) { image, node, _ in
      guard let written = node.entry(ImageBlock.CodingKeys.path.rawValue)?.value.location
      else { return }
      note(image: image.path, writtenAt: written, in: &imageLocations)
    }
    session.observe(TextSpan.self) { [unowned session] span, node, path in
      let key = TextSpan.CodingKeys.link.rawValue
      guard let link = span.link, let problem = LinkRules.problem(with: link) else { return }
      guard let written = node.entry(key)?.value else {
        session.report(problem, at: node.location, path: path)
        return
      }
      session.report(problem, at: written.location, path: path.appending(key))
    }
    var read = try read(session)
    for (path, written) in read.imageLocations {
      note(image: path, writtenAt: written, in: &imageLocations)
    }
    var checker = Checker(positions: read.positions, primaryFile: file)
    // Earlier files keep the chart data under `charts:` (with the charts as `specs`).
    let legacyCharts = read.tree.node(at: NodePath.root.appending("charts"))?.entries != nil
    ContentRules.check(&read.content, legacyCharts: legacyCharts, with: &checker)
    let diagnostics = Checker.sorted(
      Checker.combine(decoding: session.diagnostics, checks: checker.diagnostics) + read.problems)
    try Checker.throwIfErrors(diagnostics)
    return (
      read.content, diagnostics.filter { $0.severity == .warning }, imageLocations,
      read.positions
    )
  }

  /// Keeps `written` as where an image path was written, unless a place earlier in the file is
  /// kept already.
  static func note(
    image path: String, writtenAt written: SourceLocation,
    in locations: inout [String: SourceLocation]
  ) {
    if let first = locations[path], (first.line, first.column) <= (written.line, written.column) {
      return
    }
    locations[path] = written
  }

  /// The comparison as content-file YAML: keys in the model's order, block style, Unicode kept,
  /// long text on one line, multi-line text as `|` blocks.
  ///
  /// ``loadContent(path:inputs:)`` reads it back to an equal value, and exporting that gives the
  /// same text.
  public static func exportContent(_ comparison: Comparison) throws -> String {
    let body = try yaml(comparison)
    return """
      # pmreport content: the comparison the handouts are built from.
      # Edit it, then use it with `--content FILE` or `content: FILE` in pmreport.yml.
      # Each block is one of paragraph, list, paired, faq or table.

      """ + body
  }

  /// A value as pmreport writes YAML: block style, Unicode kept, long text on one line, multi-line
  /// text as `|` blocks, numbers in their shortest decimal form; with `keys`, only those top-level
  /// keys (a Markdown file's front matter).
  static func yaml(_ value: some Encodable, keys: [String]? = nil) throws -> String {
    let options = YAMLEncoder.Options(
      indent: 2, width: -1, allowUnicode: true, lineBreak: .ln,
      sortKeys: false, sequenceStyle: .block, mappingStyle: .block,
      newLineScalarStyle: .literal)
    let encoder = YAMLEncoder()
    encoder.options = options
    let encoded = try encoder.encode(value)
    // Yams writes doubles in exponent form (4.5e+0); write them as people do (4.5).
    // UTF-8, named (see YAMLSource.parse: the default encoding reads the environment).
    guard var node = try Yams.compose(yaml: encoded, .default, .default, .utf8) else {
      return encoded
    }
    if let keys, case .mapping(let mapping) = node {
      let kept = mapping.filter { pair in pair.key.string.map { keys.contains($0) } ?? false }
      if kept.isEmpty { return "" }
      node = Node(kept.map { ($0.key, $0.value) }, .implicit, .block)
    }
    return try Yams.serialize(
      node: tidyNumbers(node), indent: options.indent, width: options.width,
      allowUnicode: options.allowUnicode, lineBreak: options.lineBreak,
      sortKeys: false)
  }

  /// The tree with every plain float scalar in its shortest decimal form.
  private static func tidyNumbers(_ node: Node) -> Node {
    switch node {
    case .scalar(let scalar):
      guard scalar.style == .plain || scalar.style == .any,
        Resolver.default.resolveTag(of: node) == .float,
        let value = DecodingSession.parseNumber(scalar.string), value.isFinite
      else { return node }
      // Whole numbers as people write them (5, not 5.0); others in their shortest form.
      let text =
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
      return Node(text, Tag(.float), .plain)
    case .mapping(let mapping):
      return Node(mapping.map { (tidyNumbers($0.key), tidyNumbers($0.value)) }, .implicit, .block)
    case .sequence(let sequence):
      return Node(sequence.map(tidyNumbers), .implicit, .block)
    case .alias:
      return node
    }
  }
}

/// A content file as loaded: the content, the file, and where its image paths were written.
public struct LoadedContent: Sendable {
  public var content: Comparison
  /// The file as messages name it.
  public var file: String
  /// The file, absolute.
  public var path: String
  /// Where each image path was written, by the path as written; an image path with no entry
  /// (content made in code) is reported against ``file``.
  public var imageLocations: [String: SourceLocation]
  /// What the content rules found worth saying that does not stop a run.
  public var warnings: [Diagnostic] = []
  /// Where the sections, blocks and list items were written (for the frame items' source spans).
  public var positions: ContentPositions?

  public init(
    content: Comparison, file: String, path: String,
    imageLocations: [String: SourceLocation] = [:]
  ) {
    self.content = content
    self.file = file
    self.path = path
    self.imageLocations = imageLocations
  }
}
