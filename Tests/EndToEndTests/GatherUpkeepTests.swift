import Foundation
import Testing

/// `pmreport gather` beside the runs of its folders: it says whom it waits for, names a damaged
/// manifest's bad value by its key path, and a shard run after it keeps its entries of other
/// folders.
@Suite struct GatherUpkeepTests {
  /// A gather started while a run holds the output folder says once whom it waits for, as a run
  /// does, and goes on once the folder is free.
  @Test func gatherSaysWhomItWaitsFor() throws {
    let dir = try GatherTests.project()
    var held: ConcurrentRunTests.HeldFolder? = try ConcurrentRunTests.HeldFolder(
      dir + "/Output", exclusive: true)
    let gather = try PMReportProcess(["gather", "Output", "--roster", "roster.csv"], in: dir)
    let message = "waiting for pmreport (pid \(getpid())) on Output/"
    #expect(gather.waitForError(containing: message), "no wait: \(gather.errorSoFar.prefix(300))")
    #expect(gather.isRunning, "gather did not wait")
    held = nil
    _ = held
    let result = gather.wait(timeout: 60)
    // The folder holds no shard manifest: exit 66, once the folder was free.
    #expect(result.status == 66, "\(result.summary)")
    #expect(ConcurrentRunTests.count(message, in: result.error) == 1, "\(result.error)")
  }

  /// A shard manifest with a participant's line that is no number is refused with one line
  /// naming the file, the place, the key path and what was expected, not Swift's DecodingError.
  @Test func aDamagedManifestNamesTheKeyPathAndWhatWasExpected() throws {
    let dir = try GatherTests.project()
    try GatherTests.shard(1, of: 2, in: dir)
    let path = dir + "/Output/manifest-1-of-2.json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let number = try #require(text.firstMatch(of: /"line" : \d+/))
    try text.replacingCharacters(in: number.range, with: #""line" : "three""#)
      .write(toFile: path, atomically: true, encoding: .utf8)
    let gather = try runPMReport(["gather", "Output", "--roster", "roster.csv"], in: dir)
    #expect(gather.status == 65, "\(gather.summary)")
    let line = text[..<number.range.lowerBound].count { $0 == "\n" } + 1
    #expect(gather.error.contains("Output/manifest-1-of-2.json:\(line):"), "\(gather.error)")
    #expect(
      gather.error.contains(
        ": error: files[0].participant.line: expected a whole number, found the text 'three'"),
      "\(gather.error)")
    #expect(!gather.error.contains("DecodingError"), "\(gather.error)")
  }

  /// A shard manifest that cannot be read is named with the reason, as a missing input is
  /// (exit 66), not told "empty": a folder in its place (which fails as root too, as in CI) and,
  /// when not root, a file no one may read.
  @Test func anUnreadableManifestIsNamedWithTheReason() throws {
    let dir = try GatherTests.project()
    let path = dir + "/Output/manifest-1-of-2.json"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let folder = try runPMReport(["gather", "Output", "--roster", "roster.csv"], in: dir)
    #expect(folder.status == 66, "\(folder.summary)")
    #expect(
      folder.error.contains("shard manifest Output/manifest-1-of-2.json is a folder"),
      "\(folder.error)")
    #expect(!folder.error.contains("empty"), "\(folder.error)")
    guard getuid() != 0 else { return }
    try FileManager.default.removeItem(atPath: path)
    try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
    #expect(chmod(path, 0) == 0)
    defer { chmod(path, 0o644) }
    let locked = try runPMReport(["gather", "Output", "--roster", "roster.csv"], in: dir)
    #expect(locked.status == 66, "\(locked.summary)")
    #expect(
      locked.error.contains(
        "shard manifest Output/manifest-1-of-2.json cannot be read: Permission denied"),
      "\(locked.error)")
  }

  /// Shards in two folders gathered into the first; shard 1 run again there keeps the gathered
  /// manifest's entries of the second folder's copies (`../Second/…`): it wrote nothing there.
  @Test func aShardRunAfterGatherKeepsTheEntriesOfOtherFolders() throws {
    let dir = try GatherTests.project()
    try GatherTests.shard(1, of: 2, in: dir)
    try GatherTests.shard(2, of: 2, in: dir, output: "Second")
    let gather = try runPMReport(["gather", "Output", "Second", "--roster", "roster.csv"], in: dir)
    try #require(gather.status == 0, "\(gather.summary)")
    let gathered = try GatherTests.entries(dir + "/Output/manifest.json")
    #expect(gathered.count == 6)
    try GatherTests.shard(1, of: 2, in: dir)
    let after = try GatherTests.entries(dir + "/Output/manifest.json")
    #expect(Set(after.keys) == Set(gathered.keys), "\(after.keys.sorted())")
    #expect(after.keys.filter { $0.hasPrefix("../Second/") }.count == 3)
  }
}
