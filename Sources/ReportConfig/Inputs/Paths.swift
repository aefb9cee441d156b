import Foundation

/// File-system paths: resolving, displaying and testing them.
public enum Paths {
  /// `path` made absolute against `directory` (with `~` expanded and `.`/`..` removed).
  static func absolute(_ path: String, relativeTo directory: String) -> String {
    var expanded = path
    if path == "~" || path.hasPrefix("~/") { expanded = (path as NSString).expandingTildeInPath }
    let joined = expanded.hasPrefix("/") ? expanded : directory + "/" + expanded
    return URL(fileURLWithPath: joined).standardizedFileURL.path
  }

  /// The process's current directory.
  static var current: String { FileManager.default.currentDirectoryPath }

  /// How to name a file in messages: relative to the current directory when it is inside it.
  static func display(_ absolutePath: String) -> String {
    relative(absolutePath, to: current)
  }

  /// `path` relative to `folder` when it lies inside it; else `path` as it is.
  public static func relative(_ path: String, to folder: String) -> String {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    guard path.hasPrefix(prefix), path.count > prefix.count else { return path }
    return String(path.dropFirst(prefix.count))
  }

  static func directory(of path: String) -> String { (path as NSString).deletingLastPathComponent }

  /// The file name without folder and extension.
  static func stem(of path: String) -> String {
    ((path as NSString).lastPathComponent as NSString).deletingPathExtension
  }
}
