import Foundation

/// Files written whole or not at all: each is written under a temporary name in its own folder,
/// flushed to the disk, and renamed into place, so a failed run leaves the previous good file and no
/// partial one.
///
/// Temporary names carry this run's token (`.<name>.tmp-<token>`), and the run holds a lock on its
/// own lock file (``RunLock``) while it writes, so a later run can tell a dead run's leftovers from a
/// live one's.
public enum OutputFile {
  /// A temporary path beside `path`, hidden, unique to this run.
  static func temporaryPath(for path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    return (folder as NSString).appendingPathComponent(
      ".\(name)\(RunLock.temporaryMarker)\(RunLock.token)")
  }

  /// Writes a file at `path` through `write`, under a temporary name beside it, then flushes it,
  /// renames it into place and flushes the folder.
  ///
  /// On any error (the writer's first failed `write(2)` included) the temporary file is removed and
  /// `path` is untouched.
  static func atomically(_ path: String, _ write: (CheckedFile) throws -> Void) throws
    -> (bytes: Int, sha256: String)
  {
    let temp = temporaryPath(for: path)
    TemporaryFiles.shared.register(temp)
    defer { TemporaryFiles.shared.remove(temp) }
    do {
      let file = try CheckedFile(creating: temp, reportedAs: path)
      try drawing(into: file, write)
      let written = try file.finish()
      guard rename(temp, path) == 0 else { throw RenderError.write(path: path, errno: errno) }
      syncFolder(of: path)
      return written
    } catch {
      unlink(temp)
      throw error
    }
  }

  /// Runs `write` on `file`; when a write to the file failed, that failure (with the system's
  /// reason) is what is thrown, whatever cairo made of it.
  static func drawing(into file: CheckedFile, _ write: (CheckedFile) throws -> Void) throws {
    do {
      try write(file)
    } catch {
      throw file.failure ?? error
    }
  }

  /// Writes `bytes` to `path` whole or not at all; returns their size and SHA-256.
  @discardableResult
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws -> (
    bytes: Int, sha256: String
  ) {
    try atomically(path) { $0.write(bytes) }
  }

  /// Fills a fresh folder beside `directory` with `write`, then swaps it in for `directory` whole,
  /// so no page of an older, longer run survives and a failure keeps the old folder.
  static func replacingDirectory<T>(_ directory: String, _ write: (String) throws -> T) throws -> T
  {
    let fm = FileManager.default
    let staging = temporaryPath(for: directory)
    let retired = staging + "-old"
    TemporaryFiles.shared.register(staging)
    TemporaryFiles.shared.register(retired)
    defer {
      TemporaryFiles.shared.remove(staging)
      TemporaryFiles.shared.remove(retired)
    }
    try? fm.removeItem(atPath: staging)
    do {
      guard mkdir(staging, 0o777) == 0 else { throw RenderError.write(path: staging, errno: errno) }
      let value = try write(staging)
      syncFolder(staging)
      var isDir: ObjCBool = false
      let hadOld = fm.fileExists(atPath: directory, isDirectory: &isDir)
      if hadOld, rename(directory, retired) != 0 {
        throw RenderError.write(path: directory, errno: errno)
      }
      guard rename(staging, directory) == 0 else {
        let failure = errno
        if hadOld { rename(retired, directory) }
        throw RenderError.write(path: directory, errno: failure)
      }
      syncFolder(of: directory)
      if hadOld { try? fm.removeItem(atPath: retired) }
      return value
    } catch {
      try? fm.removeItem(atPath: staging)
      throw error
    }
  }

  /// Flushes the folder holding `path` (so a rename in it survives a crash).
  static func syncFolder(of path: String) {
    syncFolder((path as NSString).deletingLastPathComponent)
  }

  static func syncFolder(_ folder: String) {
    let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }
}

/// Temporary files in flight, removed by ``TemporaryFiles/removeAll()`` when the process is interrupted.
public final class TemporaryFiles: @unchecked Sendable {
  // @unchecked: every access to `paths` goes through `lock`.
  public static let shared = TemporaryFiles()
  private let lock = NSLock()
  private var paths: Set<String> = []

  func register(_ path: String) {
    lock.lock()
    paths.insert(path)
    lock.unlock()
  }
  func remove(_ path: String) {
    lock.lock()
    paths.remove(path)
    lock.unlock()
  }

  /// Deletes every registered temporary file or folder.
  public func removeAll() {
    lock.lock()
    let all = paths.sorted()
    lock.unlock()
    for p in all { try? FileManager.default.removeItem(atPath: p) }
  }

  /// Deletes every registered temporary file or folder on the way out of an interrupted process,
  /// while other threads may still be writing.
  ///
  /// Call it from an ordinary thread, never from inside a signal handler (it allocates), and exit
  /// straight after.
  ///
  /// The lock is taken and never given back, so a writer stops at its next ``register(_:)`` or
  /// ``remove(_:)`` and no new temporary appears. A writer may still create the file it registered
  /// just before, so the sweep runs a few times.
  ///
  /// Each path is renamed aside before it is deleted. A page folder is deleted file by file, and a
  /// writer may rename the same folder into place meanwhile (that rename is not under the lock):
  /// deleting it where it stands could leave a swapped-in folder with pages missing. Renaming is
  /// atomic, so either the writer's rename wins (the folder is whole and stays) or this one does
  /// (the folder is gone whole).
  public func removeAllBeforeExit() {
    lock.lock()
    for sweep in 0..<3 {
      if sweep > 0 { usleep(20_000) }
      for p in paths.sorted() {
        let aside = p + ".gone"
        guard rename(p, aside) == 0 else { continue }
        try? FileManager.default.removeItem(atPath: aside)
      }
    }
    RunLock.release()
  }
}

/// Why rendering failed.
public enum RenderError: Error, CustomStringConvertible {
  /// Cairo reported a non-success status (a fault of ours or cairo's: exit 70).
  case cairo(operation: String, status: String, path: String)
  /// libqpdf reported an error completing a PDF (a fault of ours or qpdf's: exit 70).
  case pdf(operation: String, reason: String, path: String)
  /// The system refused to write a file or folder (exit 73), with its `errno`.
  case write(path: String, errno: Int32)
  /// The output folder cannot be used (exit 73): `reason` says why, `errno` the system's word.
  case outputFolder(path: String, reason: String, errno: Int32?)
  /// A system file a feature needs is missing (exit 72): what it is for, and the Debian package
  /// that installs it.
  case missingResource(what: String, path: String, package: String)

  public var description: String {
    switch self {
    case .cairo(let op, let status, let path): "\(path): cairo failed to \(op): \(status)"
    case .pdf(let op, let reason, let path): "\(path): qpdf failed to \(op): \(reason)"
    case .write(let path, let code): "\(path): cannot write: \(String(cString: strerror(code)))"
    case .outputFolder(let path, let reason, let code):
      "\(path): \(reason)" + (code.map { " (\(String(cString: strerror($0))))" } ?? "")
    case .missingResource(let what, let path, let package):
      "\(path): missing: \(what) (install it: apt-get install \(package))"
    }
  }
}
