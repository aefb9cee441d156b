import Foundation

/// Marks which run owns which temporary files, so that a later run can remove what a killed run
/// left behind without touching a live run's files.
///
/// Each run has a token (its process id and a random number: process ids alone are reused) that its
/// temporary names carry, and while it writes into an output folder it holds an exclusive `flock` on
/// `.pmreport-<token>.lock` there. A lock that can be taken belongs to a run that is gone (the
/// kernel drops a dead process's locks, `kill -9` included); temporaries whose token has no lock file
/// at all are leftovers too (a run makes its lock file before its first temporary).
public enum RunLock {
  /// This run's token.
  public static let token = "\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16))"
  /// What stands between a target's name and the token in a temporary name.
  static let temporaryMarker = ".tmp-"
  static let lockPrefix = ".pmreport-"
  static let lockSuffix = ".lock"

  private static let state = Held()

  /// Takes this run's lock in `folder` (kept until the process ends or ``release()``), then removes
  /// the temporaries of runs that are gone, in `folder` and the folders below it (three levels).
  ///
  /// Returns the paths removed.
  @discardableResult
  public static func acquire(in folder: String) throws -> [String] {
    let path = (folder as NSString).appendingPathComponent(lockPrefix + token + lockSuffix)
    try state.lock(path)
    return removeLeftovers(in: folder)
  }

  /// Gives the lock back and removes the lock file (at the end of a run, or of an interrupted one
  /// once its temporaries are gone).
  public static func release() { state.unlockAll() }

  /// Removes the temporaries in `folder` (and three levels below) whose run is gone; returns them.
  static func removeLeftovers(in folder: String) -> [String] {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return [] }
    var liveTokens: Set<String> = [token]
    var deadLocks: [String] = []
    for name in names where name.hasPrefix(lockPrefix) && name.hasSuffix(lockSuffix) {
      let owner = String(name.dropFirst(lockPrefix.count).dropLast(lockSuffix.count))
      guard owner != token else { continue }
      let path = (folder as NSString).appendingPathComponent(name)
      if isHeld(path) { liveTokens.insert(owner) } else { deadLocks.append(path) }
    }
    var removed: [String] = []
    func sweep(_ directory: String, depth: Int) {
      guard let entries = try? fm.contentsOfDirectory(atPath: directory) else { return }
      for name in entries.sorted() {
        let path = (directory as NSString).appendingPathComponent(name)
        if let owner = ownerToken(ofTemporary: name) {
          if !liveTokens.contains(owner), (try? fm.removeItem(atPath: path)) != nil {
            removed.append(path)
          }
          continue
        }
        var isDir: ObjCBool = false
        if depth < 3, !name.hasPrefix("."), fm.fileExists(atPath: path, isDirectory: &isDir),
          isDir.boolValue
        {
          sweep(path, depth: depth + 1)
        }
      }
    }
    sweep(folder, depth: 0)
    for path in deadLocks { unlink(path) }
    return removed
  }

  /// The token in a temporary's name (`.<name>.tmp-<token>`, maybe with `-old` or `.gone` after
  /// it); nil for any other name.
  static func ownerToken(ofTemporary name: String) -> String? {
    guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards)
    else {
      return nil
    }
    var rest = name[marker.upperBound...]
    for suffix in [".gone", "-old"] where rest.hasSuffix(suffix) {
      rest = rest.dropLast(suffix.count)
    }
    let parts = rest.split(separator: "-")
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isHexDigit) }) else {
      return nil
    }
    return String(rest)
  }

  /// Whether another process holds the lock on `path`.
  static func isHeld(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
  }

  /// The lock files this run holds, with their descriptors.
  private final class Held: @unchecked Sendable {
    // @unchecked: every access to `files` goes through `mutex`.
    private let mutex = NSLock()
    private var files: [String: Int32] = [:]

    func lock(_ path: String) throws {
      mutex.lock()
      defer { mutex.unlock() }
      guard files[path] == nil else { return }
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw StorageError.write(path: path, errno: errno) }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
        let failure = errno
        close(fd)
        throw StorageError.write(path: path, errno: failure)
      }
      files[path] = fd
    }

    func unlockAll() {
      mutex.lock()
      defer { mutex.unlock() }
      for (path, fd) in files {
        unlink(path)
        close(fd)
      }
      files = [:]
    }
  }
}
