import Foundation

/// How a run holds its output folder: a full run alone; shard runs, which write disjoint files and
/// manifests of their own, together.
public enum FolderAccess: Sendable {
  case exclusive, shared

  var operation: Int32 { self == .exclusive ? LOCK_EX : LOCK_SH }
}

/// The output folder's locks: which run may write there now, and which run owns which temporary
/// files, so that a later run removes what a killed run left without touching a live run's files.
///
/// A run first takes `flock` on `.pmreport.lock` in the folder (exclusive for a full run, shared
/// for a shard run; the file stays, since a lock file unlinked while another run waits on it
/// would let two runs in). Then it holds `.pmreport-<token>.lock`, shared with its worker
/// processes (members of the run: they inherit the token through ``memberEnvironment``). Its
/// temporary names carry the token (process id and a random number: process ids are reused).
/// A token lock that can be taken belongs to a run that is gone (the kernel drops a dead process's
/// locks, `kill -9` included).
public enum RunLock {
  /// This run's token: a worker's is its run's (inherited through ``memberEnvironment`` and
  /// taken by ``join(in:)``), any other process's a new one, even with the variable set.
  public static var token: String { chosenToken.value }
  private static let chosenToken = RunToken()
  /// What stands between a target's name and the token in a temporary name.
  static let temporaryMarker = ".tmp-"
  static let folderLockName = ".pmreport.lock"
  static let lockPrefix = ".pmreport-"
  static let lockSuffix = ".lock"
  static let memberVariable = "PMREPORT_RUN_TOKEN"

  /// The environment entry that makes a worker process a member of this run.
  public static var memberEnvironment: [String: String] { [memberVariable: token] }

  private static let held = HeldLocks()

  /// Takes `folder` for this run, then removes the temporaries of runs that are gone.
  ///
  /// While another run holds the folder, this one tells `waiting` that run's process id (when one
  /// is found) and waits; with `wait` false it throws ``StorageError/busy(path:holder:)`` instead.
  /// Then it takes this run's token lock; an exclusive run also waits for the last members of runs
  /// that are gone.
  ///
  /// Kept until ``release()`` or the end of the process. Returns the paths removed.
  @discardableResult
  public static func acquire(
    in folder: String, access: FolderAccess = .exclusive, wait: Bool = true,
    waiting: (Int32?) -> Void = { _ in }
  ) throws -> [String] {
    let folderLock = try open(folder, folderLockName, creating: true)
    do {
      if !take(folderLock, access.operation, block: false) {
        guard wait else { throw StorageError.busy(path: folder, holder: holder(in: folder)) }
        waiting(holder(in: folder))
        guard take(folderLock, access.operation, block: true) else {
          throw StorageError.write(path: path(folder, folderLockName), errno: errno)
        }
      }
      let own = try takeOwnLock(in: folder)
      held.keep(
        folder, folderLock: folderLock, token: own, ownedLock: path(folder, lockName(token)))
    } catch {
      close(folderLock)
      throw error
    }
    if access == .exclusive { waitForMembersOfGoneRuns(in: folder) }
    return removeLeftovers(in: folder)
  }

  /// Opens and takes (shared) this run's token lock.
  ///
  /// Held, shared with this run's workers, while the run lasts, it tells other runs (their sweep,
  /// their waiting message) that this one is alive. Taken again when a shard run's sweep unlinked
  /// the new file before this run locked it.
  private static func takeOwnLock(in folder: String) throws -> Int32 {
    let file = path(folder, lockName(token))
    while true {
      let own = try open(folder, lockName(token), creating: true)
      guard take(own, LOCK_SH, block: true) else {
        close(own)
        throw StorageError.write(path: file, errno: errno)
      }
      var opened = stat()
      var named = stat()
      if fstat(own, &opened) == 0, lstat(file, &named) == 0, opened.st_dev == named.st_dev,
        opened.st_ino == named.st_ino
      {
        return own
      }
      close(own)
    }
  }

  /// Joins the run this worker process belongs to (whose token it inherited): holds its token lock
  /// shared with it, and checks the run is still there (its process is this one's parent).
  ///
  /// Call it before this process first uses ``token``: a worker takes its run's token only here.
  public static func join(in folder: String) throws {
    let inherited = ProcessInfo.processInfo.environment[memberVariable] ?? ""
    let pid = inherited.split(separator: "-").first.flatMap { Int32($0) }
    let isMember = isToken(inherited[...]) && chosenToken.adopt(inherited)
    let fd = isMember ? try? open(folder, lockName(token), creating: false) : nil
    guard let fd, take(fd, LOCK_SH, block: true), pid == getppid() else {
      if let fd { close(fd) }
      throw StorageError.outputFolder(
        path: folder, reason: "the run this worker belongs to is gone", errno: nil)
    }
    held.keep(folder, folderLock: nil, token: fd, ownedLock: nil)
  }

  /// Gives back the locks on `folder` (by default, on every folder); the run's owner also removes
  /// its token lock file (at the end of a run, or of an interrupted one once its temporaries are
  /// gone).
  ///
  /// The folders written into are flushed first (``UnsyncedFolders``): the next run to take the
  /// folder may list this one's files in its manifest, and syncs only the folders it writes into.
  public static func release(_ folder: String? = nil) {
    UnsyncedFolders.shared.syncAll()
    held.release(folder)
  }

  /// Waits until no other run's token lock is held: with the folder taken exclusively, only the
  /// workers of a run killed outright can hold one, and they are ending.
  static func waitForMembersOfGoneRuns(in folder: String) {
    for name in Folder.names(in: folder) where owner(ofLock: name).map({ $0 != token }) ?? false {
      guard let fd = try? open(folder, name, creating: false) else { continue }
      _ = take(fd, LOCK_EX, block: true)
      close(fd)
    }
  }

  /// The process id of a run holding `folder` (from its held token lock), when one is found.
  static func holder(in folder: String) -> Int32? {
    // A run takes its token lock just after the folder's: look again a few times meanwhile.
    for attempt in 0..<25 {
      if attempt > 0 { usleep(20_000) }
      for name in Folder.names(in: folder).sorted() {
        guard let owner = owner(ofLock: name), owner != token,
          isHeld(path(folder, name))
        else { continue }
        return owner.split(separator: "-").first.flatMap { Int32($0) }
      }
    }
    return nil
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
    return isToken(rest) ? String(rest) : nil
  }

  /// The token of a run's lock file name (`.pmreport-<token>.lock`); nil for any other name.
  static func owner(ofLock name: String) -> String? {
    guard name.hasPrefix(lockPrefix), name.hasSuffix(lockSuffix) else { return nil }
    let owner = name.dropFirst(lockPrefix.count).dropLast(lockSuffix.count)
    return isToken(owner) ? String(owner) : nil
  }

  /// Whether `text` is a token: two hex numbers joined by `-`.
  static func isToken(_ text: Substring) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isHexDigit) }
  }

  static func lockName(_ owner: String) -> String { lockPrefix + owner + lockSuffix }

  /// Whether another process holds the lock on `path`.
  static func isHeld(_ path: String) -> Bool {
    let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return !take(fd, LOCK_EX, block: false)
  }

  private static func path(_ folder: String, _ name: String) -> String {
    (folder as NSString).appendingPathComponent(name)
  }

  /// Opens the lock file `name` in `folder` (never through a symlink).
  private static func open(_ folder: String, _ name: String, creating: Bool) throws -> Int32 {
    let file = path(folder, name)
    let fd = Glibc.open(
      file, O_RDWR | O_CLOEXEC | O_NOFOLLOW | (creating ? O_CREAT : 0), 0o644)
    guard fd >= 0 else { throw StorageError.write(path: file, errno: errno) }
    return fd
  }

  /// `flock`s `fd` with `operation`, waiting when `block` (through interruptions); whether it got
  /// the lock.
  static func take(_ fd: Int32, _ operation: Int32, block: Bool) -> Bool {
    while flock(fd, operation | (block ? 0 : LOCK_NB)) != 0 {
      guard errno == EINTR else { return false }
    }
    return true
  }
}

/// The locks this process holds, by output folder, with their descriptors.
private final class HeldLocks: @unchecked Sendable {
  // @unchecked: every access goes through `mutex`.
  private let mutex = NSLock()
  private var folders: [String: (descriptors: [Int32], ownedLock: String?)] = [:]

  /// Keeps the locks taken on `folder`: its own (none for a worker) and the run's token lock,
  /// whose file `ownedLock` this process removes when it gives the lock back (nil for a worker:
  /// its run's owner removes it).
  func keep(_ folder: String, folderLock: Int32?, token: Int32, ownedLock: String?) {
    mutex.withLock {
      folders[folder] = ([token] + (folderLock.map { [$0] } ?? []), ownedLock)
    }
  }

  /// Gives back the locks on `folder`, or on every folder.
  func release(_ folder: String? = nil) {
    mutex.withLock {
      for (name, held) in folders where folder == nil || name == folder {
        if let ownedLock = held.ownedLock { unlink(ownedLock) }
        for fd in held.descriptors { close(fd) }
        folders[name] = nil
      }
    }
  }
}
