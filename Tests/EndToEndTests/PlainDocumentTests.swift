import Foundation
import Testing

/// Markdown with no roles is a plain document: the report kinds render it; the kinds that compare
/// roles say they need them.
@Suite struct PlainDocumentTests {
  static let readme = """
    ---
    title: Project Notes
    ---

    A tool's README, written for people, with [a link](https://example.org/docs).

    # Install

    Run these commands:

    ```sh
    make handouts
    make test
    ```

    # Usage

    1. Write `content.md`.
    2. Run **pmreport**.

    | Option | Meaning |
    |---|---|
    | `--format` | pdf, svg, png or all |

    > Keep the output folder out of git.

    """

  @Test func aReadmeRendersAsADocument() throws {
    let dir = try temporaryDirectory("pmreport-plain")
    try Self.readme.write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--content", "README.md", "--output", "out"], in: dir)
    #expect(result.status == 0, "\(result.summary)")
    let text = try PDFText.pages(dir + "/out/pdf/full-report.pdf").joined(separator: "\n")
    let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for expected in [
      "Project Notes", "A tool's README, written for people, with a link.", "make handouts",
      "1. Write content.md.", "2. Run pmreport.", "--format pdf, svg, png or all",
      "Keep the output folder out of git.",
    ] {
      #expect(flat.contains(expected), "missing “\(expected)”")
    }
    // No roles, so no charts.
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/pdf/charts"))
  }

  @Test func askingAPlainDocumentForItsChartsIsADataError() throws {
    let dir = try temporaryDirectory("pmreport-plain-charts")
    try Self.readme.write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
    let result = try runPMReport(
      ["--content", "README.md", "--document", "charts", "--output", "out"], in: dir)
    #expect(result.status == 65)
    #expect(result.error.contains("charts need roles"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
  }

  @Test func roleCardsOfAPlainDocumentAreADataError() throws {
    let dir = try temporaryDirectory("pmreport-plain-cards")
    try Self.readme.write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
    try """
    content: README.md
    documents:
      - name: cards
        kind: role-cards
    """.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport([], in: dir)
    #expect(result.status == 65)
    #expect(result.error.contains("pmreport.yml:3:") && result.error.contains("needs roles"))
  }
}

/// A content path or an image path that names no file: where it was written, and the file meant.
@Suite struct MissingInputTests {
  @Test func aMissingContentFileIsPlacedInTheConfigWithADidYouMean() throws {
    let dir = try temporaryDirectory("pmreport-missing")
    try "# A\n\nText.\n".write(toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    try "content: contents.md\n".write(
      toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport([], in: dir)
    #expect(result.status == 66)
    // A positioned error starts with its place, like every diagnostic: no "pmreport: error:".
    #expect(
      result.error.hasPrefix("pmreport.yml:1:10: error: content file not found: contents.md"),
      "\(result.error)")
    #expect(result.error.contains("did you mean 'content.md'?"))
  }

  @Test func aMissingImageIsPlacedAtItsPathWithADidYouMean() throws {
    let dir = try temporaryDirectory("pmreport-missing-image")
    try FileManager.default.createDirectory(atPath: dir + "/img", withIntermediateDirectories: true)
    try "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>".write(
      toFile: dir + "/img/sprint_cycle.svg", atomically: true, encoding: .utf8)
    try "# A\n\nSee:\n\n![The cycle](img/sprint-cycle.svg)\n".write(
      toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--content", "content.md"], in: dir)
    #expect(result.status == 65)
    #expect(result.error.contains("content.md:5:14:"), "\(result.error)")
    #expect(result.error.contains("did you mean 'sprint_cycle.svg'?"))
  }
}
