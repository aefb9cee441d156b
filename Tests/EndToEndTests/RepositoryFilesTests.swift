import Foundation
import Testing
import Yams

/// Files of the repository that nothing else reads in the tests: they must at least parse.
@Suite struct RepositoryFilesTests {
  /// The repository root, found from this file's path.
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/",
      !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
    {
      url.deleteLastPathComponent()
    }
    return url
  }()

  @Test func theCIWorkflowParsesAsYAML() throws {
    let text = try String(
      contentsOf: Self.root.appendingPathComponent(".github/workflows/handouts.yml"),
      encoding: .utf8)
    let node = try #require(try Yams.compose(yaml: text))
    let jobs = try #require(node["jobs"]?["handouts"])
    #expect(jobs["container"]?.string?.hasPrefix("swift:6") == true)
    let steps = jobs["steps"]?.sequence ?? []
    // The project builds its handouts with its own action, as other repositories would.
    let own = try #require(steps.first { $0["uses"]?.string == "./" })
    #expect(own["with"]?["formats"]?.string == "all")
    #expect(steps.contains { $0["uses"]?.string?.hasPrefix("actions/upload-artifact") == true })
    // The shape cache is kept between runs, keyed by the OS and the inputs.
    let cache = try #require(steps.first { $0["uses"]?.string?.hasPrefix("actions/cache") == true })
    #expect(cache["with"]?["path"]?.string == ".pmreport-cache")
    #expect(cache["with"]?["key"]?.string?.contains("runner.os") == true)
    #expect(cache["with"]?["restore-keys"]?.string != nil)
    let ignored = try String(
      contentsOf: Self.root.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(ignored.split(separator: "\n").contains(".pmreport-cache/"))
  }

  @Test func theActionTakesAConfigAndFormatsAndBuildsPmreport() throws {
    let text = try String(
      contentsOf: Self.root.appendingPathComponent("action.yml"), encoding: .utf8)
    let node = try #require(try Yams.compose(yaml: text))
    #expect(node["runs"]?["using"]?.string == "composite")
    #expect(node["inputs"]?["config"]?["default"]?.string == "pmreport.yml")
    #expect(node["inputs"]?["formats"]?["default"]?.string == "pdf")
    let runs = (node["runs"]?["steps"]?.sequence ?? []).compactMap { $0["run"]?.string }
    #expect(runs.contains { $0.contains("make -C \"$GITHUB_ACTION_PATH\"") })
    #expect(runs.contains { $0.contains(".build/release/pmreport") })
  }

  @Test func theReleaseWorkflowAttachesAStaticBinaryAndItsChecksum() throws {
    let text = try String(
      contentsOf: Self.root.appendingPathComponent(".github/workflows/release.yml"),
      encoding: .utf8)
    let node = try #require(try Yams.compose(yaml: text))
    let steps = node["jobs"]?["linux-x86_64"]?["steps"]?.sequence ?? []
    #expect(steps.contains { $0["run"]?.string?.contains("make build") == true })
    #expect(steps.contains { $0["run"]?.string?.contains("sha256sum") == true })
    // make build links the Swift runtime in.
    let makefile = try String(
      contentsOf: Self.root.appendingPathComponent("Makefile"), encoding: .utf8)
    #expect(makefile.contains("--static-swift-stdlib"))
  }
}
