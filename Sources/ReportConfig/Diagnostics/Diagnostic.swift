import Foundation

/// One problem found in an input file, with the place it was found.
///
/// `description` is a single line in the style compilers use, so editors can jump to it:
/// `Styles/print.yml:12:3: error: paragraph.orphan: unknown key 'orphan' in paragraph; did you mean 'orphans'?`
public struct Diagnostic: Sendable, CustomStringConvertible, Hashable {
  /// How bad a problem is: errors stop the run, warnings are printed and the run goes on.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  /// The file the problem is in, as it was named to pmreport.
  public var file: String
  /// 1-based line; 0 when the problem has no single place in the file.
  public var line: Int
  /// 1-based column, counted in Unicode scalars; 0 when unknown.
  public var column: Int
  /// Where in the document's structure: `documents[2].page-size`; empty for the file as a whole.
  public var keyPath: String
  /// What is wrong and what was expected.
  public var message: String

  public init(
    severity: Severity = .error, file: String, line: Int, column: Int, keyPath: String,
    message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.keyPath = keyPath
    self.message = message
  }

  /// `FILE:LINE:COL: error: KEYPATH: MESSAGE`, on one line.
  public var description: String { "\(location.place): \(severity.rawValue): \(statement)" }

  /// Where the problem is.
  public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  /// `KEYPATH: MESSAGE` (the message alone when there is no key path), on one line.
  public var statement: String {
    keyPath.isEmpty ? Diagnostic.oneLine(message) : "\(keyPath): \(Diagnostic.oneLine(message))"
  }

  /// The message with line breaks and tabs turned into spaces.
  static func oneLine(_ text: String) -> String {
    String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }
}

extension Diagnostic {
  /// An error at a place in a file.
  init(
    _ message: String, at location: SourceLocation, keyPath: NodePath, severity: Severity = .error
  ) {
    self.init(
      severity: severity, file: location.file, line: location.line, column: location.column,
      keyPath: keyPath.description, message: message)
  }
}

// MARK: - Errors

/// Bad data in an input file (the command line exits 65, `EX_DATAERR`).
///
/// It carries every problem found in the file, in file order: `--json` and GitHub annotations
/// report each; as text, the first ``InputError/shownAsText`` are printed and the rest counted.
public struct InputError: Error, CustomStringConvertible, Sendable {
  /// How many diagnostics the text form prints before it counts the rest.
  public static let shownAsText = 20

  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// Only the errors (not the warnings).
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// One diagnostic a line, up to ``shownAsText``, then a count of those left out.
  public var description: String {
    var lines = diagnostics.prefix(Self.shownAsText).map(\.description)
    let more = diagnostics.count - lines.count
    if more > 0 {
      lines.append("… and \(more) more problem\(more == 1 ? "" : "s") not shown")
    }
    return lines.joined(separator: "\n")
  }
}

/// An input file that does not exist or cannot be opened (the command line exits 66, `EX_NOINPUT`).
public struct MissingFileError: Error, CustomStringConvertible, Sendable {
  /// The path as pmreport looked for it.
  public var path: String
  /// What the file was for: "config file", "content file", "style file".
  public var role: String
  /// Why it could not be read, when it exists but is unreadable.
  public var reason: String?
  /// What is at the path instead of a file to read, said after its name: "is a symbolic link
  /// that loops".
  public var state: String?
  /// Where the path was written (a config key), when it was written in a file.
  public var location: SourceLocation?
  /// A file in the same folder with a name close to the missing one.
  public var suggestion: String?

  public init(path: String, role: String = "file", reason: String? = nil) {
    self.path = path
    self.role = role
    self.reason = reason
  }

  /// The error for the file named `path` that `inputs` could not read, `failure` saying why (a
  /// file too large is bad data, not this error).
  public init(path: String, role: String, failure: Inputs.ReadFailure) {
    self.init(path: path, role: role)
    switch failure {
    case .missing: break
    case .folder: reason = "it is a folder"
    case .refused(let refusal): state = refusal.description
    case .tooLarge(let bytes): reason = "it is \(bytes) bytes, more than pmreport reads"
    case .unreadable: reason = "permission denied"
    }
  }

  /// The same error with a did-you-mean from the files beside `absolute` (the path looked for),
  /// listed through `inputs`.
  func suggesting(from absolute: String, inputs: Inputs) -> MissingFileError {
    var copy = self
    copy.suggestion = Suggestions.nearestFile(beside: absolute, inputs: inputs)
    return copy
  }

  public var description: String { (location.map { "\($0): " } ?? "") + statement }

  /// What is wrong, without the place.
  var statement: String {
    if let state { return "\(role) \(path) \(state)" }
    if let reason { return "cannot read \(role) \(path): \(reason)" }
    return "\(role) not found: \(path)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
  }
}

extension MissingFileError: PositionedError {
  /// At the place the path was written, when it was written in a file.
  public var diagnostic: Diagnostic? {
    location.map {
      Diagnostic(
        file: $0.file, line: $0.line, column: $0.column, keyPath: "", message: statement)
    }
  }
}

/// A name given on the command line (such as `--style NAME`) that names nothing (exit 64, `EX_USAGE`).
public struct UnknownNameError: Error, CustomStringConvertible, Sendable {
  /// What kind of thing was named: "style".
  public var kind: String
  public var name: String
  /// Every valid name, sorted.
  public var available: [String]
  /// The nearest valid name, if one is close.
  public var suggestion: String?

  public init(kind: String, name: String, available: [String]) {
    self.kind = kind
    self.name = name
    self.available = available
    self.suggestion = Suggestions.nearest(to: name, in: available)
  }

  public var description: String {
    var text = "unknown \(kind) '\(name)'"
    if let suggestion { text += "; did you mean '\(suggestion)'?" }
    if available.isEmpty {
      text += " (no \(kind)s are available)"
    } else {
      text += " (available \(kind)s: \(available.joined(separator: ", ")))"
    }
    return text
  }
}
