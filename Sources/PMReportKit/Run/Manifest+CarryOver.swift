import Foundation
import Storage

extension Manifest {
  /// This manifest with the entries of the folder's earlier manifest `name` for files this run
  /// did not write that still match them (size and SHA-256), of those that are `owned` (a
  /// shard's: its participants' copies).
  ///
  /// So every entry describes the file beside it, whatever the run left out (`--document`) or
  /// failed to rebuild, and no file a run did not touch drops out of the list.
  func carryingOver(
    from name: String, in outputDirectory: String, owned: (String) -> Bool = { _ in true }
  ) -> Manifest {
    guard let previous = Self.read(name, in: outputDirectory) else { return self }
    var listed = Set(files.map(\.path))
    var merged = self
    for entry in previous.files
    where entry.staysInside && owned(entry.path) && listed.insert(entry.path).inserted {
      let file = (outputDirectory as NSString).appendingPathComponent(entry.path)
      if let stored = StoredBytes(contentsOf: file), stored.count == entry.bytes,
        stored.sha256 == entry.sha256
      {
        merged.files.append(entry)
      }
    }
    merged.files.sort { $0.path < $1.path }
    return merged
  }

  /// The folder's manifest `name`; nil when there is none or it does not decode.
  static func read(_ name: String, in outputDirectory: String) -> Manifest? {
    let path = (outputDirectory as NSString).appendingPathComponent(name)
    guard let bytes = Folder.readFile(path) else { return nil }
    return try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
  }

  /// The names of the folder's manifests: `manifest.json` and the shards' `manifest-K-of-N.json`.
  static func names(in outputDirectory: String) -> [String] {
    Folder.names(in: outputDirectory).filter { $0.hasPrefix("manifest") && $0.hasSuffix(".json") }
      .sorted()
  }

  /// Rewrites the folder's manifest `name` without the entries this run made untrue.
  ///
  /// An entry is untrue when the run wrote its file with other bytes (a full run rewriting a
  /// shard's copies, a shard run the full run's), or when its file is gone or of another size (a
  /// page folder replaced with fewer pages). An entry leading out of the folder (`pmreport
  /// gather`'s `../Third/pdf/…`, another shard folder's copy) stays: a run writes only inside its
  /// output folder, so it cannot have made it untrue, and gathering again brings it up to date.
  /// Left as it is, byte for byte, when every entry still holds. Cheap: the run's own hashes and
  /// a `stat` each.
  static func droppingEntriesUntrue(
    of name: String, in outputDirectory: String, written: [String: FileRecord]
  ) throws {
    guard var manifest = read(name, in: outputDirectory) else { return }
    let count = manifest.files.count
    manifest.files.removeAll { entry in
      if let now = written[entry.path] {
        return now.sha256 != entry.sha256 || now.bytes != entry.bytes
      }
      guard entry.staysInside else { return false }
      let file = (outputDirectory as NSString).appendingPathComponent(entry.path)
      guard let status = FileStatus(path: file, followingLinks: false), status.isRegularFile
      else { return true }
      return status.size != Int64(entry.bytes)
    }
    if manifest.files.count != count { _ = try manifest.write(to: outputDirectory, name: name) }
  }
}

extension FileRecord {
  /// Whether the entry's path is one inside the output folder (relative, no `..`): an earlier
  /// manifest's paths are looked at there only.
  var staysInside: Bool {
    !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
  }
}
