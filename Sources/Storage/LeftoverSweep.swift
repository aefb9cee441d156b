import Foundation

extension RunLock {
  /// Removes the temporaries in `folder` (and three levels below) of runs that are gone; returns
  /// them.
  ///
  /// A retired page folder (`-old`) loses only its pages (``PageFolder/removeRetired(_:in:)``):
  /// the user's files in it stay, and so does the folder and its run's lock file.
  ///
  /// Only what can be proven a dead run's goes: a temporary whose name carries the token of a
  /// lock file in `folder` that no process holds. The walk goes from descriptor to descriptor and
  /// never follows a symlink (a symlink named like a temporary is removed itself, never its
  /// target), so nothing outside `folder` is touched.
  static func removeLeftovers(in folder: String) -> [String] {
    let root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard root >= 0 else { return [] }
    defer { close(root) }
    // Locked (exclusive) until their files are unlinked: a run that locks a lock file meanwhile
    // finds it unlinked afterwards and makes a new one.
    var locked: [String: Int32] = [:]
    defer {
      for fd in locked.values { close(fd) }
    }
    for owner in FolderEntries.names(in: root).compactMap(owner(ofLock:)) where owner != token {
      let fd = openat(root, lockName(owner), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
      guard fd >= 0 else { continue }
      if flock(fd, LOCK_EX | LOCK_NB) == 0 { locked[owner] = fd } else { close(fd) }
    }
    let gone = Set(locked.keys)
    guard !gone.isEmpty else { return [] }
    var sweep = LeftoverSweep(gone: gone)
    sweep.sweep(root, path: folder, depth: 0)
    for owner in gone.subtracting(sweep.kept) { unlinkat(root, lockName(owner), 0) }
    return sweep.removed
  }
}

/// One sweep of a dead run's temporaries: what it removed, and whose it could not.
private struct LeftoverSweep {
  /// The tokens of the runs that are gone.
  let gone: Set<String>
  var removed: [String] = []
  /// Tokens with a temporary that could not be removed (their lock file stays, for a later sweep).
  var kept: Set<String> = []

  mutating func sweep(_ directory: Int32, path: String, depth: Int) {
    for name in FolderEntries.names(in: directory).sorted() {
      let full = (path as NSString).appendingPathComponent(name)
      if let owner = RunLock.ownerToken(ofTemporary: name) {
        guard gone.contains(owner) else { continue }
        let isGone =
          PageFolder.isRetired(name)
          ? PageFolder.removeRetired(name, in: directory)
          : FolderEntries.removeTree(name, in: directory)
        if isGone {
          removed.append(full)
        } else {
          kept.insert(owner)
        }
        continue
      }
      guard depth < 3, !name.hasPrefix(".") else { continue }
      let below = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard below >= 0 else { continue }  // not a folder, or a symlink: never followed
      sweep(below, path: full, depth: depth + 1)
      close(below)
    }
  }
}

/// Folders read and removed through descriptors, never following a symlink.
enum FolderEntries {
  /// The names in the open folder `directory`, read through its descriptor (`/proc/self/fd`),
  /// not its path.
  static func names(in directory: Int32) -> [String] {
    Folder.names(in: "/proc/self/fd/\(directory)")
  }

  /// Removes `name` in `directory`: a file or symlink itself, a folder with everything in it;
  /// whether it is gone.
  static func removeTree(_ name: String, in directory: Int32) -> Bool {
    if unlinkat(directory, name, 0) == 0 { return true }
    guard errno == EISDIR else { return false }
    let folder = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folder >= 0 else { return false }
    for child in names(in: folder) { _ = removeTree(child, in: folder) }
    close(folder)
    return unlinkat(directory, name, AT_REMOVEDIR) == 0
  }
}
