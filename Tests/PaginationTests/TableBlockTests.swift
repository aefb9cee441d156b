import Frames
import Geometry
import Pagination
import TestSupport
import Testing
import TextShaping

@Suite struct TableBlockTests {
  let fake = FakeMeasurer()
  let page = Size(width: 200, height: 120)

  func cell(_ text: String, lines: Int = 1) -> TableCell {
    TableCell(lines: fake.lines(lines, prefix: text))
  }

  /// Rows of 1 line each: 10 pt text + 2 × 4 pt padding = 18 pt a row.
  func table(rows: Int, linesPerRow: Int = 1) -> TableBlock {
    TableBlock(
      columnWidths: [60, 140], header: TableRow(cells: [cell("H"), cell("h")]),
      rows: (0..<rows).map {
        TableRow(cells: [cell("r\($0)-", lines: linesPerRow), cell("s\($0)-")])
      },
      appearance: TableAppearance(paddingX: 5, paddingY: 4))
  }

  @Test func splitsBetweenRowsAndRepeatsTheHeader() {
    let (pages, _) = Paginator(bodySize: page).paginate([table(rows: 12)])
    #expect(pages.count > 1)
    for p in pages { #expect(p.lineTexts.first == "H0") }
    let rows = pages.flatMap(\.lineTexts).filter { $0.hasPrefix("r") }
    #expect(rows == (0..<12).map { "r\($0)-0" })
  }

  @Test func aRowThatDoesNotFitMovesWhole() {
    // 3 lines of text (102 pt) leave 18 pt: not enough for header + a 3-line row (38 + 18).
    let para = ParagraphBlock(lines: fake.lines(8))
    let (pages, _) = Paginator(bodySize: page).paginate([para, table(rows: 2, linesPerRow: 3)])
    #expect(pages[0].lineTexts.allSatisfy { $0.hasPrefix("l") })
    #expect(pages[1].lineTexts.prefix(4) == ["H0", "h0", "r0-0", "r0-1"])
  }

  @Test func onlyARowTallerThanThePageSplitsInsideItsCells() {
    let (pages, warnings) = Paginator(bodySize: page).paginate([table(rows: 1, linesPerRow: 25)])
    #expect(warnings.isEmpty)
    let lines = pages.flatMap(\.lineTexts).filter { $0.hasPrefix("r0-") }
    #expect(lines == (0..<25).map { "r0-\($0)" })
    for p in pages { #expect(p.lineTexts.first == "H0") }
  }

  @Test func columnWidthsFollowContent() {
    let w = TableColumns.widths(minimum: [20, 30, 30], preferred: [40, 200, 160], available: 300)
    #expect(abs(w.reduce(0, +) - 300) < 1e-9)
    #expect(w[0] >= 20 && w[0] <= 40)
    #expect(w[1] > w[2])
    // Everything fits unbroken: extra shared in proportion to preferred widths.
    let roomy = TableColumns.widths(minimum: [10, 10], preferred: [50, 100], available: 300)
    #expect(roomy == [100, 200])
    // Not even the minimums fit: the widest is cut down first, the narrow ones keep theirs.
    let tight = TableColumns.widths(
      minimum: [40, 4000, 60], preferred: [40, 4000, 60], available: 400)
    #expect(tight == [40, 300, 60])
    // Every column wider than an equal share: all equal.
    let equal = TableColumns.widths(minimum: [300, 500], preferred: [300, 500], available: 200)
    #expect(equal == [100, 100])
  }
}

@Suite struct TableOrphanTests {
  let fake = FakeMeasurer()

  @Test func aTableDoesNotLeaveASingleRowAtThePageFoot() {
    // 120 pt page, 70 pt used: 50 pt left hold the header (18) and one row (18) but not two.
    let table = TableBlock(
      columnWidths: [60, 140],
      header: TableRow(cells: [TableCell(lines: fake.lines(1, prefix: "H")), TableCell(lines: [])]),
      rows: (0..<4).map {
        TableRow(cells: [TableCell(lines: fake.lines(1, prefix: "r\($0)-")), TableCell(lines: [])])
      },
      appearance: TableAppearance(paddingX: 5, paddingY: 4))
    let (pages, _) = Paginator(bodySize: Size(width: 200, height: 120))
      .paginate([ParagraphBlock(lines: fake.lines(7, prefix: "a")), table])
    #expect(pages[0].lineTexts.allSatisfy { $0.hasPrefix("a") })
    #expect(pages[1].lineTexts == ["H0", "r0-0", "r1-0", "r2-0", "r3-0"])
  }
}

@Suite struct StructureBlockTests {
  let fake = FakeMeasurer()

  func item(_ n: Int, _ prefix: String) -> ParagraphBlock {
    ParagraphBlock(
      lines: fake.lines(n, prefix: prefix), tag: .listItem, breaks: BreakPolicy(spaceAfter: 0))
  }

  @Test func aListSplitsBetweenAndInsideItemsAndLosesNothing() {
    let list = StructureBlock(tag: .list, children: [item(5, "a"), item(5, "b"), item(6, "c")])
    let (pages, _) = Paginator(bodySize: Size(width: 200, height: 120))
      .paginate([ParagraphBlock(lines: fake.lines(4, prefix: "p")), list])
    let all = pages.flatMap(\.lineTexts)
    #expect(all.count == 20)
    // 8 lines free on page 1: a (5) and three lines of b; b's last two lines go on (widows 2).
    #expect(pages[0].lineTexts.suffix(3) == ["b0", "b1", "b2"])
    #expect(pages[1].lineTexts.prefix(2) == ["b3", "b4"])
  }

  @Test func eachPageHoldsOneListElement() {
    let list = StructureBlock(tag: .list, children: (0..<6).map { item(4, "i\($0)-") })
    let (pages, _) = Paginator(bodySize: Size(width: 200, height: 120)).paginate([list])
    #expect(pages.count == 2)
    for page in pages {
      var lists = 0
      func count(_ frame: Frame) {
        for (_, item) in frame.items {
          switch item {
          case .tagged(let tag, let inner, _, _):
            if tag == .list { lists += 1 }
            count(inner)
          case .group(let inner): count(inner)
          default: break
          }
        }
      }
      count(page.frame)
      #expect(lists == 1)
    }
  }
}
