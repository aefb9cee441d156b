import Foundation
import Testing
import TextShaping

/// The shape cache as a user meets it: where it lives, that it changes no output byte, and that
/// runs sharing it at once leave it intact.
@Suite(.serialized) struct ShapeCacheCLITests {
  func pmreport(_ arguments: [String], in directory: String) throws -> ExecutableRun {
    try PMReportProcess(arguments, in: directory).wait(timeout: 300)
  }

  /// The cache's pack files in `folder`, each with its modification time in nanoseconds.
  func packs(_ folder: String) -> [String: Int64] {
    var out: [String: Int64] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    where name.hasSuffix(".pmrpack") && !name.hasPrefix(".") {
      var st = stat()
      if stat(folder + "/" + name, &st) == 0 {
        out[name] = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
      }
    }
    return out
  }

  /// Every output file is the same with no cache, a cold cache and a warm one.
  @Test func everyDocumentIsTheSameWithoutACacheColdAndWarm() throws {
    let dir = try temporaryDirectory("pmreport-shape-cache")
    let arguments = ["--format", "all", "--dpi", "40", "--quiet", "--output"]
    let uncached = try pmreport(arguments + ["none", "--no-cache"], in: dir)
    #expect(uncached.status == 0, "\(uncached.error)")
    let folder = dir + "/.pmreport-cache"
    #expect(!FileManager.default.fileExists(atPath: folder), "--no-cache wrote a cache folder")
    let cold = try pmreport(arguments + ["cold"], in: dir)
    #expect(cold.status == 0, "\(cold.error)")
    let written = packs(folder)
    #expect(!written.isEmpty)
    let stored = ShapeCache(folder: folder, identity: ShapeCacheIdentity(program: "")).check()
    #expect(stored.intact > 100)
    let warm = try pmreport(arguments + ["warm"], in: dir)
    #expect(warm.status == 0, "\(warm.error)")
    // Every paragraph was found: nothing was written again, no pack touched.
    #expect(packs(folder) == written)
    let check = ShapeCache(folder: folder, identity: ShapeCacheIdentity(program: "")).check()
    #expect(check.damaged.isEmpty)
    #expect(check.intact == stored.intact)
    let cli = CLITests()
    let expected = cli.files(under: dir + "/none")
    #expect(expected.count > 20)
    for name in ["cold", "warm"] {
      let got = cli.files(under: dir + "/" + name)
      #expect(Set(got.keys) == Set(expected.keys))
      for (path, data) in expected { #expect(got[path] == data, "\(name): \(path) differs") }
    }
  }

  @Test func theCacheOptionPicksTheFolderAndTheConfigsFolderIsTheDefault() throws {
    let dir = try temporaryDirectory("pmreport-shape-cache")
    let project = try pmreport(
      ["init", "project", "--role", "Scrum Master", "--role", "Owner"], in: dir)
    #expect(project.status == 0, "\(project.error)")
    let chosen = try pmreport(
      [
        "--cache", "shapes", "--document", "full-report", "--format", "pdf", "--output", "a",
        "--quiet",
      ], in: dir)
    #expect(chosen.status == 0, "\(chosen.error)")
    #expect(!packs(dir + "/shapes").isEmpty)
    // -v says what the cache did: the second run finds everything.
    let again = try pmreport(
      ["--cache", "shapes", "--document", "full-report", "--format", "pdf", "--output", "a", "-v"],
      in: dir)
    #expect(again.status == 0, "\(again.error)")
    #expect(again.error.contains("shape cache shapes: "), "\(again.error)")
    #expect(again.error.contains(" 0 shaped, 0 stored"), "\(again.error)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/.pmreport-cache"))
    let beside = try pmreport(
      ["--config", "project/pmreport.yml", "--format", "pdf", "--output", "b", "--quiet"],
      in: dir)
    #expect(beside.status == 0, "\(beside.error)")
    #expect(!packs(dir + "/project/.pmreport-cache").isEmpty)
    #expect(!FileManager.default.fileExists(atPath: dir + "/.pmreport-cache"))
    let both = try pmreport(["--cache", "x", "--no-cache"], in: dir)
    #expect(both.status == 64)
  }

  /// Workers write what they shaped in packs of their own when they are done: a second run with
  /// workers shapes and writes nothing. (Which process builds which unit depends on the
  /// scheduler: on a loaded machine the parent may build every unit before a worker has started,
  /// so the number of packs is not fixed; what the second run reports is.)
  @Test func workersStoreWhatTheyShape() throws {
    let dir = try temporaryDirectory("pmreport-shape-cache")
    let arguments = [
      "--document", "full-report", "--format", "all", "--dpi", "40", "--jobs", "2",
      "--cache", "shapes", "--output",
    ]
    let cold = try pmreport(arguments + ["a", "--quiet"], in: dir)
    #expect(cold.status == 0, "\(cold.error)")
    let written = packs(dir + "/shapes")
    #expect(!written.isEmpty)
    let warm = try pmreport(arguments + ["b", "-v"], in: dir)
    #expect(warm.status == 0, "\(warm.error)")
    #expect(warm.error.contains(" 0 shaped, 0 stored"), "\(warm.error)")
    #expect(packs(dir + "/shapes") == written)
  }

  @Test func aCacheThatCannotBeWrittenIsOneWarningAndTheRunSucceeds() throws {
    let dir = try temporaryDirectory("pmreport-shape-cache")
    try Data("not a folder".utf8).write(to: URL(fileURLWithPath: dir + "/blocked"))
    let run = try pmreport(
      ["--cache", "blocked", "--document", "full-report", "--format", "pdf", "--output", "out"],
      in: dir)
    #expect(run.status == 0, "\(run.error)")
    #expect(run.error.components(separatedBy: "shape cache:").count == 2, "\(run.error)")
    #expect(FileManager.default.fileExists(atPath: dir + "/out/pdf/full-report.pdf"))
  }

  /// Two runs at once on one cache folder: both succeed with the same bytes, and every entry is intact.
  @Test func twoRunsAtOnceShareTheCacheSafely() throws {
    let dir = try temporaryDirectory("pmreport-shape-cache")
    let common = ["--document", "full-report", "--format", "pdf"]
    let runs = try ["a", "b"].map {
      try PMReportProcess(common + ["--cache", "shared", "--output", $0, "-v"], in: dir)
    }
    let results = runs.map { $0.wait(timeout: 300) }
    for result in results { #expect(result.status == 0, "\(result.error)") }
    let check = ShapeCache(folder: dir + "/shared", identity: ShapeCacheIdentity(program: ""))
      .check()
    #expect(check.intact > 100)
    #expect(check.damaged.isEmpty)
    // Each run that stored entries wrote a pack of its own (a run that started after the other
    // had written found every paragraph and stored none).
    let storing = results.filter { !$0.error.contains(" 0 stored") }
    #expect(!storing.isEmpty)
    #expect(packs(dir + "/shared").count >= storing.count, "\(results.map(\.error))")
    let reference = try pmreport(common + ["--no-cache", "--output", "c", "--quiet"], in: dir)
    #expect(reference.status == 0, "\(reference.error)")
    let cli = CLITests()
    let expected = cli.files(under: dir + "/c/pdf")
    #expect(!expected.isEmpty)
    for name in ["a", "b"] {
      #expect(cli.files(under: dir + "/\(name)/pdf") == expected, "\(name)")
    }
  }
}
