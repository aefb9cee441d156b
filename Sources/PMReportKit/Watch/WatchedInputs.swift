import Foundation
import ReportConfig

/// The files a build reads, as `pmreport watch` watches them: which folders to watch and which of
/// their entries count.
///
/// Folders, not files, are watched: editors save by writing a temporary file and renaming it over
/// the old one, which a watch on the old file would miss. An entry counts when it is one of
/// `files`, a folder that would hold one of them (a `Styles/` made where a style was looked for),
/// or a style file (`.yml`, `.yaml`) in one of `styleFolders`. Nothing under `ignoredFolder` (the
/// output folder) counts.
public struct WatchedInputs: Equatable, Sendable {
  /// Files read or looked for, absolute: the config, the content, the styles, the images, the
  /// roster, and the places a style or config was looked for and not found.
  public var files: Set<String>
  /// Folders whose list of style files a build used (to check a style name), absolute: any style
  /// file in them counts.
  public var styleFolders: Set<String>
  /// The output folder, absolute: what the builds write never triggers a build.
  public var ignoredFolder: String

  public init(files: Set<String>, styleFolders: Set<String>, ignoredFolder: String) {
    self.files = Set(files.map(Self.standardized))
    self.styleFolders = Set(styleFolders.map(Self.standardized))
    self.ignoredFolder = Self.standardized(ignoredFolder)
  }

  /// What a load read, looked for and listed (``Inputs/record``), with the output folder left out.
  public init(_ record: InputRecord, ignoredFolder: String) {
    self.init(
      files: Set(record.filesRead.keys).union(record.notFound),
      styleFolders: record.foldersScanned, ignoredFolder: ignoredFolder)
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
    if files.contains(path) || files.contains(where: { $0.hasPrefix(path + "/") }) { return true }
    let ext = (name as NSString).pathExtension.lowercased()
    return styleFolders.contains(Self.standardized(folder)) && (ext == "yml" || ext == "yaml")
      && !name.hasPrefix(".")
  }

  private func isIgnored(_ path: String) -> Bool {
    path == ignoredFolder || path.hasPrefix(ignoredFolder + "/")
  }

  /// `path` standardized as `URL.standardized` does, without making a URL.
  ///
  /// Every event's name goes through this: `.` components are left out and each `..` takes the
  /// one before it away; a relative path is made absolute against the current directory
  /// first. Unlike the URL, empty
  /// components go (`/p//a` is `/p/a`), and so a `..` after one takes the component before it
  /// away (`/a//../b` is `/b`, as the kernel reads it; the URL gives `/a/b`).
  static func standardized(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/")
      ? path : FileManager.default.currentDirectoryPath + "/" + path
    var kept: [Substring] = []
    for component in absolute.split(separator: "/") where component != "." {
      if component == ".." {
        _ = kept.popLast()
      } else {
        kept.append(component)
      }
    }
    return "/" + kept.joined(separator: "/")
  }
}
