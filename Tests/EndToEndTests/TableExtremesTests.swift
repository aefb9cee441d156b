import ContentFixtures
import Foundation
import ReportModel
import Testing

/// Degenerate and huge content renders: a section with no blocks, a table with no rows, and a
/// 500-row table whose header repeats on every page it spans.
@Suite(.serialized) struct TableExtremesTests {
  static let rowCount = 500
  /// Unique, unhyphenatable tokens, so each is found exactly where it is printed.
  static func rowLabel(_ i: Int) -> String { "Row\(String(i).leftPadded(4))Q" }
  static let bigHeader = "Bigtableheader"
  static let emptyHeader = "Emptytableheader"

  static let sections = [
    Section(id: "empty-section", title: "Emptysectiontitle", blocks: []),
    Section(
      id: "empty-table", title: "Emptytabletitle",
      blocks: [
        .roleTable(RoleTable(aspectHeader: emptyHeader, rows: []))
      ]),
    Section(
      id: "big-table", title: "Bigtabletitle",
      blocks: [
        .roleTable(
          RoleTable(
            aspectHeader: bigHeader,
            rows: (1...rowCount).map {
              RoleRow(
                label: rowLabel($0), business: RichText("Business cell \($0)."),
                technical: RichText("Technical cell \($0)."))
            }))
      ]),
  ]

  static let rendered: Result<(ExecutableRun, [String]), any Error> = Result {
    let dir = try temporaryDirectory("pmreport-tables")
    let arguments = try ContentFixture.write(sections, document: "tables", in: dir)
    let result = try runPMReport(arguments, in: dir)
    let pdf = dir + "/out/pdf/tables.pdf"
    return (result, FileManager.default.fileExists(atPath: pdf) ? try PDFText.pages(pdf) : [])
  }

  @Test func emptySectionAndEmptyTableRender() throws {
    let (result, pages) = try Self.rendered.get()
    #expect(result.status == 0, "\(result.summary)")
    let text = pages.joined(separator: "\n")
    #expect(text.contains("Emptysectiontitle"))
    #expect(text.contains("Emptytabletitle"))
    #expect(text.contains("Bigtabletitle"))
  }

  @Test func everyRowLabelAppearsOnce() throws {
    let (_, pages) = try Self.rendered.get()
    let text = pages.joined(separator: "\n")
    let missing = (1...Self.rowCount).filter { PDFText.count(Self.rowLabel($0), in: text) != 1 }
    #expect(missing.isEmpty, "rows missing or doubled: \(missing.prefix(10))")
  }

  @Test func theHeaderRepeatsOnEveryPageTheTableSpans() throws {
    let (_, pages) = try Self.rendered.get()
    // The pages holding at least one row of the big table.
    let spanned = pages.indices.filter { p in
      (1...Self.rowCount).contains { pages[p].contains(Self.rowLabel($0)) }
    }
    #expect(spanned.count >= 5, "500 rows should take several pages, got \(spanned.count)")
    for p in spanned {
      #expect(
        PDFText.count(Self.bigHeader, in: pages[p]) == 1,
        "page \(p + 1): header printed \(PDFText.count(Self.bigHeader, in: pages[p])) times")
    }
    // The rows come in order: each page starts after the previous one ends.
    var last = 0
    for p in spanned {
      let here = (1...Self.rowCount).filter { pages[p].contains(Self.rowLabel($0)) }
      #expect(
        here.first == last + 1,
        "page \(p + 1) starts at row \(here.first ?? -1), expected \(last + 1)")
      last = here.last ?? last
    }
    #expect(last == Self.rowCount)
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
