import Foundation
import ReportModel
import Yams

extension ConfigLoader {
  /// Loads a content file: a ``Comparison`` written as YAML, in the shape `exportContent` writes.
  ///
  /// Checks, beyond the shape: exactly two roles, `business` and `technical` (put in that order);
  /// section ids unique and kebab-case; chart ids unique and kebab-case, each chart's section and the
  /// overlap's shared section existing; focus scores between 0 and 5.
  public static func loadContent(path: String) throws -> Comparison {
    try loadContentFile(path: path).content
  }

  /// Loads a content file as ``loadContent(path:)`` does, with where its image paths were written.
  ///
  /// `display` names the file in messages (default: `path`, relative to the working directory
  /// when inside it).
  public static func loadContentFile(path: String, display: String? = nil) throws -> LoadedContent {
    let absolute = Paths.absolute(path, relativeTo: Paths.current)
    let display = display ?? (path.hasPrefix("/") ? Paths.display(absolute) : path)
    let tree = try parseFile(absolute, display: display, role: "content file")
    let session = DecodingSession()
    var comparison = try session.decodeFile(Comparison.self, from: tree)
    var checker = Checker(tree: tree, primaryFile: display)
    ContentRules.check(&comparison, with: &checker)
    let diagnostics = Checker.combine(decoding: session.diagnostics, checks: checker.diagnostics)
    try Checker.throwIfErrors(diagnostics)
    var images: [String: SourceLocation] = [:]
    collectImagePaths(in: tree, into: &images)
    return LoadedContent(
      content: comparison, file: display, path: absolute, imageLocations: images)
  }

  /// Where each `image: {path: …}` block's path is written, the first place of each path.
  private static func collectImagePaths(
    in node: SourceNode, into places: inout [String: SourceLocation]
  ) {
    if let entries = node.entries {
      for entry in entries {
        if entry.key == "image", let pathNode = entry.value.entry("path")?.value,
          let path = pathNode.scalar, places[path] == nil
        {
          places[path] = pathNode.location
        }
        collectImagePaths(in: entry.value, into: &places)
      }
    } else if let items = node.items {
      for item in items { collectImagePaths(in: item, into: &places) }
    }
  }

  /// The comparison as content-file YAML: keys in the model's order, block style, Unicode kept,
  /// long text on one line, multi-line text as `|` blocks.
  ///
  /// ``loadContent(path:)`` reads it back to an equal value, and exporting that gives the same
  /// text.
  public static func exportContent(_ comparison: Comparison) throws -> String {
    let options = YAMLEncoder.Options(
      indent: 2, width: -1, allowUnicode: true, lineBreak: .ln,
      sortKeys: false, sequenceStyle: .block, mappingStyle: .block,
      newLineScalarStyle: .literal)
    let encoder = YAMLEncoder()
    encoder.options = options
    let encoded = try encoder.encode(comparison)
    // Yams writes doubles in exponent form (4.5e+0); write them as people do (4.5).
    guard let node = try Yams.compose(yaml: encoded) else { return encoded }
    let body = try Yams.serialize(
      node: tidyNumbers(node), indent: options.indent, width: options.width,
      allowUnicode: options.allowUnicode, lineBreak: options.lineBreak,
      sortKeys: false)
    return """
      # pmreport content: the comparison the handouts are built from.
      # Edit it, then use it with `--content FILE` or `content: FILE` in pmreport.yml.
      # Each block is one of paragraph, list, paired, faq or table.

      """ + body
  }

  /// The tree with every plain float scalar in its shortest decimal form.
  private static func tidyNumbers(_ node: Node) -> Node {
    switch node {
    case .scalar(let scalar):
      guard scalar.style == .plain || scalar.style == .any,
        Resolver.default.resolveTag(of: node) == .float,
        let value = DecodingSession.parseNumber(scalar.string), value.isFinite
      else { return node }
      return Node(value.description, Tag(.float), .plain)
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
