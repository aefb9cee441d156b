import Foundation

/// The files a build reads, as `pmreport watch` watches them: which folders to watch and which of
/// their entries count.
///
/// Folders, not files, are watched: editors save by writing a temporary file and renaming it over
/// the old one, which a watch on the old file would miss. An entry counts when it is one of
/// `files`, or a style file (`.yml`, `.yaml`) in one of `styleFolders` (a style's `extends` chain,
/// or a `Styles/<name>.yml` that appears and takes the place of a compiled-in style). Nothing under
/// `ignoredFolder` (the output folder) counts.
public struct WatchedInputs: Equatable, Sendable {
  /// Files read, absolute: the config, the content, the styles in use, the images.
  public var files: Set<String>
  /// Folders any style file in which counts, absolute.
  public var styleFolders: Set<String>
  /// The output folder, absolute: what the builds write never triggers a build.
  public var ignoredFolder: String

  public init(files: Set<String>, styleFolders: Set<String>, ignoredFolder: String) {
    self.files = Set(files.map(Self.standardized))
    self.styleFolders = Set(styleFolders.map(Self.standardized))
    self.ignoredFolder = Self.standardized(ignoredFolder)
  }

  /// The folders to watch.
  public var folders: Set<String> {
    Set(files.map { ($0 as NSString).deletingLastPathComponent }).union(styleFolders)
      .filter { !isIgnored($0) }
  }

  /// Whether a change to `name` in `folder` is a change to an input.
  public func matches(folder: String, name: String) -> Bool {
    let path = Self.standardized((folder as NSString).appendingPathComponent(name))
    guard !isIgnored(path) else { return false }
    if files.contains(path) { return true }
    let ext = (name as NSString).pathExtension.lowercased()
    return styleFolders.contains(Self.standardized(folder)) && (ext == "yml" || ext == "yaml")
      && !name.hasPrefix(".")
  }

  /// Both sets together, the output folder of `other`.
  public func union(_ other: WatchedInputs) -> WatchedInputs {
    WatchedInputs(
      files: files.union(other.files), styleFolders: styleFolders.union(other.styleFolders),
      ignoredFolder: other.ignoredFolder)
  }

  private func isIgnored(_ path: String) -> Bool {
    path == ignoredFolder || path.hasPrefix(ignoredFolder + "/")
  }

  private static func standardized(_ path: String) -> String {
    URL(fileURLWithPath: path).standardized.path
  }
}
