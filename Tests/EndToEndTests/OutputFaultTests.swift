import Foundation
import Testing

/// Faults of the file system as a user meets them: a full disk, a run killed outright.
///
/// Each run's earlier output must survive, the failure must be reported with the system's reason,
/// and nothing a dead run left may stay behind.
@Suite(.serialized, .tags(.long)) struct OutputFaultTests {
  /// Whether this process may mount a small file system of its own (root, with mount namespaces).
  static let canMountTmpfs: Bool = {
    guard getuid() == 0, let r = try? run("unshare", ["-m", "--propagation", "private", "true"])
    else { return false }
    return r.status == 0
  }()

  /// On a file system too small for the new PDF, the run fails with exit 73 and the system's
  /// reason, and the earlier PDF stays byte for byte (cairo's own status says all went well).
  @Test(.enabled(if: canMountTmpfs, "needs root and mount namespaces (CI runs as root)"))
  func aFullDiskKeepsTheEarlierFileAndSaysWhy() throws {
    let binary = try #require(CLITests.binary, "build the pmreport executable first")
    let dir = try temporaryDirectory("pmreport-full-disk")
    try FileManager.default.createDirectory(atPath: dir + "/mnt", withIntermediateDirectories: true)
    // Inside a private mount namespace: a 1 MB tmpfs, a good first run, the disk filled but for
    // 32 KB, a second run; what the test needs is copied out before the namespace goes. No shape
    // cache: on a 1 MB disk it would take the room the first PDF needs.
    let script = """
      set -u
      mount -t tmpfs -o size=1m tmpfs mnt || exit 90
      cd mnt
      "$0" --document full-report --format pdf --quiet --no-cache; echo $? > ../first.status
      cp Output/pdf/full-report.pdf ../before.pdf
      dd if=/dev/zero of=filler bs=4k 2>/dev/null
      truncate -s -32K filler
      "$0" --document full-report --format pdf --no-cache 2> ../second.err; echo $? > ../second.status
      cp Output/pdf/full-report.pdf ../after.pdf
      ls -a Output Output/pdf > ../listing
      """
    let r = try run(
      "sh",
      ["-c", "cd '\(dir)' && unshare -m --propagation private sh -c '\(script)' '\(binary)'"],
      environment: ["SOURCE_DATE_EPOCH": "1700000000"])
    try #require(r.status == 0, "the namespace script failed: \(r.error)")
    func read(_ name: String) -> String {
      (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8))?.trimmingCharacters(
        in: .whitespacesAndNewlines) ?? ""
    }
    #expect(read("first.status") == "0")
    #expect(read("second.status") == "73", "second run: \(read("second.err"))")
    let message = read("second.err")
    #expect(
      message.contains("full-report.pdf") && message.contains("No space left on device"),
      "\(message)")
    let before = FileManager.default.contents(atPath: dir + "/before.pdf")
    #expect(
      before != nil && before == FileManager.default.contents(atPath: dir + "/after.pdf"),
      "the earlier PDF changed")
    #expect(!read("listing").contains(".tmp-"), "a temporary was left: \(read("listing"))")
  }

  /// A run killed with SIGKILL cannot clean up; the next run into the same folder removes what
  /// it left, and a run started while that one writes does not touch its temporaries (with
  /// `--no-wait` it exits 75 at once).
  @Test func aKilledRunsTemporariesGoWithTheNextRunButALiveRunsStay() throws {
    let dir = try temporaryDirectory("pmreport-killed")
    try InterruptTests.bigContent.get().write(
      toFile: dir + "/big.yml", atomically: true, encoding: .utf8)
    let output = dir + "/Output"
    // One process: a killed run's own temporaries are what is left (workers clean up after a
    // killed parent themselves, see the next test).
    let big = [
      "--content", "big.yml", "--format", "svg", "--format", "png", "--quiet", "--jobs", "1",
    ]

    let killed = try PMReportProcess(big, in: dir)
    try #require(waitForTemporaries(in: output, while: killed), "no write in flight seen")
    killed.send(SIGKILL)
    _ = killed.wait(timeout: 20)
    let left = temporaries(in: output)
    try #require(!left.isEmpty, "the killed run left nothing to clean up")

    // The next run removes them before its first write.
    let live = try PMReportProcess(big, in: dir)
    try #require(waitForTemporaries(in: output, while: live, excluding: left), "no live write seen")
    let stillThere = temporaries(in: output)
    #expect(
      left.allSatisfy { !stillThere.contains($0) },
      "the killed run's temporaries survived: \(stillThere)")
    // A run started meanwhile neither waits (told not to) nor touches the live run's files.
    let quick = try runPMReport(
      ["--document", "charts", "--format", "pdf", "--quiet", "--no-wait"], in: dir)
    #expect(quick.status == 75, "\(quick.summary)")
    // A hang guard, not a speed limit: a debug build writing 200 SVG and PNG pages on a loaded
    // two-core machine has taken over 120 s.
    let liveResult = live.wait(timeout: 600)
    #expect(liveResult.status == 0, "the live run failed: \(liveResult.summary)")
    #expect(temporaries(in: output).isEmpty)
    let pages = try FileManager.default.contentsOfDirectory(atPath: output + "/svg/full-report")
    #expect(
      pages.filter { $0.hasSuffix(".svg") }.count > 200, "the live run's pages are incomplete")
    #expect(runLocks(in: output).isEmpty, "run locks left: \(runLocks(in: output))")
  }

  /// A parallel run killed outright cannot stop its workers; each notices, removes its temporary
  /// files and ends (the run's lock is then free), and the next run removes what the parent left.
  @Test func aKilledParallelRunsWorkersStopAndLeaveNothing() throws {
    let dir = try temporaryDirectory("pmreport-killed-parallel")
    try InterruptTests.bigContent.get().write(
      toFile: dir + "/big.yml", atomically: true, encoding: .utf8)
    let output = dir + "/Output"
    let killed = try PMReportProcess(
      ["--content", "big.yml", "--format", "svg", "--format", "png", "--quiet", "--jobs", "2"],
      in: dir)
    try #require(waitForTemporaries(in: output, while: killed), "no write in flight seen")
    killed.send(SIGKILL)
    _ = killed.wait(timeout: 20)
    // The workers hold the run's lock with their parent; it is free once they are gone too,
    // within seconds.
    func held() -> [String] { runLocks(in: output).filter { isHeld(output + "/" + $0) } }
    let deadline = Date().addingTimeInterval(20)
    while !held().isEmpty, Date() < deadline { usleep(20_000) }
    #expect(held().isEmpty, "a worker outlived its run: \(held())")
    let next = try runPMReport(["--document", "charts", "--format", "pdf", "--quiet"], in: dir)
    #expect(next.status == 0, "\(next.summary)")
    #expect(temporaries(in: output).isEmpty, "left: \(temporaries(in: output))")
    #expect(runLocks(in: output).isEmpty, "run locks left: \(runLocks(in: output))")
  }

  /// The runs' lock files in `output` (`.pmreport-<token>.lock`; not the folder's own
  /// `.pmreport.lock`, which stays).
  func runLocks(in output: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter {
      $0.hasPrefix(".pmreport-") && $0.hasSuffix(".lock")
    }
  }

  /// Whether a process holds the lock on `path`.
  func isHeld(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return flock(fd, LOCK_EX | LOCK_NB) != 0
  }

  /// Temporary files and folders under `output`, by relative path.
  func temporaries(in output: String) -> [String] {
    let all = FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String } ?? []
    return all.filter { ($0 as NSString).lastPathComponent.contains(".tmp-") }.sorted()
  }

  /// Waits until `process` has a temporary under `output` that is not in `excluding`.
  func waitForTemporaries(
    in output: String, while process: PMReportProcess, excluding: [String] = []
  ) -> Bool {
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning && Date() < deadline {
      if temporaries(in: output).contains(where: { !excluding.contains($0) }) { return true }
      usleep(2_000)
    }
    return false
  }
}
