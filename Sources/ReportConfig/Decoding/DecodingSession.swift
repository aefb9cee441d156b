import Foundation
import ReportModel

/// Thrown inside decoding when a problem has already been written to the session's diagnostics:
/// callers up the tree substitute a placeholder value and carry on, so that one pass finds every
/// problem in a file.
struct ReportedError: Error {}

/// The shared state of one decoding pass: the problems found so far.
///
/// Decoding never stops at the first problem. A scalar of the wrong type is reported and replaced
/// by a placeholder (0, "", false, the first enum case); a mapping or list that cannot be decoded is
/// reported and replaced by a placeholder built by decoding the type from nothing in a *silent*
/// session. The value produced alongside diagnostics is never used: only the diagnostics are.
final class DecodingSession {
  /// The problems found, in the order found.
  private(set) var diagnostics: [Diagnostic] = []
  /// A silent session reports nothing: it only builds placeholder values.
  let silent: Bool
  private var seen: Set<Diagnostic> = []
  /// Mappings in which an unknown key was reported; a type's own complaint about the same
  /// mapping's shape (ContentBlock's "exactly one key") would only repeat it.
  private var mappingsWithUnknownKeys: Set<SourceLocation> = []

  /// Numbers that are lengths (a style's margins and sizes), by path: they may carry a unit.
  private var lengthPaths: Set<NodePath> = []
  /// Keys a mapping may hold beyond its type's `CodingKeys` (a style's `extends`), by path.
  private var extraAllowedKeys: [NodePath: [String]] = [:]
  /// Answers of the runtime's type checks, by type (see `isConfigEnum`, `keyNames`).
  private var enumTypes: [ObjectIdentifier: Bool] = [:]
  private var keyNameLists: [ObjectIdentifier: [String]?] = [:]
  /// What is told of each value of a type decoded, by type (see ``observe(_:_:)``).
  private var observers: [ObjectIdentifier: (Any, SourceNode, NodePath) -> Void] = [:]

  init(silent: Bool = false) { self.silent = silent }

  /// Tells `observer` each `T` this session decodes, the node it was decoded from and its path:
  /// how a loader keeps where a value was written when the model's type has no room for a
  /// position, or checks a value wherever in a file it is written.
  func observe<T>(_ type: T.Type, _ observer: @escaping (T, SourceNode, NodePath) -> Void) {
    observers[ObjectIdentifier(type)] = { value, node, path in
      if let value = value as? T { observer(value, node, path) }
    }
  }

  /// Lets the mapping at `path` hold `keys` as well as its type's own keys; decoding ignores them.
  func allowKeys(_ keys: [String], at path: NodePath) {
    extraAllowedKeys[path, default: []] += keys
  }

  func extraKeys(at path: NodePath) -> [String] { extraAllowedKeys[path] ?? [] }

  /// Reads the numbers at `paths` as lengths: `72`, `"72pt"`, `"25.4mm"`, `"2.54cm"`, `"1in"`, in points.
  func acceptLengths(at paths: [NodePath]) { lengthPaths.formUnion(paths) }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  // MARK: Reporting

  func report(_ message: String, at location: SourceLocation, path: NodePath) {
    guard !silent else { return }
    let diagnostic = Diagnostic(message, at: location, keyPath: path)
    if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
  }

  func noteUnknownKey(in mapping: SourceLocation) { mappingsWithUnknownKeys.insert(mapping) }

  /// Reports an error thrown by a type's own `init(from:)` (ReportModel's custom decoders).
  func reportForeign(_ error: any Error, node: SourceNode, path: NodePath) {
    if mappingsWithUnknownKeys.contains(node.location) { return }
    let message: String
    switch error {
    case DecodingError.dataCorrupted(let context): message = context.debugDescription
    case DecodingError.keyNotFound(let key, _):
      message = "missing required key '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context): message = context.debugDescription
    case DecodingError.valueNotFound(_, let context): message = context.debugDescription
    default: message = "\(error)"
    }
    report(message, at: node.location, path: path)
  }

  // MARK: Decoding

  /// Decodes a value, reporting every problem inside it.
  ///
  /// Throws ``ReportedError`` only when no placeholder value can be made.
  func decode<T: Decodable>(_ type: T.Type, from node: SourceNode, at path: NodePath) throws -> T {
    if let value: T = decodeLeaf(from: node, at: path) { return value }
    do {
      let value = try T(from: NodeDecoder(node: node, path: path, session: self))
      if !observers.isEmpty { observers[ObjectIdentifier(T.self)]?(value, node, path) }
      return value
    } catch is ReportedError {
    } catch {
      reportForeign(error, node: node, path: path)
    }
    return try placeholder(T.self)
  }

  /// Decodes a whole file.
  ///
  /// Should no placeholder be possible, the problems found so far are thrown as an `InputError`, so
  /// ``ReportedError`` never leaves the module.
  func decodeFile<T: Decodable>(_ type: T.Type, from node: SourceNode) throws -> T {
    do {
      return try decode(type, from: node, at: .root)
    } catch {
      var found = diagnostics
      if found.isEmpty {
        found = [
          Diagnostic("cannot read this file as \(T.self)", at: node.location, keyPath: .root)
        ]
      }
      throw InputError(diagnostics: Checker.sorted(found))
    }
  }

  /// A stand-in value of a type, decoded from nothing in a silent session.
  func placeholder<T: Decodable>(_ type: T.Type) throws -> T {
    let quiet = DecodingSession(silent: true)
    if let value: T = quiet.decodeLeaf(from: nil, at: .root) { return value }
    do {
      return try T(from: NodeDecoder(node: nil, path: .root, session: quiet))
    } catch {
      throw ReportedError()
    }
  }

  /// Decodes the scalar types (text, numbers, booleans, pmreport's enums) directly; nil for any
  /// other type.
  ///
  /// A missing node (`nil`, only in silent sessions) gives the placeholder.
  func decodeLeaf<T>(from node: SourceNode?, at path: NodePath) -> T? {
    if T.self == String.self { return text(node, path) as? T }
    if T.self == Double.self {
      return (lengthPaths.contains(path) ? length(node, path) : number(node, path)) as? T
    }
    if T.self == Int.self { return integer(node, path) as? T }
    if T.self == Bool.self { return boolean(node, path) as? T }
    if T.self == Float.self { return Float(number(node, path)) as? T }
    if isConfigEnum(T.self), let enumType = T.self as? any ConfigEnum.Type {
      return enumValue(enumType, node, path) as? T
    }
    return nil
  }

  /// Whether `type` is one of pmreport's enums, asked of the runtime once a type: each first
  /// question scans every conformance in the binary.
  private func isConfigEnum(_ type: Any.Type) -> Bool {
    let id = ObjectIdentifier(type)
    if let known = enumTypes[id] { return known }
    let answer = type is any ConfigEnum.Type
    enumTypes[id] = answer
    return answer
  }

  /// The key names a `CodingKey` type allows, when it lists them (`CaseIterable`); asked of the
  /// runtime once a type.
  func keyNames<Key: CodingKey>(of type: Key.Type) -> [String]? {
    let id = ObjectIdentifier(type)
    if let known = keyNameLists[id] { return known }
    let names = NodeDecoder.keyNames(of: type)
    keyNameLists[id] = .some(names)
    return names
  }

  private func mismatch(_ expected: String, _ node: SourceNode, _ path: NodePath) {
    report("expected \(expected), found \(node.kindDescription)", at: node.location, path: path)
  }

  private func text(_ node: SourceNode?, _ path: NodePath) -> String {
    guard let node else { return "" }
    if let text = node.scalar { return text }
    mismatch("text", node, path)
    return ""
  }

  private func number(_ node: SourceNode?, _ path: NodePath) -> Double {
    guard let node else { return 0 }
    if let text = node.scalar, let value = DecodingSession.parseNumber(text) {
      if value.isFinite { return value }
      report(
        "expected a finite number, found \(node.kindDescription)", at: node.location, path: path)
      return 0
    }
    mismatch("a number", node, path)
    return 0
  }

  /// What a length may look like, for messages.
  static let lengthExamples = "a length like 72, \"72pt\", \"25.4mm\", \"2.54cm\" or \"1in\""

  /// The units a length may carry.
  static let lengthUnits = ["pt", "mm", "cm", "in"]

  /// `value` in `unit` as points; nil for an unknown unit. (Divided first, so 25.4mm is exactly 72.)
  static func points(_ value: Double, unit: String) -> Double? {
    switch unit.lowercased() {
    case "pt": value
    case "mm": value / 25.4 * 72
    case "cm": value / 2.54 * 72
    case "in": value * 72
    default: nil
    }
  }

  private func length(_ node: SourceNode?, _ path: NodePath) -> Double {
    guard let node else { return 0 }
    // Text with no number in it gets the message any number gets; a number with a unit is checked here.
    guard let text = node.scalar, !node.isNull, DecodingSession.parseNumber(text) == nil else {
      return number(node, path)
    }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let unit = String(trimmed.reversed().prefix { $0.isASCII && $0.isLetter }.reversed())
    let amount = trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
    guard !unit.isEmpty, let value = DecodingSession.parseNumber(amount) else {
      return number(node, path)
    }
    guard let points = DecodingSession.points(value, unit: unit) else {
      var message = "unknown unit '\(unit)' in '\(Diagnostic.oneLine(trimmed))';"
      if let suggestion = Suggestions.nearest(to: unit, in: DecodingSession.lengthUnits) {
        message += " did you mean '\(suggestion)'?"
      }
      report(message + " expected " + DecodingSession.lengthExamples, at: node.location, path: path)
      return 0
    }
    guard value.isFinite else {
      report(
        "expected a finite length, found \(node.kindDescription)", at: node.location, path: path)
      return 0
    }
    return points
  }

  private func integer(_ node: SourceNode?, _ path: NodePath) -> Int {
    guard let node else { return 0 }
    if let text = node.scalar {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if let value = Int(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) {
        return value
      }
      if let value = DecodingSession.parseNumber(text), value.isFinite, value == value.rounded(),
        abs(value) < 1e15
      {
        return Int(value)
      }
    }
    mismatch("a whole number", node, path)
    return 0
  }

  private func boolean(_ node: SourceNode?, _ path: NodePath) -> Bool {
    guard let node else { return false }
    if let text = node.scalar {
      switch text.lowercased() {
      case "true", "yes", "on": return true
      case "false", "no", "off": return false
      default: break
      }
    }
    mismatch("true or false", node, path)
    return false
  }

  private func enumValue<E: ConfigEnum>(_ type: E.Type, _ node: SourceNode?, _ path: NodePath) -> E?
  {
    let names = E.allCases.map(\.rawValue)
    guard let node else { return E.allCases.first }
    guard let text = node.scalar else {
      mismatch("a \(E.valueDescription) (\(Suggestions.list(names)))", node, path)
      return E.allCases.first
    }
    if let value = E(rawValue: text) { return value }
    report(E.unknownValueMessage(text), at: node.location, path: path)
    return E.allCases.first
  }

  /// A YAML number: decimal, with optional sign and exponent; `.5`, `1_000` and `.inf` too.
  static func parseNumber(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
    switch trimmed.lowercased() {
    case ".inf", "+.inf": return .infinity
    case "-.inf": return -.infinity
    case ".nan": return .nan
    default: break
    }
    guard !trimmed.isEmpty, trimmed.allSatisfy({ "0123456789+-.eE".contains($0) }) else {
      return nil
    }
    return Double(trimmed)
  }
}
