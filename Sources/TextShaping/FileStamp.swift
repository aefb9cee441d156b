import Storage

/// A file's identity for a cache: its size and modification time (a file replaced or rewritten
/// changes one or the other).
struct FileStamp: Hashable, Sendable {
  var size: Int64
  /// Nanoseconds since the epoch.
  var modified: Int64

  /// The stamp of the file at `path`; nil when it cannot be `stat`ed.
  init?(path: String) {
    guard let status = FileStatus(path: path) else { return nil }
    size = status.size
    modified = status.modified
  }

  init(size: Int64, modified: Int64) {
    self.size = size
    self.modified = modified
  }

  func encode(into w: inout ByteWriter) {
    w.i64(size)
    w.i64(modified)
  }

  init(from r: inout ByteReader) throws {
    size = try r.i64()
    modified = try r.i64()
  }
}
