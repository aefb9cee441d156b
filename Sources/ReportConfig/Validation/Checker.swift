import Foundation

/// Collects problems found in decoded values (ranges, formats, cross references), placing each at
/// the source position of the value it concerns.
struct Checker {
  /// Where the file's values were written (its tree, or what a reader recorded).
  let positions: any SourcePositions
  /// The file a message should prefer when a problem involves several values (a style merged from
  /// several files): the one the user asked for.
  var primaryFile: String?
  private(set) var diagnostics: [Diagnostic] = []

  init(positions: any SourcePositions, primaryFile: String? = nil) {
    self.positions = positions
    self.primaryFile = primaryFile
  }

  mutating func error(_ message: String, at path: NodePath) {
    add(Diagnostic(message, at: positions.location(of: path), keyPath: path))
  }

  mutating func warning(_ message: String, at path: NodePath) {
    add(Diagnostic(message, at: positions.location(of: path), keyPath: path, severity: .warning))
  }

  mutating func add(_ diagnostic: Diagnostic) {
    if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
  }

  /// Of several values behind one problem, the one to point at: the first written in the primary
  /// file, else the first written in any file, else the first.
  func place(_ candidates: [NodePath]) -> NodePath {
    let written = candidates.filter { path in
      positions.writtenLocation(at: path).map { $0.line > 0 } ?? false
    }
    if let primaryFile,
      let inPrimary = written.first(where: {
        positions.writtenLocation(at: $0)?.file == primaryFile
      })
    {
      return inPrimary
    }
    return written.first ?? candidates.first ?? .root
  }

  // MARK: Common rules

  /// Reports a number outside `range`.
  mutating func check(
    _ value: Double, in range: ClosedRange<Double>, at path: NodePath, what: String
  ) {
    if value < range.lowerBound || value > range.upperBound {
      error(
        "\(what) must be between \(Checker.number(range.lowerBound)) and "
          + "\(Checker.number(range.upperBound)), not \(Checker.number(value))", at: path)
    }
  }

  mutating func check(_ value: Int, in range: ClosedRange<Int>, at path: NodePath, what: String) {
    if !range.contains(value) {
      error(
        "\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
        at: path)
    }
  }

  mutating func checkNotEmpty(_ text: String, at path: NodePath, what: String) {
    // Stops at the first character that is not white space (trimming a paragraph copied it).
    if text.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains) {
      error("\(what) must not be empty", at: path)
    }
  }

  mutating func checkColor(_ text: String, at path: NodePath) {
    if !Checker.isColor(text) {
      error("'\(text)' is not a colour; expected #rgb or #rrggbb, like #0b4f8a", at: path)
    }
  }

  // MARK: Formats

  /// `#rgb` or `#rrggbb`.
  static func isColor(_ text: String) -> Bool {
    guard text.first == "#", text.count == 4 || text.count == 7 else { return false }
    return text.dropFirst().allSatisfy { $0.isASCII && $0.isHexDigit }
  }

  /// Lowercase letters and digits in words joined by single hyphens: `key-differences`.
  static func isKebabCase(_ text: String) -> Bool {
    guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else {
      return false
    }
    return text.utf8.allSatisfy {
      $0 == UInt8(ascii: "-") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
    }
  }

  /// `^[a-z0-9][a-z0-9._-]*$`: safe as a file name everywhere.
  static func isSafeFileName(_ text: String) -> Bool {
    guard let first = text.first, first.isASCII, first.isLowercase || first.isNumber else {
      return false
    }
    return text.allSatisfy {
      $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-")
    }
  }

  /// A number as messages show it: `72`, `595.3`.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let text = String(format: "%.2f", value)
    var trimmed = Substring(text)
    while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }

  // MARK: Finishing

  /// Whether a problem at `a` concerns a value at or inside `b`, or the other way round.
  static func overlaps(_ a: String, _ b: String) -> Bool {
    func contains(_ outer: String, _ inner: String) -> Bool {
      outer.isEmpty || inner == outer || inner.hasPrefix(outer + ".")
        || inner.hasPrefix(outer + "[")
    }
    return contains(a, b) || contains(b, a)
  }

  /// The decoding problems and the checker's, in file order.
  ///
  /// A checker problem about a value that also failed to decode is dropped: it would be about a
  /// placeholder, not the user's value.
  static func combine(decoding: [Diagnostic], checks: [Diagnostic]) -> [Diagnostic] {
    let decodeErrors = decoding.filter { $0.severity == .error }
    let kept = checks.filter { check in
      !decodeErrors.contains { $0.file == check.file && overlaps($0.keyPath, check.keyPath) }
    }
    return sorted(decoding + kept)
  }

  /// Diagnostics grouped by file (in order of first appearance), then by line and column.
  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var fileRank: [String: Int] = [:]
    for diagnostic in diagnostics where fileRank[diagnostic.file] == nil {
      fileRank[diagnostic.file] = fileRank.count
    }
    return diagnostics.enumerated().sorted { a, b in
      let ka = (fileRank[a.element.file] ?? 0, a.element.line, a.element.column, a.offset)
      let kb = (fileRank[b.element.file] ?? 0, b.element.line, b.element.column, b.offset)
      return ka < kb
    }.map(\.element)
  }

  /// Throws `InputError` when any of the diagnostics is an error.
  static func throwIfErrors(_ diagnostics: [Diagnostic]) throws {
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw InputError(diagnostics: diagnostics)
    }
  }
}
