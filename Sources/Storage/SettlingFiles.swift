import Foundation

/// Files written whole and handed over to be put in place behind their writer: on a thread of its
/// own each is flushed to the disk (`fsync`) and then renamed into place, in the order handed
/// over, while the writer draws the next ones (``OutputFile/handOver(_:to:_:)``).
///
/// At most ``depth`` files are in flight: a hand-over waits for room. A failure is kept: its
/// temporary file is removed, so is that of every file handed over after it (none of them is
/// put in place), and every later hand-over and ``settle()`` throws it (its writer's document
/// stops there).
public final class SettlingFiles: @unchecked Sendable {
  // @unchecked: the counts and `failure` are read and written under `condition`.
  private let queue = DispatchQueue(label: "pmreport-settle")
  private let condition = NSCondition()
  private var handed = 0
  private var finished = 0
  private var placed = 0
  private var failure: (any Error)?
  /// The temporary names of the files in flight.
  private var temporaries: Set<String> = []

  /// Files in flight at most: a few, so that a flush slower than a drawing now and then (or the
  /// settling thread waiting for a core) does not hold the writer up.
  public static let depth = 4

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

  /// Puts the file written under `temp` in place on the settling thread through `work`, or,
  /// after a failure, drops it through `drop`.
  func start(
    _ temp: String, _ work: @escaping @Sendable () throws -> Void,
    drop: @escaping @Sendable () -> Void
  ) {
    condition.withLock {
      handed += 1
      temporaries.insert(temp)
    }
    queue.async { [self] in
      var outcome: (any Error)? = nil
      if condition.withLock({ failure != nil }) {
        drop()
      } else {
        do { try work() } catch { outcome = error }
      }
      condition.withLock {
        finished += 1
        temporaries.remove(temp)
        if let outcome, failure == nil { failure = outcome }
        if failure == nil { placed += 1 }
        condition.broadcast()
      }
    }
  }
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
    settling.start(temp, { try handed.putInPlace() }, drop: handed.drop)
    return stored
  }
}

/// A file written and not yet in place: touched by its writer until it is handed over, by the
/// settling thread after (hence `@unchecked Sendable`).
private struct HandedFile: @unchecked Sendable {
  let file: CheckedFile
  let temp: String
  let path: String

  /// Flushes the file, closes it and renames it into place, its folder noted.
  ///
  /// On a failure the temporary file is removed. Either way it is no longer a temporary in flight.
  func putInPlace() throws {
    defer { TemporaryFiles.shared.remove(temp) }
    do {
      _ = try file.finish(.synced)
      guard rename(temp, path) == 0 else { throw StorageError.write(path: path, errno: errno) }
    } catch {
      unlink(temp)
      throw error
    }
    UnsyncedFolders.shared.add(folderOf: path)
  }

  /// Removes the temporary file unflushed (a file before it failed).
  func drop() {
    unlink(temp)
    TemporaryFiles.shared.remove(temp)
  }
}
