import Foundation
import Testing

/// Crash safety read from the system calls of a real run, since a killed run cannot show it.
///
/// SIGKILL leaves the page cache intact: the kill tests pass with no `fsync` at all. Every file
/// is flushed before it is renamed into place, and the folder it landed in is flushed after the
/// rename and before the manifest that lists it is written (the manifest's own folder, and those
/// of a command that writes no manifest, before the run gives its folder back or exits). A folder
/// is flushed once for all its files, not once a file (``DurableOrder``).
@Suite struct DurableOrderTests {
  /// Whether strace can trace a process here (installed, and ptrace allowed).
  static let canTrace: Bool = {
    guard let r = try? run("strace", ["-f", "-qq", "-e", "trace=none", "true"]) else {
      return false
    }
    return r.status == 0
  }()

  /// The calls a durable write makes, and the end of a run (its lock file removed, its exit).
  static let traced =
    "trace=fsync,fdatasync,rename,renameat,renameat2,openat,unlink,unlinkat,"
    + "exit_group"

  /// pmreport run under strace with `arguments`, which must succeed.
  static func trace(_ arguments: [String], in dir: String) throws -> SyscallTrace {
    let binary = try #require(CLITests.binary, "build the pmreport executable first")
    let file = dir + "/strace.txt"
    let r = try run(
      "strace",
      ["-f", "--seccomp-bpf", "-qq", "-y", "-s", "4096", "-o", file, "-e", traced, binary]
        + arguments)
    try #require(r.status == 0, "the traced run failed: \(r.error)")
    return SyscallTrace(try String(contentsOfFile: file, encoding: .utf8))
  }

  /// The certificates of three names (with their merged file) traced in `--jobs` processes; the
  /// order found, and the names landed in the output folder.
  static func certificates(jobs: Int) throws -> (order: DurableOrder, landed: [String]) {
    let dir = try MergedCopiesTests.project(MergedCopiesTests.readmeExample)
    // ASCII names: strace escapes other bytes, in quoted names and descriptors' paths alike.
    try "name,cohort\nAna Souza,A\nKim Lee,B\nLi Wei,A\n".write(
      toFile: dir + "/examples/roster.csv", atomically: true, encoding: .utf8)
    let output = dir + "/Output"
    let trace = try trace(
      [
        "--config", dir + "/pmreport.yml", "--document", "certificate", "--format", "pdf",
        "--jobs", String(jobs), "--no-cache", "--quiet", "--output", output,
      ], in: dir)
    let order = DurableOrder(trace, output: output)
    let landed = order.landings.map { String($0.to.dropFirst(output.count + 1)) }
    for expected in [
      "pdf/certificate/ana-souza.pdf", "pdf/certificate/kim-lee.pdf", "pdf/certificate-all.pdf",
      "manifest.json",
    ] {
      #expect(landed.contains(expected), "\(expected) was not renamed into place: \(landed)")
    }
    return (order, landed)
  }

  /// Two processes: the certificates are written by a worker and the parent, the manifest by
  /// the parent, which hears of a worker's files only once their folder is flushed.
  @Test(.enabled(if: canTrace, "needs strace (make test-packages) and ptrace"))
  func eachFileIsSyncedBeforeItsRenameAndItsFolderBeforeTheManifest() throws {
    let (order, _) = try Self.certificates(jobs: 2)
    #expect(order.manifestBegun != nil, "no manifest was begun")
    #expect(order.problems.isEmpty, "\(order.problems)")
  }

  /// One process: the copies' folder is flushed once, after its last copy, not once a copy.
  @Test(.enabled(if: canTrace, "needs strace (make test-packages) and ptrace"))
  func aFolderIsSyncedOnceForAllItsFiles() throws {
    let (order, landed) = try Self.certificates(jobs: 1)
    #expect(order.problems.isEmpty, "\(order.problems)")
    #expect(landed.filter { $0.hasPrefix("pdf/certificate/") }.count == 3)
    #expect(order.syncs(of: order.output + "/pdf/certificate") == 1)
  }

  /// `init` writes no manifest and holds no run lock: its folders are flushed before it exits.
  @Test(.enabled(if: canTrace, "needs strace (make test-packages) and ptrace"))
  func aCommandWithoutAManifestSyncsItsFoldersBeforeItExits() throws {
    let dir = try temporaryDirectory("pmreport-durable-init")
    let project = dir + "/project"
    let order = DurableOrder(
      try Self.trace(
        ["init", project, "--role", "Scrum Master", "--role", "Product Owner"], in: dir),
      output: project)
    #expect(order.manifestBegun == nil)
    #expect(order.landings.contains { $0.to == project + "/pmreport.yml" })
    #expect(order.landings.contains { $0.folder == project + "/Styles" })
    #expect(order.problems.isEmpty, "\(order.problems)")
  }

  /// The check itself: a trace whose copy's folder is not flushed before the manifest is caught;
  /// with the flush there, nothing is.
  @Test func aFolderNotSyncedBeforeTheManifestIsCaught() {
    func trace(folderSynced: Bool) -> SyscallTrace {
      let copy = "/o/pdf/.a.pdf.tmp-1f-2a"
      let manifest = "/o/.manifest.json.tmp-1f-2a"
      let lines =
        [
          "7 openat(AT_FDCWD</w>, \"\(copy)\", O_WRONLY|O_CREAT|O_EXCL, 0666) = 3<\(copy)>",
          "7 fsync(3<\(copy)>) = 0",
          "7 rename(\"\(copy)\", \"/o/pdf/a.pdf\") = 0",
        ] + (folderSynced ? ["7 fsync(4</o/pdf>) = 0"] : []) + [
          "7 openat(AT_FDCWD</w>, \"\(manifest)\", O_WRONLY|O_CREAT|O_EXCL, 0666) = 5<\(manifest)>",
          "7 fsync(5<\(manifest)>) = 0",
          "7 rename(\"\(manifest)\", \"/o/manifest.json\") = 0",
          "7 fsync(6</o>) = 0",
          "7 unlink(\"/o/.pmreport-1f-2a.lock\") = 0",
          "7 exit_group(0) = ?",
        ]
      return SyscallTrace(lines.joined(separator: "\n"))
    }
    #expect(DurableOrder(trace(folderSynced: true), output: "/o").problems.isEmpty)
    let missing = DurableOrder(trace(folderSynced: false), output: "/o")
    #expect(
      missing.problems == ["/o/pdf was not synced between /o/pdf/a.pdf's rename and the manifest"])
  }
}
