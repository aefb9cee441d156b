import Foundation

/// The old folder a page folder replaced (``OutputFile/replacingDirectory(_:owning:_:)``): its
/// pages removed, anything else kept.
///
/// pmreport knows its own files by name (`page-001.svg`); a file someone else put in the folder
/// goes on into the new folder, so replacing a folder never deletes what pmreport did not write.
enum PageFolder {
  /// Whether a folder (not a link to one) is at `path`: false for nothing; an error naming the
  /// path for anything else, which is not pmreport's to replace.
  static func isFolder(_ path: String) throws -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0 else { return false }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw StorageError.outputFolder(
        path: path,
        reason: "is not a folder pmreport wrote (a file or a symbolic link), so it is not replaced",
        errno: nil)
    }
    return true
  }

  /// Empties `retired`: removes the entries `owns` accepts, moves every other into `replacement`,
  /// then removes the folder (which stays, hidden, if something could be neither).
  static func retire(_ retired: String, into replacement: String, owns: (String) -> Bool) {
    for name in Folder.names(in: retired) {
      let path = retired + "/" + name
      if !owns(name) || unlink(path) != 0, rename(path, replacement + "/" + name) == 0 {
        UnsyncedFolders.shared.add(replacement)
      }
    }
    rmdir(retired)
  }

  /// Whether `name` is a retired page folder's temporary name (`-old`, maybe renamed aside with
  /// `.gone` after it).
  static func isRetired(_ name: String) -> Bool {
    name.hasSuffix("-old") || name.hasSuffix("-old.gone")
  }

  /// Removes what pmreport wrote in the retired folder `name` in `directory`; whether it is gone.
  ///
  /// For a folder left by an interrupted or dead run: its pages go, then the folder if nothing
  /// else is in it (the user's files stay, and so does the folder). Anything but a folder there
  /// is removed itself.
  static func removeRetired(_ name: String, in directory: Int32) -> Bool {
    let folder = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folder >= 0 else { return FolderEntries.removeTree(name, in: directory) }
    for child in FolderEntries.names(in: folder) where isPageFileName(child) {
      unlinkat(folder, child, 0)
    }
    close(folder)
    return unlinkat(directory, name, AT_REMOVEDIR) == 0
  }

  /// ``removeRetired(_:in:)`` for the folder at `path`.
  static func removeRetired(_ path: String) {
    let parent = open(
      (path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard parent >= 0 else { return }
    _ = removeRetired((path as NSString).lastPathComponent, in: parent)
    close(parent)
  }
}

/// Whether `name` is one `pageFileName(_:pageCount:ext:)` (Rendering) gives (a page's SVG or PNG): the
/// only files pmreport writes in a page folder, and so the only ones it removes there.
public func isPageFileName(_ name: String) -> Bool {
  let parts = name.split(separator: ".", omittingEmptySubsequences: false)
  guard parts.count == 2, ["svg", "png"].contains(parts[1]), parts[0].hasPrefix("page-") else {
    return false
  }
  let digits = parts[0].dropFirst(5)
  return digits.count >= 3 && digits.allSatisfy { $0.isASCII && $0.isNumber }
}
