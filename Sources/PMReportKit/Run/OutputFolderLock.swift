import Foundation
import ReportConfig
import Storage

/// Taking an output folder for a run or a gather (``RunLock``), with the notes a person reads
/// meanwhile: whom it waits for, and the temporaries of interrupted runs it removed.
enum OutputFolderLock {
  /// Creates `folder` and takes it with `access`; while another run holds it, tells `note` once
  /// whom this one waits for (the folder named relative to `workingDirectory`) and waits, or,
  /// with `wait` false, fails (exit 75).
  static func take(
    _ folder: String, access: FolderAccess, wait: Bool, workingDirectory: String,
    note: (RunWarning) -> Void
  ) throws {
    try FileManager.default.createOutputDirectory(folder)
    let shown = Paths.relative(folder, to: workingDirectory) + "/"
    let leftovers = try RunLock.acquire(in: folder, access: access, wait: wait) { holder in
      let other = holder.map { "pmreport (pid \($0))" } ?? "another pmreport run"
      note(RunWarning(.waiting, "waiting for \(other) on \(shown)", isNote: true))
    }
    if !leftovers.isEmpty {
      note(
        RunWarning(
          .leftovers,
          "note: removed \(leftovers.count) temporary file\(leftovers.count == 1 ? "" : "s") "
            + "left by an interrupted run", isNote: true))
    }
  }
}
