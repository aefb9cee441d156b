import CGLib
import Foundation

/// Plain folder operations: reads of folders and whole files for caches (nothing here throws, a
/// file or folder that cannot be read is simply not there), `mkdir -p`, and a writability probe.
public enum Folder {
  /// The names in `folder` (none when it cannot be read).
  public static func names(in folder: String) -> [String] {
    guard let dir = g_dir_open(folder, 0, nil) else { return [] }
    defer { g_dir_close(dir) }
    var out: [String] = []
    while let name = g_dir_read_name(dir) { out.append(String(cString: name)) }
    return out
  }

  /// Runs `body` with `folder` locked exclusively (`flock` on the folder itself): one process at a
  /// time, among those that ask the same.
  public static func exclusively<T>(_ folder: String, _ body: () throws -> T) throws -> T {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw StorageError.write(path: folder, errno: errno) }
    defer { close(fd) }
    guard RunLock.take(fd, LOCK_EX, block: true) else {
      throw StorageError.write(path: folder, errno: errno)
    }
    return try body()
  }

  /// Creates `folder` and its parents with `mode` (`mkdir -p`); throws the first refusal, and
  /// returns the folders it made, outermost first.
  @discardableResult
  public static func create(_ folder: String, mode: mode_t) throws -> [String] {
    var path = folder.hasPrefix("/") ? "" : "."
    var made: [String] = []
    for component in folder.split(separator: "/") {
      path += "/" + component
      if mkdir(path, mode) == 0 {
        made.append(path)
      } else if errno != EEXIST {
        throw StorageError.write(path: path, errno: errno)
      }
    }
    return made
  }

  /// Whether a file can be made in `folder`: one is made and removed at once.
  ///
  /// Not `access(2)`, which root passes on a read-only file system.
  public static func acceptsNewFiles(_ folder: String) -> Bool {
    let probe = (folder as NSString).appendingPathComponent(".pmreport-probe-\(getpid())")
    let descriptor = open(probe, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return false }
    close(descriptor)
    unlink(probe)
    return true
  }

  /// A whole file's bytes; nil when it cannot be opened or read, or is not a regular file.
  public static func readFile(_ path: String) -> [UInt8]? { try? contents(of: path).get() }

  /// A whole regular file's bytes, or why they cannot be had: nothing there, a folder or
  /// something else there, or the system's error opening or reading it (`EIO` when it ends
  /// before the size it had when opened).
  public static func contents(of path: String) -> Result<[UInt8], RegularFile.Refusal> {
    let fd: Int32
    let status: FileStatus
    switch RegularFile.openForReading(path) {
    case .success(let opened): (fd, status) = opened
    case .failure(let refusal): return .failure(refusal)
    }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: Int(status.size))
    var done = 0
    let failure = bytes.withUnsafeMutableBytes { buffer -> Int32? in
      guard let base = buffer.baseAddress else { return nil }
      while done < buffer.count {
        let n = read(fd, base + done, buffer.count - done)
        if n < 0, errno == EINTR { continue }
        if n < 0 { return errno }
        if n == 0 { return EIO }
        done += n
      }
      return nil
    }
    return failure.map { .failure(.unreadable(errno: $0)) } ?? .success(bytes)
  }
}
