import Foundation
import Testing

/// A table with more columns than its page holds is an error for its document, at its line, with
/// the most columns that fit; the run's other documents are written.
@Suite struct WideTableTests {
  /// A Markdown table of `columns` columns (its header on line 11), in section `data`; section
  /// `other` holds text only.
  static func content(columns: Int) -> String {
    let cells = (1...columns).map { "c\($0)" }
    return "---\ntitle: Wide\n---\n\nIntro.\n\n# Data\n\nBefore.\n\n"
      + "|" + cells.joined(separator: "|") + "|\n"
      + "|" + Array(repeating: "-", count: columns).joined(separator: "|") + "|\n"
      + "|" + (1...columns).map(String.init).joined(separator: "|") + "|\n"
      + "\n# Other\n\nText.\n"
  }

  static let config = """
    content: content.md
    formats: [pdf]
    output: Output
    documents:
      - name: wide
        kind: report
      - name: other
        kind: report
        sections: [other]

    """

  func run(columns: Int) throws -> (ExecutableRun, String) {
    let dir = try temporaryDirectory("pmreport-wide-table")
    try Self.content(columns: columns).write(
      toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    try Self.config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    return (try runPMReport([], in: dir), dir)
  }

  @Test func aTableTooWideForThePageIsAnErrorForItsDocumentAtItsLine() throws {
    let (result, dir) = try run(columns: 5_000)
    #expect(result.status == 65, "\(result.error)")
    let message = try #require(
      result.error.split(separator: "\n").first { $0.contains("content.md:11:") })
    // At its place, as every positioned error: FILE:LINE:COL: error: DOCUMENT: …
    #expect(
      message.contains("content.md:11:1: error: wide: a table of 5000 columns is too wide"),
      "\(message)")
    let fitting = try #require(
      message.firstMatch(of: /at most (\d+) columns/).flatMap { Int($0.1) })
    #expect((5...60).contains(fitting), "\(message)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/Output/pdf/wide.pdf"))
    #expect(FileManager.default.fileExists(atPath: dir + "/Output/pdf/other.pdf"))
  }

  @Test func aTableOfTheMostColumnsThatFitIsSet() throws {
    let (tooWide, _) = try run(columns: 5_000)
    let fitting = try #require(
      tooWide.error.firstMatch(of: /at most (\d+) columns/).flatMap { Int($0.1) })
    let (result, dir) = try run(columns: fitting)
    #expect(result.status == 0, "\(result.error)")
    #expect(FileManager.default.fileExists(atPath: dir + "/Output/pdf/wide.pdf"))
  }
}
