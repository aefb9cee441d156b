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
      if !owns(name) || unlink(path) != 0 {
        rename(path, replacement + "/" + name)
      }
    }
    rmdir(retired)
  }
}
