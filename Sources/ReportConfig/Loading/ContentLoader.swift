import Foundation
import ReportModel
import Yams

extension ConfigLoader {
  /// Loads a content file: a ``Comparison`` written as YAML (the shape `exportContent` writes) or
  /// as Markdown.
  ///
  /// A file named `.md` or `.markdown` is Markdown (front matter and body, see
  /// ``loadMarkdownContent(_:file:)``); any other is YAML. Both become the same tree and pass the
  /// same decoder and rules (``ContentRules``): roles, ids, role tables, chart data.
  public static func loadContent(path: String) throws -> Comparison {
    try loadContentFile(path: path).content
  }

  /// Loads a content file as ``loadContent(path:)`` does, with where its image paths were written.
  ///
  /// `display` names the file in messages (default: `path`, relative to the working directory
  /// when inside it); the file is read through `inputs`.
  public static func loadContentFile(
    path: String, display: String? = nil, inputs: Inputs = Inputs()
  ) throws -> LoadedContent {
    let absolute = Paths.absolute(path, relativeTo: Paths.current)
    let display = display ?? (path.hasPrefix("/") ? Paths.display(absolute) : path)
    let tree: SourceNode
    var problems: [Diagnostic] = []
    if isMarkdown(path) {
      let text = try YAMLSource.read(
        absolute, displayName: display, role: "content file", inputs: inputs)
      (tree, problems) = try MarkdownReader.read(text, file: display)
    } else {
      tree = try parseFile(absolute, display: display, role: "content file", inputs: inputs)
    }
    let decoded = try decodeContent(tree, file: display, problems: problems)
    var loaded = LoadedContent(
      content: decoded.content, file: display, path: absolute,
      imageLocations: decoded.imageLocations)
    loaded.warnings = decoded.warnings
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
    let (tree, problems) = try MarkdownReader.read(text, file: file)
    return try decodeContent(tree, file: file, problems: problems).content
  }

  /// Decodes a content tree and checks the content rules; `problems` are the reader's own.
  ///
  /// Returns the content, the warnings found (errors are thrown) and where each image path was
  /// first written, kept as the image blocks are decoded.
  static func decodeContent(_ tree: SourceNode, file: String, problems: [Diagnostic] = [])
    throws -> (
      content: Comparison, warnings: [Diagnostic], imageLocations: [String: SourceLocation]
    )
  {
    let session = DecodingSession()
    var imageLocations: [String: SourceLocation] = [:]
    session.observe(ImageBlock.self) { image, node in
      guard let written = node.entry(ImageBlock.CodingKeys.path.rawValue)?.value.location
      else { return }
      if let first = imageLocations[image.path],
        (first.line, first.column) <= (written.line, written.column)
      {
        return
      }
      imageLocations[image.path] = written
    }
    var comparison: Comparison
    do {
      comparison = try session.decodeFile(Comparison.self, from: tree)
    } catch let error as InputError {
      throw InputError(diagnostics: Checker.sorted(problems + error.diagnostics))
    }
    var checker = Checker(tree: tree, primaryFile: file)
    ContentRules.check(&comparison, with: &checker)
    // The reader's problems are not decoding failures: the rules' findings stay beside them.
    let diagnostics = Checker.sorted(
      Checker.combine(decoding: session.diagnostics, checks: checker.diagnostics) + problems)
    try Checker.throwIfErrors(diagnostics)
    return (comparison, diagnostics.filter { $0.severity == .warning }, imageLocations)
  }

  /// The comparison as content-file YAML: keys in the model's order, block style, Unicode kept,
  /// long text on one line, multi-line text as `|` blocks.
  ///
  /// ``loadContent(path:)`` reads it back to an equal value, and exporting that gives the same
  /// text.
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
    guard var node = try Yams.compose(yaml: encoded) else { return encoded }
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
