import Foundation
import Testing

/// Crash safety read from the system calls of a real run, since a killed run cannot show it
/// (SIGKILL leaves the page cache intact: the kill tests pass with no `fsync` at all): every file
/// is flushed before it is renamed into place, and the folder it landed in is flushed after the
/// rename and before the manifest that lists it is written.
@Suite struct DurableOrderTests {
  /// Whether strace can trace a process here (installed, and ptrace allowed).
  static let canTrace: Bool = {
    guard let r = try? run("strace", ["-f", "-qq", "-e", "trace=none", "true"]) else {
      return false
    }
    return r.status == 0
  }()

  /// A roster run on two processes (the certificates are written by workers, the manifest by
  /// the parent): three certificates, the merged file and the manifest.
  @Test(.enabled(if: canTrace, "needs strace (make test-packages) and ptrace"))
  func eachFileIsSyncedBeforeItsRenameAndItsFolderBeforeTheManifest() throws {
    let binary = try #require(CLITests.binary, "build the pmreport executable first")
    let dir = try MergedCopiesTests.project(MergedCopiesTests.readmeExample)
    // ASCII names: strace escapes other bytes, in quoted names and descriptors' paths alike.
    try "name,cohort\nAna Souza,A\nKim Lee,B\nLi Wei,A\n".write(
      toFile: dir + "/examples/roster.csv", atomically: true, encoding: .utf8)
    let output = dir + "/Output"
    let trace = dir + "/strace.txt"
    let r = try run(
      "strace",
      [
        "-f", "--seccomp-bpf", "-qq", "-y", "-s", "4096", "-o", trace,
        "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,openat",
        binary, "--config", dir + "/pmreport.yml", "--document", "certificate",
        "--format", "pdf", "--jobs", "2", "--no-cache", "--quiet", "--output", output,
      ])
    try #require(r.status == 0, "the traced run failed: \(r.error)")
    let calls = SyscallTrace(try String(contentsOfFile: trace, encoding: .utf8)).calls

    let syncs = calls.indices.compactMap { i -> (at: Int, path: String)? in
      guard ["fsync", "fdatasync"].contains(calls[i].name), let path = calls[i].descriptorPath
      else { return nil }
      return (i, path)
    }
    func synced(_ path: String, in range: Range<Int>) -> Bool {
      syncs.contains { range.contains($0.at) && $0.path == path }
    }
    let landed = calls.indices.compactMap { i -> (at: Int, from: String, to: String)? in
      let paths = calls[i].quotedArguments
      guard calls[i].name.hasPrefix("rename"), paths.count == 2, paths[0].contains(".tmp-"),
        paths[1].hasPrefix(output + "/")
      else { return nil }
      return (i, paths[0], paths[1])
    }
    let manifest = output + "/manifest.json"
    let manifestTemporary = output + "/.manifest.json.tmp-"
    let manifestOpened = try #require(
      calls.firstIndex {
        $0.name == "openat" && ($0.quotedArguments.first ?? "").hasPrefix(manifestTemporary)
      }, "the manifest's temporary was never opened")
    let names = landed.map { String($0.to.dropFirst(output.count + 1)) }
    for expected in [
      "pdf/certificate/ana-souza.pdf", "pdf/certificate/kim-lee.pdf", "pdf/certificate-all.pdf",
      "manifest.json",
    ] {
      #expect(names.contains(expected), "\(expected) was not renamed into place: \(names)")
    }

    for file in landed {
      #expect(synced(file.from, in: 0..<file.at), "\(file.to) was renamed before it was synced")
      let folder = (file.to as NSString).deletingLastPathComponent
      if file.to == manifest {
        #expect(synced(folder, in: file.at..<calls.count), "the manifest's folder was not synced")
      } else {
        #expect(file.at < manifestOpened, "\(file.to) landed after the manifest was begun")
        #expect(
          synced(folder, in: file.at..<manifestOpened),
          "\(folder) was not synced between \(file.to)'s rename and the manifest")
      }
    }
  }
}
