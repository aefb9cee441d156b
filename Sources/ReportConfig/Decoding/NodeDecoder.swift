import ReportModel

/// A `Decoder` over a ``SourceNode`` tree that reports problems to a ``DecodingSession`` instead of
/// stopping at the first.
///
/// It checks mapping keys against the type's `CodingKeys` when they are `CaseIterable` (reporting
/// unknown keys with a suggestion), and types scalars strictly (text, numbers, booleans, enums).
struct NodeDecoder: Decoder {
  /// The node being decoded; nil when building a placeholder from nothing.
  let node: SourceNode?
  let path: NodePath
  let session: DecodingSession

  var codingPath: [any CodingKey] { path.codingPath }
  /// Tells a value the shape of its node (``NodeShape``), so a value that may be written as text or
  /// as a list picks its form without a failed attempt being reported.
  var userInfo: [CodingUserInfoKey: Any] {
    guard let node else { return [:] }
    let shape: NodeShape =
      node.entries != nil ? .mapping : node.items != nil ? .list : .scalar
    return [NodeShape.userInfoKey: shape]
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard let node else {
      return KeyedDecodingContainer(
        NodeKeyedContainer<Key>(node: nil, entries: [], path: path, session: session))
    }
    let allowed = session.keyNames(of: Key.self).map { $0 + session.extraKeys(at: path) }
    guard let entries = node.entries else {
      var expected = "a mapping"
      if let allowed, allowed.count <= 12 { expected += " with keys \(Suggestions.list(allowed))" }
      session.report(
        "expected \(expected), found \(node.kindDescription)", at: node.location, path: path)
      throw ReportedError()
    }
    if let allowed {
      let known = Set(allowed)
      for entry in entries where !known.contains(entry.key) {
        // Named only for a message (naming it took more than the rest of a container's making).
        let place = path.components.isEmpty ? "at the top level" : "in \(path.containerName)"
        var message = "unknown key '\(entry.key)' \(place)"
        if let suggestion = Suggestions.nearest(to: entry.key, in: allowed) {
          message += "; did you mean '\(suggestion)'?"
        } else {
          message += "; expected \(Suggestions.list(allowed))"
        }
        session.report(message, at: entry.keyLocation, path: path.appending(entry.key))
        session.noteUnknownKey(in: node.location)
      }
    }
    return KeyedDecodingContainer(
      NodeKeyedContainer<Key>(node: node, entries: entries, path: path, session: session))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard let node else { return NodeUnkeyedContainer(items: [], path: path, session: session) }
    guard let items = node.items else {
      session.report(
        "expected a list, found \(node.kindDescription)", at: node.location, path: path)
      throw ReportedError()
    }
    return NodeUnkeyedContainer(items: items, path: path, session: session)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    NodeSingleValueContainer(node: node, path: path, session: session)
  }

  /// The key names a `CodingKey` type allows, when it lists them (`CaseIterable`).
  static func keyNames<Key: CodingKey>(of type: Key.Type) -> [String]? {
    guard let iterable = type as? any (CodingKey & CaseIterable).Type else { return nil }
    return names(iterable)
  }

  private static func names<K: CodingKey & CaseIterable>(_ type: K.Type) -> [String] {
    K.allCases.map(\.stringValue)
  }
}

extension NodePath {
  var codingPath: [any CodingKey] {
    components.map { component in
      switch component {
      case .key(let key): PathKey(stringValue: key)
      case .index(let index): PathKey(intValue: index)
      }
    }
  }
}

/// A `CodingKey` for paths: any name or index.
struct PathKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) {
    self.stringValue = stringValue
    self.intValue = nil
  }
  init(intValue: Int) {
    self.stringValue = "\(intValue)"
    self.intValue = intValue
  }
}

// MARK: - Keyed

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let node: SourceNode?
  let entries: [SourceNode.Entry]
  let path: NodePath
  let session: DecodingSession

  var codingPath: [any CodingKey] { path.codingPath }
  var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

  private func entry(_ key: Key) -> SourceNode.Entry? {
    entries.first { $0.key == key.stringValue }
  }

  func contains(_ key: Key) -> Bool { entry(key) != nil }

  func decodeNil(forKey key: Key) throws -> Bool { entry(key)?.value.isNull ?? true }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    guard let entry = entry(key) else {
      if let node {
        session.report("missing required key '\(key.stringValue)'", at: node.location, path: path)
      }
      return try session.placeholder(T.self)
    }
    return try session.decode(T.self, from: entry.value, at: path.appending(key.stringValue))
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type,
    forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try decoder(for: key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder(for: key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    NodeDecoder(node: node, path: path, session: session)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder { decoder(for: key) }

  private func decoder(for key: Key) -> NodeDecoder {
    NodeDecoder(node: entry(key)?.value, path: path.appending(key.stringValue), session: session)
  }
}

// MARK: - Unkeyed

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
  let items: [SourceNode]
  let path: NodePath
  let session: DecodingSession
  private(set) var currentIndex = 0

  init(items: [SourceNode], path: NodePath, session: DecodingSession) {
    self.items = items
    self.path = path
    self.session = session
  }

  var codingPath: [any CodingKey] { path.codingPath }
  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, items[currentIndex].isNull else { return false }
    currentIndex += 1
    return true
  }

  /// The next item.
  ///
  /// An item that cannot be decoded at all is reported and skipped, so the items after it are still
  /// checked.
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    while !isAtEnd {
      let index = currentIndex
      currentIndex += 1
      do {
        return try session.decode(T.self, from: items[index], at: path.appending(index))
      } catch {
        continue
      }
    }
    throw ReportedError()
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try nextDecoder().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try nextDecoder().unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { try nextDecoder() }

  private mutating func nextDecoder() throws -> NodeDecoder {
    guard !isAtEnd else { throw ReportedError() }
    let index = currentIndex
    currentIndex += 1
    return NodeDecoder(node: items[index], path: path.appending(index), session: session)
  }
}

// MARK: - Single value

struct NodeSingleValueContainer: SingleValueDecodingContainer {
  let node: SourceNode?
  let path: NodePath
  let session: DecodingSession

  var codingPath: [any CodingKey] { path.codingPath }

  func decodeNil() -> Bool { node?.isNull ?? true }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    guard let node else { return try session.placeholder(T.self) }
    return try session.decode(T.self, from: node, at: path)
  }
}
