#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing the files of pmreport's caches (compiled hyphenation patterns, shaped
/// paragraphs): whole files, written through a temporary and a rename so readers never see half.
enum CacheFiles {
  /// A whole file's bytes; nil when it cannot be opened or read.
  static func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
    var done = 0
    let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      while done < buffer.count {
        let n = read(fd, base + done, buffer.count - done)
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return false }
        done += n
      }
      return true
    }
    return ok ? bytes : nil
  }

  /// Writes `bytes` to `path` through a temporary file and a rename; false when anything fails.
  ///
  /// The temporary is `.<name>.tmp-<pid>-<random>` in `folder`, which is created when missing. A
  /// cache that cannot be written is only slower. Not synced: a cache file lost in a crash is only
  /// a miss.
  @discardableResult
  static func writeAtomically(_ bytes: [UInt8], to path: String, in folder: String) -> Bool {
    var made = ""
    for component in folder.split(separator: "/") {
      made += "/" + component
      if mkdir(made, 0o700) != 0, errno != EEXIST { return false }
    }
    let name = path.split(separator: "/").last.map(String.init) ?? "cache"
    let temporary = "\(folder)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    var written = 0
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while written < buffer.count {
        let n = write(fd, base + written, buffer.count - written)
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return }
        written += n
      }
    }
    let closed = close(fd) == 0
    if written != bytes.count || !closed || rename(temporary, path) != 0 {
      unlink(temporary)
      return false
    }
    return true
  }
}

/// A file's identity for a cache: its size and modification time (a file replaced or rewritten
/// changes one or the other).
struct FileStamp: Hashable, Sendable {
  var size: Int64
  /// Nanoseconds since the epoch.
  var modified: Int64

  /// The stamp of the file at `path`; nil when it cannot be `stat`ed.
  init?(path: String) {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    size = Int64(st.st_size)
    modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
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
