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
    let folder = settings.outputDirectory
    try FileManager.default.createOutputDirectory(folder)
    let shown = Paths.relative(folder, to: options.workingDirectory) + "/"
    let leftovers = try RunLock.acquire(
      in: folder, access: options.shard == nil ? .exclusive : .shared,
      wait: options.waitsForOutputFolder
    ) { holder in
      let other = holder.map { "pmreport (pid \($0))" } ?? "another pmreport run"
      report(.warning(RunWarning(.waiting, "waiting for \(other) on \(shown)", isNote: true)))
    }
    if !leftovers.isEmpty {
      report(
        .warning(
          RunWarning(
            .leftovers,
            "note: removed \(leftovers.count) temporary file\(leftovers.count == 1 ? "" : "s") "
              + "left by an interrupted run", isNote: true)))
    }
  }

  /// Writes the run's manifest (a shard's `manifest-K-of-N.json`): the files written, and those
  /// of the earlier manifest that the run did not write and that still match.
  func writeManifest(of files: [WrittenFile], report: (RunEvent) -> Void) {
    let name = options.shard?.manifestName ?? "manifest.json"
    do {
      _ = try Manifest(files: files, outputDirectory: settings.outputDirectory)
        .carryingOver(from: name, in: settings.outputDirectory)
        .write(to: settings.outputDirectory, name: name)
    } catch {
      report(.failure(RunFailure(document: "manifest", error: error, context: name)))
    }
  }
}
