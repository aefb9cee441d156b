/// One file written: its path, the document and format it is recorded under, its pages, size,
/// SHA-256 and the time spent on it alone (drawing included; for a file put in place behind its
/// writer, up to its hand-over).
///
/// The one record of a written file: the ``RecordingSink`` makes it as the bytes go out, the run
/// reports it, and `manifest.json` and `--json` list it.
public struct WrittenFile: Sendable, Hashable, Codable {
  /// Absolute path.
  public var path: String
  /// The document it is a file of (the reserved `charts` for the charts' pictures).
  public var document: String
  /// The format's name: `pdf`, `svg`, `png`.
  public var format: String
  public var pages: Int
  public var bytes: Int
  /// SHA-256 of the bytes, lower-case hex.
  public var sha256: String
  /// Time spent writing this file (drawing included; up to its hand-over for a file put in place
  /// behind its writer), measured for it alone.
  public var milliseconds: Int
}
