import ReportModel

/// A Markdown content file as read: the front matter as YAML for the decoder, the body as typed
/// content, and the places the content rules and the image loader point at.
struct MarkdownDocument {
  /// The blocks before the first heading.
  var introduction: [ContentBlock]
  /// The sections the headings open.
  var sections: [Section]
  /// Where the values were written.
  var positions: MarkdownPositions
  /// Where each image path was first written in the body's Markdown images.
  var imageLocations: [String: SourceLocation]
  /// Where each plain table was first written.
  var tableLocations: [PlainTable: SourceLocation]

  /// The front matter's mapping, placed in the .md file, with an empty `sections` list (the body
  /// gives the sections; the decoder needs the key).
  var frontMatter: SourceNode { positions.frontMatter }
}

/// Where a Markdown content file's values were written: the front matter's tree for its keys, and
/// for the body what the reader recorded as it built the typed content.
///
/// The body's record holds what the content rules point at: each section and its heading's
/// values, each role table with its rows and cells, and the tree of each `pmreport-yaml` block.
struct MarkdownPositions: SourcePositions {
  /// The front matter's tree.
  var frontMatter: SourceNode
  /// Places in the body, by the path the value would have in a YAML content file.
  var body: [NodePath: SourceLocation] = [:]
  /// The `pmreport-yaml` blocks' trees, by the path of the block.
  var yamlBlocks: [NodePath: SourceNode] = [:]

  var location: SourceLocation { frontMatter.location }

  func writtenLocation(at path: NodePath) -> SourceLocation? {
    guard case .key(let key) = path.components.first, Self.bodyKeys.contains(key) else {
      return frontMatter.writtenLocation(at: path)
    }
    if let found = body[path] { return found }
    for (blockPath, node) in yamlBlocks
    where path.components.starts(with: blockPath.components) {
      let inside = path.components.dropFirst(blockPath.components.count)
      return node.writtenLocation(at: NodePath(components: Array(inside)))
    }
    return nil
  }

  /// The top-level keys the body gives.
  static let bodyKeys: Set<String> = [
    Comparison.CodingKeys.introduction.rawValue, Comparison.CodingKeys.sections.rawValue,
  ]
}
