import Foundation
import Storage

extension Manifest {
  /// This manifest with the entries of the folder's earlier manifest `name` for files this run
  /// did not write that still match them (size and SHA-256).
  ///
  /// So every entry describes the file beside it, whatever the run left out (`--document`) or
  /// failed to rebuild, and no file a run did not touch drops out of the list.
  func carryingOver(from name: String, in outputDirectory: String) -> Manifest {
    let path = (outputDirectory as NSString).appendingPathComponent(name)
    guard let bytes = Folder.readFile(path),
      let previous = try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
    else { return self }
    var listed = Set(files.map(\.path))
    var merged = self
    for entry in previous.files where entry.staysInside && listed.insert(entry.path).inserted {
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
}

extension FileRecord {
  /// Whether the entry's path is one inside the output folder (relative, no `..`): an earlier
  /// manifest's paths are looked at there only.
  var staysInside: Bool {
    !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
  }
}
