import Foundation
import ReportConfig
import Storage

/// A shard's manifest (`manifest-K-of-N.json`) as `pmreport gather` reads it, with the folder it
/// lies in: its paths are relative to that folder.
struct ShardManifest {
  /// The folder (absolute).
  var folder: String
  /// The manifest's path in messages (relative to the working directory).
  var shown: String
  var manifest: Manifest

  /// Whether `name` is a shard's manifest's: `manifest-K-of-N.json`.
  static func isShardManifest(_ name: String) -> Bool {
    guard name.hasPrefix("manifest-"), name.hasSuffix(".json") else { return false }
    let middle = name.dropFirst("manifest-".count).dropLast(".json".count)
    return Shard(middle.replacingOccurrences(of: "-of-", with: "/")) != nil
  }

  /// The shard manifests of every folder, in the folders' order and by name within each.
  ///
  /// Throws a ``MissingFileError`` for a folder that holds none, or for a manifest that cannot be
  /// read, with the reason (`shard manifest Output/manifest-1-of-3.json cannot be read: Permission
  /// denied`); and an ``InputError`` naming each manifest that does not decode, at the value's
  /// place with its key path and what was expected there (`manifest-1-of-3.json:9:18: error:
  /// files[0].participant.line: expected a whole number, found 'x'`).
  static func read(_ folders: [String], relativeTo workingDirectory: String) throws
    -> [ShardManifest]
  {
    var shards: [ShardManifest] = []
    var problems: [Diagnostic] = []
    // A folder named twice (or through a link) is read once: its copies are not doubled.
    var seen: Set<String> = []
    for folder in folders where seen.insert(ProjectRoot.physical(folder)).inserted {
      let names = Folder.names(in: folder).filter(isShardManifest).sorted {
        $0.compare($1, options: .numeric) == .orderedAscending
      }
      guard !names.isEmpty else {
        throw MissingFileError(
          path: Paths.relative(folder, to: workingDirectory), role: "shards' folder",
          reason: "it holds no shard manifest (manifest-K-of-N.json, written by --shard K/N)")
      }
      for name in names {
        let path = folder + "/" + name
        let shown = Paths.relative(path, to: workingDirectory)
        let bytes: [UInt8]
        switch Folder.contents(of: path) {
        case .success(let read): bytes = read
        case .failure(let refusal):
          var unreadable = MissingFileError(path: shown, role: "shard manifest")
          unreadable.state = refusal.description
          throw unreadable
        }
        do {
          let manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
          shards.append(ShardManifest(folder: folder, shown: shown, manifest: manifest))
        } catch let error as DecodingError {
          problems.append(
            Diagnostic(decoding: error, in: String(decoding: bytes, as: UTF8.self), file: shown))
        }
      }
    }
    if !problems.isEmpty { throw InputError(diagnostics: problems) }
    return shards
  }
}
