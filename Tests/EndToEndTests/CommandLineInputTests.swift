import Foundation
import Testing

/// What the command line reads and how it says what is wrong: `export-content` prints the
/// project's content, a value that is none of an option's choices gets a did-you-mean, a
/// positioned error starts with its place.
@Suite struct CommandLineInputTests {
  /// A project in `dir/project` whose content has a section no other content has.
  func project() throws -> String {
    let dir = try temporaryDirectory("cli-inputs")
    try FileManager.default.createDirectory(
      atPath: dir + "/project", withIntermediateDirectories: true)
    try "content: content.md\n".write(
      toFile: dir + "/project/pmreport.yml", atomically: true, encoding: .utf8)
    try "# Our own section {#ours}\n\nA sentence only this project has.\n".write(
      toFile: dir + "/project/content.md", atomically: true, encoding: .utf8)
    return dir
  }

  @Test func exportContentPrintsTheProjectsContent() throws {
    let dir = try project()
    let builtIn = try runPMReport(["export-content"], in: dir)
    #expect(builtIn.status == 0, "\(builtIn.summary)")
    for (arguments, folder) in [
      ([], "/project"), (["--config", "project/pmreport.yml"], ""),
      (["--config", "pmreport.yml", "--format", "markdown"], "/project"),
    ] {
      let r = try runPMReport(["export-content"] + arguments, in: dir + folder)
      #expect(r.status == 0, "\(arguments): \(r.summary)")
      #expect(r.output.contains("A sentence only this project has."), "\(arguments)")
      #expect(r.output != builtIn.output)
    }
  }

  @Test func anOptionsValueGetsADidYouMean() throws {
    let dir = try project()
    for (arguments, suggestion) in [
      (["--page-size", "A4"], "did you mean 'a4'?"), (["--format", "PDF"], "did you mean 'pdf'?"),
      (["--pdf-standard", "ua1"], "did you mean 'ua-1'?"),
      (["--diagnostics", "githb"], "did you mean 'github'?"),
      (["export-content", "--format", "markdwn"], "did you mean 'markdown'?"),
      (["watch", "--page-size", "leter"], "did you mean 'letter'?"),
    ] {
      let r = try runPMReport(arguments, in: dir + "/project")
      #expect(r.status == 64, "\(arguments): \(r.summary)")
      #expect(r.error.contains(suggestion), "\(arguments): \(r.error)")
    }
  }

  @Test func noSuchDocumentListsEachDocumentOnce() throws {
    let dir = try project()
    // The built-in content, which has charts to draw.
    try "documents:\n  - name: full-report\n  - name: charts\n    kind: charts\n".write(
      toFile: dir + "/project/pmreport.yml", atomically: true, encoding: .utf8)
    let r = try runPMReport(["--document", "chart", "--output", "out"], in: dir + "/project")
    #expect(r.status == 64, "\(r.summary)")
    #expect(r.error.contains("did you mean 'charts'?"), "\(r.error)")
    #expect(r.error.contains("the config defines: full-report, charts\n"), "\(r.error)")
  }

  @Test func aRemoteImageIsReportedAtItsURL() throws {
    let dir = try project()
    try "# Ours {#ours}\n\nWords.\n\n![Logo](https://example.com/logo.png)\n".write(
      toFile: dir + "/project/content.md", atomically: true, encoding: .utf8)
    let r = try runPMReport(["check"], in: dir + "/project")
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.hasPrefix("content.md:5:9: error:"), "\(r.error)")
  }
}
