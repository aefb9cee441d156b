/// What writing one file gave.
public struct FileWritten: Sendable, Hashable {
  /// Absolute path.
  public var path: String
  public var pages: Int
  public var bytes: Int
  /// SHA-256 of the bytes, lower-case hex.
  public var sha256: String
  /// Time spent writing this file (drawing included), measured for it alone.
  public var milliseconds: Int

  public init(path: String, pages: Int, bytes: Int, sha256: String, milliseconds: Int) {
    self.path = path
    self.pages = pages
    self.bytes = bytes
    self.sha256 = sha256
    self.milliseconds = milliseconds
  }
}
