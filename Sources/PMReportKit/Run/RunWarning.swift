import ReportConfig

/// A warning or a note of a run: its kind, the document it is about, its place in an input file,
/// and its text.
///
/// Two warnings with the same identity (kind, document, place and text) are one: each is printed
/// once a run, however many processes found it (a worker sends its warnings to the parent, whose
/// ``RunRecorder`` lets each identity through once).
public struct RunWarning: Sendable, Codable, Hashable {
  /// What a warning is about.
  public enum Kind: String, Sendable, Codable {
    case language, fontSubstitute, layout, missingCharacters, pageBudget, shapeCache
    /// Temporary files of an interrupted run removed.
    case leftovers
    /// Another run holds the output folder: this one waits.
    case waiting
    /// What a `--shard` run leaves out.
    case shard
    case certificatesWithoutRoster
    /// A check of the config or the content found something odd but not wrong (at its place).
    case input
    /// A chart the content's number of roles cannot show, left out of every document.
    case chartLeftOut
    /// A file in a page folder that pmreport did not write: left where it is.
    case foreignFile
  }

  public var kind: Kind
  /// The document it is about; nil for the run.
  public var document: String?
  /// Where in an input file; nil for a warning about no file.
  public var position: SourceLocation?
  /// What is wrong: with a position, `KEY: MESSAGE`; else the text as printed after
  /// `warning: ` (a note's text starts with `note: `).
  public var text: String
  /// A note is printed as it is and not counted among the run's warnings.
  public var isNote: Bool

  public init(
    _ kind: Kind, document: String? = nil, at position: SourceLocation? = nil, _ text: String,
    isNote: Bool = false
  ) {
    self.kind = kind
    self.document = document
    self.position = position
    self.text = text
    self.isNote = isNote
  }

  /// A warning a check of the config or the content found, at its place.
  init(_ diagnostic: Diagnostic) {
    self.init(.input, at: diagnostic.location, diagnostic.statement)
  }

  /// The line on standard error: `FILE:LINE:COL: warning: …` at a place, `warning: …`, or the note
  /// itself.
  public var line: String {
    if let position { return "\(position.place): warning: \(text)" }
    return isNote ? text : "warning: \(text)"
  }

  /// The text with its place in front (`pmreport.yml:3:5: KEY: MESSAGE`), as `--json` lists it.
  var placedText: String { position.map { "\($0.place): \(text)" } ?? text }
}
