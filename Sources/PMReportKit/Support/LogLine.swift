/// One line of a run's report on standard error.
public struct LogLine: Sendable, Codable {
  /// What the line reports: `--quiet` keeps only errors.
  public enum Kind: String, Sendable, Codable {
    /// A file written (`-v`).
    case file
    /// A document in one format: its file or folder, pages, size and time (the default report).
    case document
    case warning, error
  }
  public var kind: Kind
  public var text: String
  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}
