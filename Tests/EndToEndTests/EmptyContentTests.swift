import Foundation
import Testing

/// A content file with no text is an error at that file, not a blank PDF; a document whose
/// sections the content lacks names the content file that lacks them.
@Suite struct EmptyContentTests {
  @Test func anEmptyMarkdownFileIsAnErrorAtIt() throws {
    let dir = try temporaryDirectory("empty-content")
    try "".write(toFile: dir + "/vacio.md", atomically: true, encoding: .utf8)
    try " \n\n\t\n".write(toFile: dir + "/blank.yml", atomically: true, encoding: .utf8)
    for file in ["vacio.md", "blank.yml"] {
      for arguments in [["check", "--content", file], ["--content", file, "--output", "out"]] {
        let r = try runPMReport(arguments, in: dir)
        #expect(r.status == 65, "\(arguments): \(r.summary)")
        #expect(
          r.error.hasPrefix("\(file):1:1: error: the content file holds no text"), "\(r.error)")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
  }

  @Test func anEmptyContentFileInAProjectIsReportedAtItNotAtTheConfig() throws {
    let dir = try projectFolder(
      "empty-project",
      config:
        "content: content.md\ndocuments:\n  - name: faq\n    kind: report\n    sections: [faq]\n")
    try "\n".write(toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    let r = try runPMReport(["check"], in: dir)
    #expect(r.status == 65, "\(r.summary)")
    #expect(r.error.hasPrefix("content.md:1:1: error:"), "\(r.error)")
    #expect(!r.error.contains("pmreport.yml"), "\(r.error)")
  }

  @Test func anIntroductionAloneIsValid() throws {
    let dir = try temporaryDirectory("intro-only")
    try "Just a few words of introduction.\n".write(
      toFile: dir + "/intro.md", atomically: true, encoding: .utf8)
    let r = try runPMReport(["check", "--content", "intro.md"], in: dir)
    #expect(r.status == 0, "\(r.summary)")
  }

  @Test func missingSectionsNameTheContentFile() throws {
    let dir = try projectFolder(
      "missing-sections",
      config: "content: content.md\ndocuments:\n  - name: summary\n    kind: report\n"
        + "    sections: [key-differences, summary]\n")
    try "# Other {#other}\n\nWords.\n".write(
      toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    let r = try runPMReport(["check"], in: dir)
    #expect(r.status == 65, "\(r.summary)")
    #expect(
      r.error.contains(
        "pmreport.yml:5:16: error: documents[0].sections[0]: no section has the id "
          + "'key-differences' in content.md"), "\(r.error)")
    #expect(r.error.contains("no section has the id 'summary' in content.md"), "\(r.error)")
  }
}
