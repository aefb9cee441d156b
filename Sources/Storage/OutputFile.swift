import Foundation

/// Files written whole or not at all: each is written under a temporary name in its own folder,
/// flushed to the disk, and renamed into place, so a failed run leaves the previous good file and no
/// partial one.
///
/// The folder is flushed later, once for all the files renamed into it (``UnsyncedFolders``).
///
/// Temporary names carry this run's token (`.<name>.tmp-<token>`), and the run holds a lock on its
/// own lock file (``RunLock``) while it writes, so a later run can tell a dead run's leftovers from a
/// live one's.
public enum OutputFile {
  /// A temporary path beside `path`, hidden, unique to this run; with `unique`, also to this call
  /// (a cache file that two threads may write at once: `.<name>.tmp-<token>-<random>`).
  static func temporaryPath(for path: String, unique: Bool = false) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let suffix = unique ? "-" + String(UInt32.random(in: .min ... .max), radix: 16) : ""
    return (folder as NSString).appendingPathComponent(
      ".\(name)\(RunLock.temporaryMarker)\(RunLock.token)\(suffix)")
  }

  /// Writes a file at `path` through `write`, under a temporary name beside it, then flushes it,
  /// renames it into place and notes its folder for ``UnsyncedFolders/syncAll()``
  /// (``Durability/unsynced``: neither, a temporary name of its own and no SHA-256 (an empty
  /// `sha256`), for a cache's files).
  ///
  /// On any error (the writer's first failed `write(2)` included) the temporary file is removed and
  /// `path` is untouched.
  public static func atomically(
    _ path: String, durability: Durability = .synced, _ write: (CheckedFile) throws -> Void
  ) throws -> StoredBytes {
    let temp = temporaryPath(for: path, unique: durability == .unsynced)
    TemporaryFiles.shared.register(temp)
    defer { TemporaryFiles.shared.remove(temp) }
    do {
      let file = try CheckedFile(
        creating: temp, reportedAs: path, exclusive: durability == .unsynced,
        hashing: durability == .synced)
      try writing(into: file, write)
      let written = try file.finish(durability)
      guard rename(temp, path) == 0 else { throw StorageError.write(path: path, errno: errno) }
      if durability == .synced { UnsyncedFolders.shared.add(folderOf: path) }
      return written
    } catch {
      unlink(temp)
      throw error
    }
  }

  /// Runs `write` on `file`; when a write to the file failed, that failure (with the system's
  /// reason) is what is thrown, whatever the writer made of it.
  public static func writing(into file: CheckedFile, _ write: (CheckedFile) throws -> Void) throws {
    do {
      try write(file)
    } catch {
      throw file.failure ?? error
    }
  }

  /// Writes `bytes` to `path` whole or not at all; returns their size and SHA-256.
  @discardableResult
  public static func writeAtomically(
    _ bytes: [UInt8], to path: String, durability: Durability = .synced
  ) throws -> StoredBytes {
    try atomically(path, durability: durability) { $0.write(bytes) }
  }

  /// Fills a fresh folder beside `directory` with `write`, then swaps it in for `directory` whole,
  /// so no page of an older, longer run survives and a failure keeps the old folder.
  ///
  /// The fresh folder is flushed before the swap, so it is never swapped in with pages missing;
  /// the folder it is swapped into is noted for ``UnsyncedFolders/syncAll()``.
  ///
  /// Of the old folder's entries only those `owns` accepts by name (the files such a folder is
  /// written with) are removed; every other is moved into the new folder, never deleted
  /// (``PageFolder``). Something other than a folder at `directory` is left as it is, an error.
  public static func replacingDirectory<T>(
    _ directory: String, owning owns: (String) -> Bool, _ write: (String) throws -> T
  ) throws -> T {
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
      guard mkdir(staging, 0o777) == 0 else {
        throw StorageError.write(path: staging, errno: errno)
      }
      let value = try write(staging)
      UnsyncedFolders.sync(staging)
      let hadOld = try PageFolder.isFolder(directory)
      if hadOld, rename(directory, retired) != 0 {
        throw StorageError.write(path: directory, errno: errno)
      }
      guard rename(staging, directory) == 0 else {
        let failure = errno
        if hadOld { rename(retired, directory) }
        throw StorageError.write(path: directory, errno: failure)
      }
      UnsyncedFolders.shared.add(folderOf: directory)
      if hadOld { PageFolder.retire(retired, into: directory, owns: owns) }
      return value
    } catch {
      try? fm.removeItem(atPath: staging)
      throw error
    }
  }
}

extension OutputFile {
  /// Writes a cache's file `path` in `folder` (created owner-only when missing) whole or not at all.
  ///
  /// Not synced: a cache file lost in a crash is only a miss. The file is `parts`, one after the
  /// other (written in turn, not joined first).
  public static func writeCacheFile(_ parts: [[UInt8]], to path: String, in folder: String)
    throws
  {
    try Folder.create(folder, mode: 0o700)
    _ = try atomically(path, durability: .unsynced) { file in
      for part in parts { file.write(part) }
    }
  }
}
