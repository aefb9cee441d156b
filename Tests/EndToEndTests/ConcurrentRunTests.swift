import Foundation
import Storage
import Testing

/// Runs into one output folder: a full run holds it alone, shard runs share it with each other,
/// a second run waits (or, with `--no-wait`, exits 75), and the manifest always matches the files
/// beside it.
@Suite struct ConcurrentRunTests {
  /// Holds `Output/.pmreport.lock` as a run would (`exclusive`: a full run; else a shard run),
  /// with a token lock naming this process, until the value goes.
  final class HeldFolder {
    private let descriptors: [Int32]

    init(_ output: String, exclusive: Bool) throws {
      try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
      let folder = open(output + "/.pmreport.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      let token = open(
        output + "/.pmreport-\(getpid())-abc.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      try #require(folder >= 0 && token >= 0)
      try #require(flock(folder, exclusive ? LOCK_EX : LOCK_SH) == 0)
      try #require(flock(token, LOCK_SH) == 0)
      descriptors = [folder, token]
    }

    deinit {
      for fd in descriptors { close(fd) }
    }
  }

  /// A run started while another holds the folder says whom it waits for, writes nothing until
  /// the other is done, then runs.
  @Test func aSecondRunWaitsForTheRunHoldingTheFolder() throws {
    let dir = try temporaryDirectory("pmreport-wait")
    var held: HeldFolder? = try HeldFolder(dir + "/Output", exclusive: true)
    let waiting = try PMReportProcess(["--document", "charts", "--format", "pdf"], in: dir)
    let message = "waiting for pmreport (pid \(getpid())) on Output/"
    #expect(
      waiting.waitForError(containing: message), "no wait: \(waiting.errorSoFar.prefix(300))")
    #expect(waiting.isRunning, "the second run did not wait")
    #expect(!FileManager.default.fileExists(atPath: dir + "/Output/pdf"), "it wrote while waiting")
    held = nil
    _ = held
    let result = waiting.wait(timeout: 120)
    #expect(result.status == 0, "\(result.summary)")
    #expect(Self.count(message, in: result.error) == 1, "the message is printed once")
    #expect(FileManager.default.fileExists(atPath: dir + "/Output/manifest.json"))
  }

  /// With `--no-wait`, a run into a folder another run holds exits 75 (EX_TEMPFAIL) at once,
  /// naming the other run, and writes nothing.
  @Test func noWaitExitsWithTempfail() throws {
    let dir = try temporaryDirectory("pmreport-no-wait")
    let held = try HeldFolder(dir + "/Output", exclusive: true)
    let result = try runPMReport(
      ["--document", "charts", "--format", "pdf", "--no-wait"], in: dir, timeout: 60)
    withExtendedLifetime(held) {}
    #expect(result.status == 75, "\(result.summary)")
    #expect(result.error.contains("pid \(getpid())"), "\(result.error.prefix(300))")
    #expect(!FileManager.default.fileExists(atPath: dir + "/Output/pdf"))
  }

  /// Shard runs share the folder with each other, never with a full run.
  @Test func shardRunsShareTheFolderButNotWithAFullRun() throws {
    let dir = try ParallelRunTests.project()
    let held = try HeldFolder(dir + "/Output", exclusive: false)
    let shard = try runPMReport(
      [
        "--roster", "roster.csv", "--shard", "1/2", "--format", "pdf", "--jobs", "1", "--no-wait",
        "--quiet",
      ], in: dir)
    let full = try runPMReport(
      ["--document", "summary", "--format", "pdf", "--no-wait", "--quiet"], in: dir, timeout: 60)
    withExtendedLifetime(held) {}
    #expect(shard.status == 0, "the shard run did not share: \(shard.summary)")
    #expect(full.status == 75, "the full run did not wait for the shard: \(full.summary)")
  }

  /// A shard run that rewrites copies the full run listed, and a full run that rewrites copies a
  /// shard listed, leave no entry in either manifest that does not match its file.
  @Test func fullAndShardRunsKeepEachOthersManifestsTrue() throws {
    let dir = try ParallelRunTests.project()
    func roster(_ date: String) throws {
      try "name,date\nAna Souza,\(date)\nJosé Álvarez,\(date)\n".write(
        toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    }
    let arguments = [
      "--roster", "roster.csv", "--document", "certificate", "--format", "pdf", "--jobs", "1",
      "--quiet",
    ]
    try roster("1 May 2026")
    let full = try runPMReport(arguments, in: dir)
    try #require(full.status == 0, "\(full.summary)")
    try roster("2 May 2026")
    let shard = try runPMReport(arguments + ["--shard", "1/2"], in: dir)
    try #require(shard.status == 0, "\(shard.summary)")
    try Self.expectEveryEntryMatches(dir)
    try Self.expectEveryEntryMatches(dir, name: "manifest-1-of-2.json")
    try roster("3 May 2026")
    let again = try runPMReport(arguments, in: dir)
    try #require(again.status == 0, "\(again.summary)")
    try Self.expectEveryEntryMatches(dir)
    try Self.expectEveryEntryMatches(dir, name: "manifest-1-of-2.json")
  }

  /// A run of one document keeps the manifest entries of the others' files while those files
  /// still match; an entry whose file changed goes.
  @Test func aSubsetRunCarriesOverEntriesWhoseFilesStillMatch() throws {
    let dir = try temporaryDirectory("pmreport-subset-manifest")
    let full = try runPMReport(
      ["--document", "full-report", "--document", "charts", "--format", "pdf", "--quiet"], in: dir)
    try #require(full.status == 0, "\(full.summary)")
    let before = try Self.manifest(dir)
    #expect(before.keys.contains("pdf/full-report.pdf"))

    let subset = try runPMReport(["--document", "charts", "--format", "pdf", "--quiet"], in: dir)
    try #require(subset.status == 0, "\(subset.summary)")
    let after = try Self.manifest(dir)
    #expect(after == before, "a subset run dropped or changed entries")
    try Self.expectEveryEntryMatches(dir)

    // The report changed after it was listed: its entry no longer describes it, so it goes.
    let handle = try #require(FileHandle(forWritingAtPath: dir + "/Output/pdf/full-report.pdf"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("%changed\n".utf8))
    try handle.close()
    let again = try runPMReport(["--document", "charts", "--format", "pdf", "--quiet"], in: dir)
    try #require(again.status == 0, "\(again.summary)")
    #expect(try !Self.manifest(dir).keys.contains("pdf/full-report.pdf"))
    try Self.expectEveryEntryMatches(dir)
  }

  /// A run in which one document fails keeps the entries of that document's earlier files that
  /// are still there (manifest.json is never rewritten without them).
  @Test func aFailedDocumentsEarlierFilesStayListed() throws {
    let dir = try temporaryDirectory("pmreport-failed-manifest")
    let arguments = [
      "--document", "full-report", "--document", "charts", "--format", "pdf", "--format", "svg",
      "--quiet",
    ]
    let good = try runPMReport(arguments, in: dir)
    try #require(good.status == 0, "\(good.summary)")
    let before = try Self.manifest(dir)
    let pages = before.keys.filter { $0.hasPrefix("svg/full-report/") }
    try #require(!pages.isEmpty)

    // A folder where the report's PDF goes: its write fails, so its SVG pages are not rewritten.
    let pdf = dir + "/Output/pdf/full-report.pdf"
    try FileManager.default.removeItem(atPath: pdf)
    try FileManager.default.createDirectory(
      atPath: pdf + "/in-the-way", withIntermediateDirectories: true)
    let failed = try runPMReport(arguments, in: dir)
    #expect(failed.status == 73, "\(failed.summary)")
    let after = try Self.manifest(dir)
    #expect(pages.allSatisfy { after[$0] == before[$0] }, "the report's pages were dropped")
    #expect(after["pdf/full-report.pdf"] == nil)
    try Self.expectEveryEntryMatches(dir)
  }

  /// A run's PDF scratch files live in the output folder, not in the system's temporary folder
  /// (where a killed run's would stay forever): a run with no usable TMPDIR still writes.
  @Test func scratchFilesStayInTheOutputFolder() throws {
    let dir = try temporaryDirectory("pmreport-scratch")
    let result = try PMReportProcess(
      ["--document", "full-report", "--format", "pdf", "--quiet"], in: dir,
      environment: ["TMPDIR": dir + "/no-such-folder"]
    ).wait(timeout: 120)
    #expect(result.status == 0, "\(result.summary)")
    try Self.expectEveryEntryMatches(dir)
  }

  // MARK: - Helpers

  /// `Output/manifest.json`'s entries: path → sha256.
  static func manifest(_ dir: String, name: String = "manifest.json") throws -> [String: String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/Output/" + name))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let files = object?["files"] as? [[String: Any]] ?? []
    return Dictionary(
      files.compactMap { entry in
        (entry["path"] as? String).flatMap { path in (entry["sha256"] as? String).map { (path, $0) }
        }
      }, uniquingKeysWith: { first, _ in first })
  }

  /// Every entry of the manifest matches the file beside it.
  static func expectEveryEntryMatches(
    _ dir: String, name: String = "manifest.json", sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for (path, sha256) in try manifest(dir, name: name) {
      #expect(
        sha256Hex(ofFile: dir + "/Output/" + path) == sha256, "\(path) does not match its entry",
        sourceLocation: sourceLocation)
    }
  }

  /// The SHA-256 of the file at `path` as lower-case hex; nil when it cannot be read.
  static func sha256Hex(ofFile path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let hasher = SHA256()
    data.withUnsafeBytes { hasher.update($0) }
    return hasher.hexDigest()
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }
}
