import Foundation
import Rendering

extension FileManager {
  /// Creates `path` and its parents, with a clear error when a file stands in the way or the
  /// place is not writable (the system's own reason).
  func createOutputDirectory(_ path: String) throws {
    var isDir: ObjCBool = false
    if fileExists(atPath: path, isDirectory: &isDir) {
      if isDir.boolValue {
        if access(path, W_OK) != 0 {
          throw RenderError.outputFolder(
            path: path, reason: "the output folder is not writable", errno: errno)
        }
        return
      }
      throw RenderError.outputFolder(
        path: path, reason: "is a file, so it cannot be the output folder", errno: nil)
    }
    // Find the nearest existing ancestor to say what is in the way.
    var ancestor = (path as NSString).deletingLastPathComponent
    while !ancestor.isEmpty, ancestor != "/", !fileExists(atPath: ancestor, isDirectory: &isDir) {
      ancestor = (ancestor as NSString).deletingLastPathComponent
    }
    if fileExists(atPath: ancestor, isDirectory: &isDir), !isDir.boolValue {
      throw RenderError.outputFolder(
        path: path, reason: "cannot create the output folder: \(ancestor) is a file",
        errno: nil)
    }
    var made = ""
    for component in (path as NSString).pathComponents {
      made = made.isEmpty ? component : (made as NSString).appendingPathComponent(component)
      if mkdir(made, 0o777) != 0, errno != EEXIST {
        throw RenderError.outputFolder(
          path: path, reason: "cannot create the output folder in \(ancestor)",
          errno: errno)
      }
    }
  }
}
