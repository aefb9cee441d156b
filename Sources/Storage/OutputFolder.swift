import Foundation

extension FileManager {
  /// Creates `path` and its parents, with a clear error when a file stands in the way or the
  /// place is not writable (the system's own reason); the folders a new one was made in are noted
  /// for ``UnsyncedFolders/syncAll()``, as a rename into them is.
  public func createOutputDirectory(_ path: String) throws {
    var isDir: ObjCBool = false
    if fileExists(atPath: path, isDirectory: &isDir) {
      if isDir.boolValue {
        if access(path, W_OK) != 0 {
          throw StorageError.outputFolder(
            path: path, reason: "the output folder is not writable", errno: errno)
        }
        return
      }
      throw StorageError.outputFolder(
        path: path, reason: "is a file, so it cannot be the output folder", errno: nil)
    }
    // Find the nearest existing ancestor to say what is in the way.
    var ancestor = (path as NSString).deletingLastPathComponent
    while !ancestor.isEmpty, ancestor != "/", !fileExists(atPath: ancestor, isDirectory: &isDir) {
      ancestor = (ancestor as NSString).deletingLastPathComponent
    }
    if fileExists(atPath: ancestor, isDirectory: &isDir), !isDir.boolValue {
      throw StorageError.outputFolder(
        path: path, reason: "cannot create the output folder: \(ancestor) is a file",
        errno: nil)
    }
    do {
      for made in try Folder.create(path, mode: 0o777) {
        UnsyncedFolders.shared.add(folderOf: made)
      }
    } catch StorageError.write(_, let code) {
      throw StorageError.outputFolder(
        path: path, reason: "cannot create the output folder in \(ancestor)", errno: code)
    }
  }
}
