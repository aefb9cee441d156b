import Foundation

/// Files written whole and handed over to be put in place behind their writer: on a thread of its
/// own they are flushed to the disk (`fsync`) and renamed into place, in the order handed over,
/// while the writer draws the next ones (``OutputFile/handOver(_:to:_:)``).
///
/// The thread takes every file waiting (up to ``group``) at once: it starts each one's writeback,
/// then flushes each, then renames each (``putInPlace(_:)``). On ext4 the first flush's journal
/// commit then carries the whole group's blocks, which saves journal commits (each later flush
/// still waits for the disk's cache flush: BENCHMARKS.md, fsyncbatch); each file is still flushed
/// before its own rename.
///
/// At most ``depth`` files are in flight: a hand-over waits for room. A failure is kept: its
/// temporary file is removed, so is that of every file handed over after it (none of them is
/// put in place), and every later hand-over and ``settle()`` throws it (its writer's document
/// stops there).
public final class SettlingFiles: @unchecked Sendable {
  // @unchecked: the counts, `waiting`, `draining` and `failure` are used under `condition`.
  private let queue = DispatchQueue(label: "pmreport-settle")
  private let condition = NSCondition()
  private var handed = 0
  private var finished = 0
  private var placed = 0
  private var failure: (any Error)?
  /// The temporary names of the files in flight.
  private var temporaries: Set<String> = []
  /// Files handed over that the settling thread has not taken yet, in order.
  private var waiting: [any SettlingFile] = []
  /// Whether the settling thread is at work (it then takes what is waiting before it stops).
  private var draining = false

  /// Files in flight at most: enough for a group being flushed and the next one gathering, so
  /// that the writer seldom waits for the disk.
  public static let depth = 2 * group
  /// Files put in place together at most.
  public static let group = 32

  public init() {}

  /// Files handed over so far.
  public var handedOver: Int { condition.withLock { handed } }
  /// Files in place so far: the first `inPlace` handed over (a failure stops the count).
  public var inPlace: Int { condition.withLock { placed } }
  /// The first failure met putting a file in place, if any: the document's failure, before any
  /// met after it.
  public var firstFailure: (any Error)? { condition.withLock { failure } }

  /// Waits until every file handed over is in place, its folder noted for
  /// ``UnsyncedFolders/syncAll()``; throws the first failure met.
  public func settle() throws { try wait(inFlight: 0) }

  /// Waits until at most `limit` files are in flight; throws the first failure met.
  func wait(inFlight limit: Int) throws {
    condition.lock()
    defer { condition.unlock() }
    while handed - finished > limit { condition.wait() }
    if let failure { throw failure }
  }

  /// Waits until no file in flight has the temporary name `temp` (the same file written again).
  func wait(untilFree temp: String) {
    condition.lock()
    defer { condition.unlock() }
    while temporaries.contains(temp) { condition.wait() }
  }

  /// Puts `file` in place on the settling thread, with the files waiting beside it, or, after a
  /// failure, drops it.
  func start(_ file: any SettlingFile) {
    let wake = condition.withLock {
      handed += 1
      temporaries.insert(file.temp)
      waiting.append(file)
      defer { draining = true }
      return !draining
    }
    if wake { queue.async { [self] in drain() } }
  }

  /// Takes the files waiting, a group at a time, until none is left.
  private func drain() {
    while true {
      let taken: (files: [any SettlingFile], failed: Bool)? = condition.withLock {
        guard !waiting.isEmpty else {
          draining = false
          return nil
        }
        let files = Array(waiting.prefix(Self.group))
        waiting.removeFirst(files.count)
        return (files, failure != nil)
      }
      guard let taken else { return }
      var outcome: (placed: Int, failure: (any Error)?) = (0, nil)
      if taken.failed {
        for file in taken.files { file.drop() }
      } else {
        outcome = Self.putInPlace(taken.files)
      }
      condition.withLock {
        finished += taken.files.count
        for file in taken.files { temporaries.remove(file.temp) }
        if failure == nil {
          placed += outcome.placed
          failure = outcome.failure
        }
        condition.broadcast()
      }
    }
  }

  /// Puts `files` in place in their order: starts each one's writeback, flushes each, renames
  /// each.
  ///
  /// A file that fails removes its temporary; those after it are dropped. Returns how many are
  /// in place (the first ones) and the failure, if any.
  static func putInPlace(_ files: [any SettlingFile]) -> (placed: Int, failure: (any Error)?) {
    var failed = files.count
    var failure: (any Error)?
    for file in files { file.startWriteback() }
    for (index, file) in files.enumerated() {
      do { try file.flush() } catch {
        (failed, failure) = (index, error)
        break
      }
    }
    // The first `flushed` are flushed; the one after them, if any, failed and is gone.
    let flushed = failed
    for (index, file) in files[..<flushed].enumerated() {
      do { try file.place() } catch {
        (failed, failure) = (index, error)
        break
      }
    }
    for (index, file) in files.enumerated() where index > failed && index != flushed { file.drop() }
    return (failed, failure)
  }
}

/// A file handed over, as the settling thread sees it.
protocol SettlingFile: Sendable {
  /// Its temporary name.
  var temp: String { get }
  /// Starts writing its bytes to the disk, without waiting.
  func startWriteback()
  /// Flushes it to the disk and closes it; on a failure removes the temporary file.
  func flush() throws
  /// Renames it into place, its folder noted; on a failure removes the temporary file.
  func place() throws
  /// Removes the temporary file (a file before it failed).
  func drop()
}

extension OutputFile {
  /// Writes a file at `path` as ``atomically(_:durability:_:)`` does, but leaves flushing it and
  /// renaming it into place to `settling`'s thread; returns the bytes' size and SHA-256.
  ///
  /// The caller draws its next files meanwhile; ``SettlingFiles/settle()`` tells when this one is
  /// in place, or why not. On any error the temporary file is removed and `path` is untouched:
  /// here for a failed write (the failure of a file before it, if any, is what is thrown), on
  /// the settling thread for a failed flush or rename, or for a file handed over after one that
  /// failed. A file written again while its earlier hand-over is in flight waits for it (they
  /// share the temporary name).
  public static func handOver(
    _ path: String, to settling: SettlingFiles, _ write: (CheckedFile) throws -> Void
  ) throws -> StoredBytes {
    let temp = temporaryPath(for: path)
    settling.wait(untilFree: temp)
    TemporaryFiles.shared.register(temp)
    let handed: HandedFile
    let stored: StoredBytes
    do {
      let file = try CheckedFile(creating: temp, reportedAs: path)
      try writing(into: file, write)
      stored = try file.flushBuffered()
      handed = HandedFile(file: file, temp: temp, path: path)
      try settling.wait(inFlight: SettlingFiles.depth - 1)
    } catch {
      unlink(temp)
      TemporaryFiles.shared.remove(temp)
      throw settling.firstFailure ?? error
    }
    settling.start(handed)
    return stored
  }
}

/// A file written and not yet in place.
///
/// It is touched by its writer until it is handed over, by the settling thread after (hence
/// `@unchecked Sendable`). Once flushed, placed or dropped, it is no longer a temporary in flight.
private struct HandedFile: SettlingFile, @unchecked Sendable {
  let file: CheckedFile
  let temp: String
  let path: String

  func startWriteback() { file.startWriteback() }

  func flush() throws {
    do { _ = try file.finish(.synced) } catch {
      drop()
      throw error
    }
  }

  func place() throws {
    guard rename(temp, path) == 0 else {
      let error = StorageError.write(path: path, errno: errno)
      drop()
      throw error
    }
    TemporaryFiles.shared.remove(temp)
    UnsyncedFolders.shared.add(folderOf: path)
  }

  func drop() {
    unlink(temp)
    TemporaryFiles.shared.remove(temp)
  }
}
