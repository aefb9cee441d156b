import Foundation
import Frames
import Rendering
import ReportConfig
import ReportModel
import Storage

/// `manifest.json` in the output folder: every file the run wrote, for CI to check and archive.
///
/// Paths are relative to the output folder and sorted, and no timing goes in, so the same inputs
/// give the same bytes.
struct Manifest: Codable {
  var generator: String
  var files: [FileRecord]
  /// The roster a shard's manifest (or a gathered one) was written from; nil, and left out, in a
  /// run's without `--shard`.
  var roster: RosterStamp?

  /// The manifest of `files`; their sizes and hashes are those the writer computed as the bytes
  /// went out, so no file is read back.
  init(files: [WrittenFile], outputDirectory: String) {
    generator = "pmreport \(ProgramVersion.number)"
    self.files = files.map { FileRecord($0, outputDirectory: outputDirectory, timed: false) }
      .sorted { $0.path < $1.path }
  }

  /// Writes `name` (`manifest.json`, or a shard's `manifest-K-of-N.json`) into
  /// `outputDirectory`, atomically, once the folders this process wrote into are on the disk (so
  /// a crash never leaves a manifest listing a rename that was lost).
  func write(to outputDirectory: String, name: String = "manifest.json") throws -> String {
    let path = (outputDirectory as NSString).appendingPathComponent(name)
    UnsyncedFolders.shared.syncAll()
    // In pieces (``encoded(_:)``): the whole list's encoding is never held.
    _ = try OutputFile.atomically(path) { file in try encoded { file.write($0) } }
    return path
  }
}
