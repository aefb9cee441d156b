import Foundation
import ReportModel
import Testing

/// Running headers on small paper and the comparison table's type, read back from the PDF.
@Suite(.serialized) struct HeaderAndTableFitTests {
  /// The words of each page's running header right of its widest gap (the section part), for
  /// the pages that have a header; page 1 carries the title block.
  static func headerSections(_ pdf: String, ruleY: Double) throws -> [Int: [String]] {
    let (words, _) = try PDFText.words(pdf)
    var out: [Int: [String]] = [:]
    for page in Set(words.map(\.page)).sorted() where page > 1 {
      let header = words.filter { $0.page == page && $0.y1 < ruleY }.sorted { $0.x0 < $1.x0 }
      guard header.count > 1 else { continue }
      let gaps = zip(header, header.dropFirst()).map { $1.x0 - $0.x1 }
      let widest = gaps.indices.max { gaps[$0] < gaps[$1] } ?? 0
      out[page] = header[(widest + 1)...].map(\.text)
    }
    return out
  }

  @Test func anA5HeaderShowsMoreOfItsSectionThanANumber() throws {
    let out = try temporaryDirectory("pmreport-a5-headers")
    let result = try runPMReport(
      ["--document", "full-report", "--page-size", "a5", "--format", "pdf", "--output", out],
      in: PersonalisedTests.root)
    #expect(result.status == 0, "\(result.error)")
    // classic: the text area starts 72 pt down; the header's rule 1.4 small ems above it.
    let sections = try Self.headerSections(out + "/pdf/full-report.pdf", ruleY: 72 - 8 * 1.4)
    #expect(sections.count > 20)
    // A section cut short keeps its number and two words at least ("3 Key…" before).
    for (page, words) in sections.sorted(by: { $0.key < $1.key })
    where words.last?.hasSuffix("…") == true {
      #expect(words.dropFirst().count >= 2, "page \(page): \(words.joined(separator: " "))")
    }
  }

  @Test func anA5HeaderUsesTheSectionsShortTitle() throws {
    let dir = try temporaryDirectory("pmreport-short-title")
    let section = Section(
      id: "long-one",
      title: "A Very Long Section Title That No Running Header On A5 Paper Could Ever Hold",
      shortTitle: "Long one",
      blocks: Array(
        repeating: .paragraph(RichText(String(repeating: "Words of text. ", count: 60))), count: 8))
    let arguments = try ContentFixture.write([section], document: "sheet", in: dir)
    let result = try runPMReport(arguments + ["--page-size", "a5"], in: dir)
    #expect(result.status == 0, "\(result.error)")
    let sections = try Self.headerSections(dir + "/out/pdf/sheet.pdf", ruleY: 72 - 8 * 1.4)
    #expect(!sections.isEmpty)
    for (page, words) in sections {
      #expect(words == ["Long", "one"], "page \(page)")
    }
  }

  /// A comparison whose summary table has three short rows.
  static let shortTable = Section(
    id: "short-table", title: "Shorttabletitle",
    blocks: [
      .roleTable(
        RoleTable(
          aspectHeader: "Aspect",
          rows: (1...3).map {
            RoleRow(
              label: "Row \($0)", business: RichText("Business cell \($0)."),
              technical: RichText("Technical cell \($0)."))
          }))
    ])

  /// The height of the tallest box of the word `text` (its font's ascent and descent).
  static func height(of text: String, in words: [PDFWord]) throws -> Double {
    try #require(words.filter { $0.text == text }.map { $0.y1 - $0.y0 }.max())
  }

  @Test func aShortComparisonTableGrowsToTheCeiling() throws {
    let dir = try temporaryDirectory("pmreport-short-table")
    try ContentFixture.yaml(adding: [Self.shortTable]).write(
      toFile: dir + "/content.yml", atomically: true, encoding: .utf8)
    try """
    documents:
      - name: glance
        kind: comparison-table
        title: Glance
        orientation: landscape

    """.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(
      ["--content", "content.yml", "--format", "pdf", "--output", "out"], in: dir)
    #expect(result.status == 0, "\(result.error)")
    let (words, sizes) = try PDFText.words(dir + "/out/pdf/glance.pdf")
    #expect(sizes.count == 1)
    // The title and the table's header row are both bold Noto Sans: their heights are in the
    // ratio of their sizes (the title at h1-size, 15 pt in classic).
    let headerSize =
      15 * (try Self.height(of: "Aspect", in: words)) / (try Self.height(of: "Glance", in: words))
    #expect(abs(headerSize - 14) < 0.3, "the table is set at \(headerSize) pt")
  }

  @Test func theShippedComparisonTableFillsItsPage() throws {
    let out = try temporaryDirectory("pmreport-shipped-table")
    let result = try runPMReport(
      ["--document", "comparison-table", "--format", "pdf", "--output", out],
      in: PersonalisedTests.root)
    #expect(result.status == 0, "\(result.error)")
    let (words, sizes) = try PDFText.words(out + "/pdf/comparison-table.pdf")
    #expect(sizes.count == 1, "one page")
    // A4 landscape, classic margins: the text area runs from 72 to 523.3 pt down the page.
    let bodyBottom = 595.2756 - 72
    let lowest = words.filter { $0.y1 < bodyBottom }.map(\.y1).max() ?? 0
    // At 9 pt it ended 46 pt short; a quarter point more would now take a second page.
    #expect(lowest > bodyBottom - 30, "the table ends at \(lowest)")
  }
}
