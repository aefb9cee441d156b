import Foundation

/// The folders this process renamed files into (or made folders in) and has not yet flushed to
/// the disk: each is flushed once, after its last rename, before anything that depends on it.
///
/// A file is `fsync`ed before its rename (``CheckedFile/finish(_:)``); the rename itself lasts
/// through a crash only once its folder is `fsync`ed. Flushing each folder once, not once a file,
/// saves a certificate run one `fsync` a file. ``syncAll()`` is called before the manifest that
/// lists the files is written, by a worker before it reports a unit's files to its run, before a
/// run gives its output folder back (``RunLock/release(_:)``), and by a command that writes
/// without either before it ends.
public final class UnsyncedFolders: @unchecked Sendable {
  // @unchecked: every access to `folders` goes through `lock`.
  public static let shared = UnsyncedFolders()
  private let lock = NSLock()
  /// The folders in the order they were first written into, without repeats.
  private var folders: [String] = []
  private var known: Set<String> = []

  /// Notes that an entry of `folder` changed (a rename into it, a folder made in it).
  public func add(_ folder: String) {
    let folder = folder.isEmpty ? "." : folder
    lock.withLock {
      if known.insert(folder).inserted { folders.append(folder) }
    }
  }

  /// Notes the folder holding `path`.
  public func add(folderOf path: String) {
    add((path as NSString).deletingLastPathComponent)
  }

  /// Flushes every folder noted to the disk, once each, and forgets them.
  ///
  /// The lock is held meanwhile, so a caller returns only once every folder noted before it
  /// called is on the disk, even one another thread is flushing.
  public func syncAll() {
    lock.withLock {
      for folder in folders { Self.sync(folder) }
      folders.removeAll()
      known.removeAll()
    }
  }

  /// Flushes `folder` now (its entries: the renames and removals made in it).
  static func sync(_ folder: String) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }
}
