import Frames
import Geometry
import Pagination
import TestSupport
import Testing
import TextShaping

/// Where tables and short code blocks may break: never leaving a single row or a couple of lines
/// alone on a page.
@Suite struct SplitRulesTests {
  let fake = FakeMeasurer()
  /// 12 lines of 10 pt a page.
  let page = Size(width: 200, height: 120)

  /// Rows of 1 line each: 10 pt text + 2 × 4 pt padding = 18 pt a row; the header is 18 pt too.
  func table(rows: Int) -> TableBlock {
    TableBlock(
      columnWidths: [60, 140],
      header: TableRow(cells: [TableCell(lines: fake.lines(1, prefix: "H"))]),
      rows: (0..<rows).map {
        TableRow(cells: [TableCell(lines: fake.lines(1, prefix: "r\($0)-"))])
      },
      appearance: TableAppearance(paddingX: 5, paddingY: 4))
  }

  func rowsByPage(_ pages: [PageBody]) -> [[String]] {
    pages.map { $0.lineTexts.filter { $0.hasPrefix("r") } }
  }

  @Test func aThreeRowTableMovesWholeRatherThanLeaveOneRow() {
    // 5 lines (50 pt) leave 70 pt: the header and 2 rows (54 pt) fit, the third (18 pt) does not.
    let (pages, _) = Paginator(bodySize: page).paginate([
      ParagraphBlock(lines: fake.lines(5)), table(rows: 3),
    ])
    #expect(rowsByPage(pages) == [[], ["r0-0", "r1-0", "r2-0"]])
  }

  @Test func aBreakLeavesAtLeastTwoRowsOnTheNextPage() {
    // 3 lines leave 90 pt: header and 4 rows (90 pt) fit; of 5 rows, 3 stay and 2 go on.
    let (pages, _) = Paginator(bodySize: page).paginate([
      ParagraphBlock(lines: fake.lines(3)), table(rows: 5),
    ])
    #expect(rowsByPage(pages) == [["r0-0", "r1-0", "r2-0"], ["r3-0", "r4-0"]])
  }

  @Test func aContinuedTableAlsoLeavesTwoRowsForItsLastPage() {
    // A whole page holds the header and 5 rows (108 pt): 11 rows go 5 + 4 + 2, not 5 + 5 + 1.
    let (pages, _) = Paginator(bodySize: page).paginate([table(rows: 11)])
    let counts = rowsByPage(pages).map(\.count)
    #expect(counts == [5, 4, 2])
  }

  @Test func aShortUnsplitParagraphMovesWhole() {
    // 7 lines leave 5; a 5-line listing that may not split fits exactly, a 6-line one moves on.
    var listing = ParagraphBlock(lines: fake.lines(6, prefix: "c"), orphans: 3, widows: 3)
    listing.unsplitLines = 8
    let (pages, _) = Paginator(bodySize: page).paginate([
      ParagraphBlock(lines: fake.lines(7)), listing,
    ])
    #expect(pages.count == 2)
    #expect(pages[0].lineTexts.filter { $0.hasPrefix("c") }.isEmpty)
    #expect(pages[1].lineTexts.filter { $0.hasPrefix("c") }.count == 6)
  }

  @Test func anUnsplitParagraphTallerThanAPageStillSplitsAtThePageTop() {
    var listing = ParagraphBlock(lines: fake.lines(20, prefix: "c"), orphans: 3, widows: 3)
    listing.unsplitLines = 30
    let (pages, _) = Paginator(bodySize: page).paginate([listing])
    #expect(pages.map { $0.lineTexts.count } == [12, 8])
  }
}
