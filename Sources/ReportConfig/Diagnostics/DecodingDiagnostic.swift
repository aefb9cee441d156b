import Foundation

extension Diagnostic {
  /// The problem `error` (a `JSONDecoder`'s) found in the JSON file `file` holding `text`, as a
  /// config file's problems are told: at the value's place, with its key path
  /// (`files[3].participant.line`) and what was expected there; a missing key with a key close
  /// to it in its mapping is placed at that key, with a did-you-mean.
  ///
  /// The place is found by reading `text` again as YAML (JSON is YAML): line 0 when it cannot be.
  public init(decoding error: DecodingError, in text: String, file: String) {
    let tree = Result { try YAMLSource.parse(text, file: file) }
    func place(_ path: NodePath) -> SourceLocation {
      (try? tree.get())?.node(at: path)?.location ?? SourceLocation(file: file, line: 0, column: 0)
    }
    func found(_ path: NodePath) -> String {
      (try? tree.get())?.node(at: path).map { ", found \($0.kindDescription)" } ?? ""
    }
    switch error {
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let path = NodePath(context.codingPath)
      self.init(
        "expected \(Self.described(type))\(found(path))", at: place(path), keyPath: path)
    case .keyNotFound(let key, let context):
      let path = NodePath(context.codingPath)
      let missing = key.stringValue
      let message = "missing required key '\(missing)'"
      // A key written close to it is likely it, misspelt: asked about, at that key.
      let written = (try? tree.get())?.node(at: path)?.entries?.filter { $0.key != missing } ?? []
      if let near = Suggestions.nearest(to: missing, in: written.map(\.key)),
        let entry = written.first(where: { $0.key == near })
      {
        self.init(
          message + "; did you mean '\(missing)' instead of '\(near)'?", at: entry.keyLocation,
          keyPath: path)
      } else {
        self.init(message, at: place(path), keyPath: path)
      }
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      // Not JSON at all (Foundation says no more): the YAML reader's place of the fault.
      var location = SourceLocation(file: file, line: 0, column: 0)
      if case .failure(let failure as InputError) = tree, let first = failure.diagnostics.first {
        location = first.location
      }
      let message =
        text.allSatisfy(\.isWhitespace)
        ? "the file is empty; expected JSON"
        : location.line > 0
          ? "not valid JSON: the text breaks off or holds something unexpected here"
          : "not valid JSON (\(context.debugDescription))"
      self.init(message, at: location, keyPath: .root)
    case .dataCorrupted(let context):
      let path = NodePath(context.codingPath)
      self.init(context.debugDescription + found(path), at: place(path), keyPath: path)
    @unknown default:
      self.init("\(error)", at: SourceLocation(file: file, line: 0, column: 0), keyPath: .root)
    }
  }

  /// What a value of `type` is, as "expected …" says it: `a whole number`, `text`, `a list`.
  static func described(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Int.Type, is Int64.Type, is UInt64.Type: "a whole number"
    case is Double.Type, is Float.Type: "a number"
    case is Bool.Type: "true or false"
    case is [Any].Type: "a list"
    default: "a mapping"
    }
  }
}

extension NodePath {
  /// The path a decoder's coding path names: keys, and list positions.
  init(_ codingPath: [any CodingKey]) {
    self.init(
      components: codingPath.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) }
    )
  }
}
