import Foundation
import PMReportKit
import ReportModel
import Testing

/// Reads the laid-out full report back (`pdftotext -bbox-layout`, `qpdf --json`) and checks geometry.
@Suite(.serialized) struct LayoutReadBackTests {
  @Test func everyWordLiesInsideThePrintableArea() throws {
    let (words, sizes) = try PDFText.words(try RenderedReport.pdf())
    #expect(words.count > 2000)
    // Printable area: the page less a 24 pt border (running header and footer sit in the margins).
    let outside = words.filter { w in
      let size = sizes[w.page] ?? (0, 0)
      return w.x0 < 24 || w.y0 < 24 || w.x1 > size.width - 24 || w.y1 > size.height - 24
    }
    #expect(outside.isEmpty, "outside: \(outside.prefix(3).map(\.text))")
  }

  @Test func noTwoWordsOverlap() throws {
    let clashes = PDFText.overlaps(try PDFText.words(try RenderedReport.pdf()).words)
    #expect(clashes.isEmpty, "\(clashes.prefix(5))")
  }

  /// The page text of each page, split at form feeds.
  func pages() throws -> [[String]] {
    let text = try run("pdftotext", ["-layout", "-enc", "UTF-8", try RenderedReport.pdf(), "-"])
      .output
    return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
      $0.split(separator: "\n").map {
        $0.split(whereSeparator: { $0 == " " }).joined(separator: " ")
      }
    }
  }

  @Test func contentsPageNumbersAreWhereTheHeadingsStand() throws {
    let pages = try pages()
    let sections = try Comparison.builtIn.sections
    var checked = 0
    for (i, section) in sections.enumerated() {
      let number = "\(i + 1)"
      let heading = "\(number) \(section.title)"
      // The contents line: "N Title … page" (the title may wrap; match its start and take the last number).
      guard
        let tocPage = pages.firstIndex(where: { $0.contains { $0.hasPrefix(heading.prefix(30)) } }),
        let line = pages[tocPage].first(where: { $0.hasPrefix(heading.prefix(30)) })
      else {
        Issue.record("no contents line for \(heading)")
        continue
      }
      let linesFrom = pages[tocPage].drop { $0 != line }
      guard
        let numbered = linesFrom.first(where: {
          $0.split(separator: " ").last.map { Int($0) != nil } ?? false
        }),
        let listed = numbered.split(separator: " ").last.flatMap({ Int($0) })
      else {
        Issue.record("no page number for \(heading)")
        continue
      }
      // The heading itself: the same words, on a page after the contents.
      let standsOn = pages.indices.first { p in
        p > tocPage && pages[p].contains { $0.hasPrefix(heading.prefix(30)) }
      }
      #expect(
        standsOn.map { $0 + 1 } == listed,
        "\(heading): contents says \(listed), stands on \(standsOn.map { $0 + 1 } ?? -1)")
      checked += 1
    }
    #expect(checked == sections.count)
  }

  @Test func theOutlineHasOneEntryPerHeading() throws {
    let json = try run("qpdf", ["--json", "--json-key=outlines", try RenderedReport.pdf()]).output
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    func count(_ items: [[String: Any]]) -> Int {
      items.reduce(0) { $0 + 1 + count(($1["kids"] as? [[String: Any]]) ?? []) }
    }
    let outlines = (object?["outlines"] as? [[String: Any]]) ?? []
    #expect(try count(outlines) == Comparison.builtIn.allSections.count)
    #expect(try outlines.count == Comparison.builtIn.sections.count)
  }
}
