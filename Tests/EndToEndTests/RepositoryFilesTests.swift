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
    #expect(steps.contains { $0["run"]?.string?.contains("make handouts") == true })
    #expect(steps.contains { $0["uses"]?.string?.hasPrefix("actions/upload-artifact") == true })
  }
}
