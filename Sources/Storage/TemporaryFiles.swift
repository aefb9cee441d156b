import Foundation

/// Temporary files in flight, removed by ``TemporaryFiles/removeAllBeforeExit()`` when the
/// process is interrupted.
public final class TemporaryFiles: @unchecked Sendable {
  // @unchecked: every access to `paths` goes through `lock`.
  public static let shared = TemporaryFiles()
  private let lock = NSLock()
  private var paths: Set<String> = []

  public func register(_ path: String) {
    lock.lock()
    paths.insert(path)
    lock.unlock()
  }
  public func remove(_ path: String) {
    lock.lock()
    paths.remove(path)
    lock.unlock()
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
  /// (the folder is gone whole). A retired page folder loses only its pages: until the writer has
  /// moved them, the user's files are in it.
  public func removeAllBeforeExit() {
    lock.lock()
    for sweep in 0..<3 {
      if sweep > 0 { usleep(20_000) }
      for p in paths.sorted() { Self.removeAside(p) }
    }
    RunLock.release()
  }

  /// Renames `path` aside, then removes it: whole, but a retired page folder only as far as
  /// ``PageFolder/removeRetired(_:)`` does (it may still hold the user's files).
  static func removeAside(_ path: String) {
    let aside = path + ".gone"
    guard rename(path, aside) == 0 else { return }
    if PageFolder.isRetired(path) {
      PageFolder.removeRetired(aside)
    } else {
      try? FileManager.default.removeItem(atPath: aside)
    }
  }
}
