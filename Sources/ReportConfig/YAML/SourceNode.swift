import Yams

/// A place in an input file.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The file as it was named to pmreport, or what a value with no file comes from.
  public var file: String
  /// 1-based; 0 for values that come from no file (the built-in style).
  public var line: Int
  /// 1-based, in Unicode scalars; 0 when unknown.
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, or the file alone when the value has no line.
  public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

  /// `file`, `file:line` or `file:line:column`, as a diagnostic starts: a line or column of 0 is
  /// left out.
  public var place: String {
    guard line > 0 else { return file }
    return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
  }

  static func builtIn(_ what: String) -> SourceLocation {
    SourceLocation(file: what, line: 0, column: 0)
  }
}

/// A path through a YAML tree: `documents[2].page-size`.
struct NodePath: Hashable, Sendable, CustomStringConvertible {
  enum Component: Hashable, Sendable {
    case key(String)
    case index(Int)
  }

  var components: [Component] = []

  static let root = NodePath()

  func appending(_ key: String) -> NodePath { NodePath(components: components + [.key(key)]) }
  func appending(_ index: Int) -> NodePath { NodePath(components: components + [.index(index)]) }
  var parent: NodePath { NodePath(components: Array(components.dropLast())) }

  var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key): text += text.isEmpty ? key : ".\(key)"
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }

  /// How a message names the mapping at this path: "paragraph", "documents[2]", "the top level".
  var containerName: String {
    components.isEmpty
      ? "the top level" : description.split(separator: ".").last.map(String.init) ?? description
  }
}

/// A YAML value with the file position of every part: the tree that decoding and validation walk.
///
/// Built from Yams' composed `Node` (which keeps a `Mark` on each node); unlike `Node` it records which
/// file a value came from, so a style merged from several files still reports the right file.
struct SourceNode: Sendable {
  enum Value: Sendable {
    /// `plain` is true for an unquoted, untagged scalar: only those can mean null.
    case scalar(String, plain: Bool)
    case mapping([Entry])
    case sequence([SourceNode])
  }

  struct Entry: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: SourceNode
  }

  var value: Value
  var location: SourceLocation

  init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }

  static func emptyMapping(at location: SourceLocation) -> SourceNode {
    SourceNode(.mapping([]), at: location)
  }

  // MARK: Reading

  var isNull: Bool {
    if case .scalar(let text, plain: true) = value { return SourceNode.nullWords.contains(text) }
    return false
  }

  static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

  var scalar: String? {
    if case .scalar(let text, _) = value, !isNull { return text }
    return nil
  }

  var entries: [Entry]? {
    if case .mapping(let entries) = value { return entries }
    return nil
  }

  var items: [SourceNode]? {
    if case .sequence(let items) = value { return items }
    return nil
  }

  subscript(key: String) -> SourceNode? { entries?.first { $0.key == key }?.value }

  func entry(_ key: String) -> Entry? { entries?.first { $0.key == key } }

  /// The node at a path below this one, if every step exists.
  func node(at path: NodePath) -> SourceNode? {
    var node = self
    for component in path.components {
      switch component {
      case .key(let key):
        guard let next = node[key] else { return nil }
        node = next
      case .index(let index):
        guard let items = node.items, items.indices.contains(index) else { return nil }
        node = items[index]
      }
    }
    return node
  }

  /// A short description of what this node is, for "expected X, found Y" messages.
  var kindDescription: String {
    switch value {
    case .scalar(let text, let plain):
      if isNull { return "nothing (null)" }
      let shown = text.count > 40 ? String(text.prefix(37)) + "…" : text
      return plain ? "'\(Diagnostic.oneLine(shown))'" : "the text '\(Diagnostic.oneLine(shown))'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
  }

  // MARK: Editing

  /// This mapping without the given top-level keys.
  func removingKeys(_ keys: Set<String>) -> SourceNode {
    guard let entries else { return self }
    return SourceNode(.mapping(entries.filter { !keys.contains($0.key) }), at: location)
  }

  /// `overlay` merged onto this node: mappings merge key by key (recursively), anything else is
  /// replaced.
  ///
  /// A null in the overlay keeps the value underneath.
  func merged(with overlay: SourceNode) -> SourceNode {
    guard let base = entries, let top = overlay.entries else {
      return overlay.isNull ? self : overlay
    }
    var result = base
    for entry in top {
      if let index = result.firstIndex(where: { $0.key == entry.key }) {
        result[index].value = result[index].value.merged(with: entry.value)
        result[index].keyLocation = entry.keyLocation
      } else {
        result.append(entry)
      }
    }
    return SourceNode(.mapping(result), at: overlay.location)
  }
}

// MARK: - From Yams

extension SourceNode {
  /// Most nodes one file may expand to: aliases share structure in Yams but are walked in full here,
  /// so a file of nested aliases ("billion laughs") would otherwise take forever.
  static let nodeLimit = 500_000

  /// Errors met while converting a composed Yams tree.
  enum ConversionProblem: Error {
    case tooManyNodes(SourceLocation)
    case complexKey(SourceLocation, NodePath)
    /// A scalar or key whose escapes decode to a control character (``ControlCharacters``).
    case controlCharacter(UInt8, SourceLocation, NodePath)
  }

  /// Converts a composed Yams tree, naming `file` in every location.
  init(_ node: Node, file: String) throws {
    var budget = SourceNode.nodeLimit
    try self.init(node, file: file, budget: &budget)
  }

  /// Converts a composed Yams tree as ``init(_:file:)`` does, taking one from `budget` for each
  /// node (``ConversionProblem/tooManyNodes(_:)`` when it runs out).
  init(_ node: Node, file: String, budget: inout Int) throws {
    self = try SourceNode.convert(node, file: file, path: .root, budget: &budget)
  }

  private static func location(of node: Node, file: String) -> SourceLocation {
    if let mark = node.mark {
      return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
    return SourceLocation(file: file, line: 0, column: 0)
  }

  private static func convert(_ node: Node, file: String, path: NodePath, budget: inout Int) throws
    -> SourceNode
  {
    let here = location(of: node, file: file)
    budget -= 1
    if budget < 0 { throw ConversionProblem.tooManyNodes(here) }
    switch node {
    case .scalar(let scalar):
      if let code = ControlCharacters.first(in: scalar.string) {
        throw ConversionProblem.controlCharacter(code, here, path)
      }
      let plain = scalar.style == .plain && scalar.tag.rawValue.isEmpty
      return SourceNode(.scalar(scalar.string, plain: plain), at: here)
    case .alias:
      // Yams' composer resolves aliases itself; an unresolved one stands for nothing.
      return SourceNode(.scalar("", plain: true), at: here)
    case .sequence(let sequence):
      var items: [SourceNode] = []
      items.reserveCapacity(sequence.count)
      for (index, item) in sequence.enumerated() {
        items.append(try convert(item, file: file, path: path.appending(index), budget: &budget))
      }
      return SourceNode(.sequence(items), at: here)
    case .mapping(let mapping):
      var entries: [Entry] = []
      entries.reserveCapacity(mapping.count)
      for (key, value) in mapping {
        guard case .scalar(let keyScalar) = key else {
          throw ConversionProblem.complexKey(location(of: key, file: file), path)
        }
        let name = keyScalar.string
        if let code = ControlCharacters.first(in: name) {
          throw ConversionProblem.controlCharacter(code, location(of: key, file: file), path)
        }
        entries.append(
          Entry(
            key: name, keyLocation: location(of: key, file: file),
            value: try convert(
              value, file: file, path: path.appending(name),
              budget: &budget)))
      }
      return SourceNode(.mapping(entries), at: here)
    }
  }
}

extension SourceNode: SourcePositions {
  func writtenLocation(at path: NodePath) -> SourceLocation? { node(at: path)?.location }
}
