import Foundation
import Rendering
import ReportConfig
import Storage

extension RunScheduler {
  /// Takes the output folder for this run and reports the temporaries of dead runs removed.
  ///
  /// A shard run shares the folder with other shard runs; any other run holds it alone. While
  /// another run holds it, this one says so and waits (or, told not to, fails: exit 75).
  func takeOutputFolder(report: (RunEvent) -> Void) throws {
    try OutputFolderLock.take(
      settings.outputDirectory, access: options.shard == nil ? .exclusive : .shared,
      wait: options.waitsForOutputFolder, workingDirectory: options.workingDirectory
    ) { report(.warning($0)) }
  }

  /// Writes the run's manifest (a shard's `manifest-K-of-N.json`): the files written, and those
  /// of the earlier manifest that the run did not write and that still match (a shard's, of its
  /// participants' copies: ``isShardCopy(_:)``); and drops from the folder's other manifests the
  /// entries this run made untrue.
  ///
  /// Shard runs share the folder, so the manifests are rewritten one run at a time (the folder
  /// locked exclusively meanwhile).
  func writeManifest(of files: [WrittenFile], report: (RunEvent) -> Void) {
    let folder = settings.outputDirectory
    let name = options.shard?.manifestName ?? "manifest.json"
    do {
      try Folder.exclusively(folder) {
        let manifest = Manifest(files: files, outputDirectory: folder)
        let owned: (String) -> Bool = options.shard == nil ? { _ in true } : isShardCopy
        _ = try naming(manifest.carryingOver(from: name, in: folder, owned: owned))
          .write(to: folder, name: name)
        let others = Manifest.names(in: folder).filter { $0 != name }
        // Only when there are other manifests: for a roster's copies it is a table of thousands.
        guard !others.isEmpty else { return }
        let written = Dictionary(manifest.files.map { ($0.path, $0) }) { first, _ in first }
        for other in others {
          try Manifest.droppingEntriesUntrue(of: other, in: folder, written: written)
        }
      }
    } catch {
      report(.failure(RunFailure(document: "manifest", error: error, context: name)))
    }
  }
}
