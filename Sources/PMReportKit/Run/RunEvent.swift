/// What a run reports as it goes, in order: typed, so that each sink (the text on standard
/// error, `--json`, GitHub annotations, a worker's answer to its parent) takes what it needs.
public enum RunEvent: Sendable, Codable {
  /// A document starts: its index among the run's documents, their count, its name.
  case documentStarted(index: Int, count: Int, name: String)
  /// A file written, and its path as shown (relative to the working folder).
  case file(WrittenFile, shownAs: String)
  /// A document written in one format: its file or folder, pages, size and time.
  case output(DocumentOutput)
  /// A warning or a note.
  case warning(RunWarning)
  /// A document (or the output folder, or the manifest) failed; the run goes on.
  case failure(RunFailure)
  /// A line of detail for `-v` that is no file (the shape cache's counts).
  case detail(String)

  /// The line it prints on standard error, and how important it is; nil for none.
  public var line: LogLine? {
    switch self {
    case .documentStarted: nil
    case .file(let file, let shown):
      LogLine(
        .file,
        "\(shown)  \(file.pages) page\(file.pages == 1 ? "" : "s")  \(file.bytes) bytes  \(file.milliseconds) ms"
      )
    case .output(let output): LogLine(.document, output.line)
    case .warning(let warning): LogLine(.warning, warning.line)
    case .failure(let failure): LogLine(.error, failure.message)
    case .detail(let text): LogLine(.file, text)
    }
  }
}

/// A warning or a note of a run: its kind, the document it is about (its position), and its text.
///
/// Two warnings with the same identity (kind, document and text) are one: each is printed once a
/// run, however many processes found it.
public struct RunWarning: Sendable, Codable, Hashable {
  /// What a warning is about.
  public enum Kind: String, Sendable, Codable {
    case language, fontSubstitute, layout, missingCharacters, pageBudget, shapeCache
    /// Temporary files of an interrupted run removed.
    case leftovers
    /// What a `--shard` run leaves out.
    case shard
    case certificatesWithoutRoster
    /// A file in a page folder that pmreport did not write: left where it is.
    case foreignFile
  }

  public var kind: Kind
  /// The document it is about; nil for the run.
  public var document: String?
  /// The text as printed after `warning: ` (a note's text starts with `note: `).
  public var text: String
  /// A note is printed as it is and not counted among the run's warnings.
  public var isNote: Bool

  public init(_ kind: Kind, document: String? = nil, _ text: String, isNote: Bool = false) {
    self.kind = kind
    self.document = document
    self.text = text
    self.isNote = isNote
  }

  /// The line on standard error: `warning: …`, or the note itself.
  public var line: String { isNote ? text : "warning: \(text)" }
}

/// A failure of a run: what failed (a document's name, `output`, `manifest`), the error, and the
/// name its message gives the failure (none for the output folder).
public struct RunFailure: Sendable, Codable {
  public var document: String
  public var error: any Error
  /// The name the message starts with (`summary: …`); nil for none.
  public var context: String?

  public init(document: String, error: any Error, context: String?) {
    self.document = document
    self.error = error
    self.context = context
  }

  /// The message printed for it.
  public var message: String { ErrorReport.message(for: error, document: context) }

  private enum CodingKeys: String, CodingKey { case document, failure, context }

  /// A failure as a worker sends it: the error becomes its message and kind (a ``UnitFailure``).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(document, forKey: .document)
    try c.encode(reported, forKey: .failure)
    try c.encodeIfPresent(context, forKey: .context)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    document = try c.decode(String.self, forKey: .document)
    error = try c.decode(UnitFailure.self, forKey: .failure)
    context = try c.decodeIfPresent(String.self, forKey: .context)
  }

  /// The error as a worker reports it: its message, as printed, and its kind.
  var reported: UnitFailure {
    (error as? UnitFailure)
      ?? UnitFailure(document: document, message: message, kind: ErrorReport.kind(of: error))
  }
}
