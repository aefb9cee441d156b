import Frames
import Geometry
import Pagination
import TestSupport
import Testing
import TextShaping

/// Pure layout tests on deliberately tiny pages (120 pt bodies, 10 pt lines) that force every split.
@Suite struct PaginatorTests {
  let fake = FakeMeasurer()
  let page = Size(width: 200, height: 120)  // 12 lines of 10 pt

  func paragraph(_ n: Int, _ prefix: String, spaceAfter: Double = 0) -> ParagraphBlock {
    ParagraphBlock(
      lines: fake.lines(n, prefix: prefix), breaks: BreakPolicy(spaceAfter: spaceAfter))
  }

  func heading(_ title: String) -> ParagraphBlock {
    ParagraphBlock(
      lines: fake.lines(1, prefix: title), tag: .heading1,
      anchors: [Anchor(name: title, title: title, outlineLevel: 1)],
      breaks: BreakPolicy(keepWithNext: true, spaceBefore: 10))
  }

  @Test func aParagraphThatFitsStaysWhole() {
    let (pages, warnings) = Paginator(bodySize: page).paginate([paragraph(5, "a")])
    #expect(pages.count == 1)
    #expect(pages[0].lineTexts == ["a0", "a1", "a2", "a3", "a4"])
    #expect(pages[0].lineRects.map(\.minY) == [0, 10, 20, 30, 40])
    #expect(warnings.isEmpty)
  }

  @Test func splitsBetweenLinesAndLosesNone() {
    let (pages, _) = Paginator(bodySize: page).paginate([paragraph(30, "a")])
    let all = pages.flatMap(\.lineTexts)
    #expect(all == (0..<30).map { "a\($0)" })
    #expect(pages.count == 3)
  }

  @Test func noWidowIsLeftAtTheTopOfAPage() {
    // 10 lines used, then a 3-line paragraph: 2 lines fit, but that would carry 1 line over.
    let (pages, _) = Paginator(bodySize: page).paginate([paragraph(10, "a"), paragraph(3, "b")])
    #expect(pages.count == 2)
    // Widows 2: at most one line may stay (but orphans 2 forbid that), so the whole paragraph moves.
    #expect(pages[1].lineTexts == ["b0", "b1", "b2"])
  }

  @Test func noOrphanIsLeftAtTheFootOfAPage() {
    // 11 lines used: one line left; a 5-line paragraph must not leave a single line there.
    let (pages, _) = Paginator(bodySize: page).paginate([paragraph(11, "a"), paragraph(5, "b")])
    #expect(pages[0].lineTexts.filter { $0.hasPrefix("b") }.isEmpty)
    #expect(pages[1].lineTexts == ["b0", "b1", "b2", "b3", "b4"])
  }

  @Test func splitKeepsTwoLinesOnEachSide() {
    // 8 lines used: 4 free. A 5-line paragraph: 4 would fit but leave 1 widow → 3 and 2.
    let (pages, _) = Paginator(bodySize: page).paginate([paragraph(8, "a"), paragraph(5, "b")])
    #expect(pages[0].lineTexts.filter { $0.hasPrefix("b") } == ["b0", "b1", "b2"])
    #expect(pages[1].lineTexts == ["b3", "b4"])
  }

  @Test func noPageEndsWithAHeading() {
    // 10 lines used; a heading (10 pt + 10 pt space) would fit, but not with 2 lines after it.
    let blocks: [any Block] = [paragraph(10, "a"), heading("H"), paragraph(6, "b")]
    let (pages, _) = Paginator(bodySize: page).paginate(blocks)
    #expect(pages[0].lineTexts.last == "a9")
    #expect(pages[1].lineTexts.first == "H0")
  }

  @Test func headingsChainStayWithTheirText() {
    // Two headings in a row plus two lines of text need 50 pt with spacing; 40 are free.
    let blocks: [any Block] = [paragraph(8, "a"), heading("H"), heading("I"), paragraph(4, "b")]
    let (pages, _) = Paginator(bodySize: page).paginate(blocks)
    #expect(pages[0].lineTexts == (0..<8).map { "a\($0)" })
    #expect(pages[1].lineTexts.prefix(2) == ["H0", "I0"])
  }

  @Test func spacingCollapsesAndVanishesAtPageTop() {
    let blocks: [any Block] = [paragraph(2, "a", spaceAfter: 6), heading("H"), paragraph(2, "b")]
    let (pages, _) = Paginator(bodySize: page).paginate(blocks)
    let rects = pages[0].lineRects
    #expect(rects[0].minY == 0)
    #expect(rects[2].minY == 30)  // 20 + max(6, 10)
  }

  @Test func aBlockTallerThanAnyPageTerminates() {
    // A figure 300 pt tall on 120 pt pages: placed once, overflowing, with a warning.
    let figure = FigureBlock(
      frame: Frame(
        size: Size(width: 100, height: 300),
        items: [(.zero, .shape(.rect(Rect(x: 0, y: 0, width: 100, height: 300))))]))
    let (pages, warnings) = Paginator(bodySize: page).paginate([
      paragraph(3, "a"), figure, paragraph(2, "b"),
    ])
    #expect(pages.count == 3)
    #expect(warnings.count == 1)
    #expect(pages[2].lineTexts == ["b0", "b1"])
  }

  @Test func aHeadingTallerThanAPageStillProgresses() {
    let tall = ParagraphBlock(
      lines: fake.lines(20, prefix: "h"), tag: .heading1,
      breaks: BreakPolicy(keepWithNext: true))
    let (pages, _) = Paginator(bodySize: page).paginate([tall, paragraph(2, "b")])
    #expect(pages.flatMap(\.lineTexts).count == 22)
  }

  @Test func pageBreakBeforeStartsANewPage() {
    var h = heading("H")
    h.breaks.pageBreakBefore = true
    let (pages, _) = Paginator(bodySize: page).paginate([paragraph(2, "a"), h, paragraph(2, "b")])
    #expect(pages.count == 2)
    #expect(pages[1].lineTexts == ["H0", "b0", "b1"])
  }

  @Test func keepTogetherMovesAShortGroupWhole() {
    let group = KeepTogetherBlock(children: [heading("Q"), paragraph(4, "b")])
    let (pages, _) = Paginator(bodySize: page).paginate([paragraph(9, "a"), group])
    #expect(pages[1].lineTexts == ["Q0", "b0", "b1", "b2", "b3"])
  }

  @Test func keepTogetherTallerThanAPageFlowsItsChildren() {
    let group = KeepTogetherBlock(children: [heading("Q"), paragraph(20, "b")])
    let (pages, _) = Paginator(bodySize: page).paginate([group])
    #expect(pages.flatMap(\.lineTexts).count == 21)
    #expect(pages[0].lineTexts.first == "Q0")
  }

  @Test func noLineLeavesTheBody() {
    let blocks: [any Block] = (0..<40).map { i in
      i % 4 == 0 ? heading("H\(i)") : paragraph(i % 7 + 1, "p\(i)-")
    }
    let (pages, _) = Paginator(bodySize: page).paginate(blocks)
    let body = Rect(origin: .zero, size: page)
    for p in pages { for r in p.lineRects { #expect(body.contains(r)) } }
    let placed = pages.flatMap(\.lineTexts).count
    let shaped = blocks.compactMap { $0 as? ParagraphBlock }.reduce(0) { $0 + $1.lines.count }
    #expect(placed == shaped)
    for p in pages { #expect(!(p.lineTexts.last ?? "").hasPrefix("H")) }
  }
}

@Suite struct FloatTests {
  let fake = FakeMeasurer()
  let page = Size(width: 200, height: 120)

  func figure(_ height: Double) -> FigureBlock {
    var frame = Frame(size: Size(width: 100, height: height))
    frame.push(
      .text(ShapedLine(width: 10, height: 10, baseline: 8, text: "FIG"), .black), at: .zero)
    return FigureBlock(frame: frame, floats: true)
  }

  @Test func aFigureThatDoesNotFitWaitsWhileTextFillsThePage() {
    let blocks: [any Block] = [
      ParagraphBlock(lines: fake.lines(8, prefix: "a")), figure(60),
      ParagraphBlock(lines: fake.lines(6, prefix: "b")),
    ]
    let (pages, _) = Paginator(bodySize: page).paginate(blocks)
    #expect(pages.count == 2)
    // 40 pt were free: four lines of b fill them; the figure opens page 2, then the rest of b.
    #expect(pages[0].lineTexts == (0..<8).map { "a\($0)" } + ["b0", "b1", "b2", "b3"])
    #expect(pages[1].lineTexts == ["FIG", "b4", "b5"])
  }

  @Test func floatsKeepTheirOrderAndNoneIsLost() {
    let blocks: [any Block] = [
      ParagraphBlock(lines: fake.lines(10, prefix: "a")), figure(50), figure(50),
      ParagraphBlock(lines: fake.lines(1, prefix: "b")),
    ]
    let (pages, _) = Paginator(bodySize: page).paginate(blocks)
    #expect(pages.flatMap(\.lineTexts).filter { $0 == "FIG" }.count == 2)
    #expect(pages.flatMap(\.lineTexts).contains("b0"))
  }

  @Test func aFloatAtTheEndGetsAPage() {
    let blocks: [any Block] = [ParagraphBlock(lines: fake.lines(11, prefix: "a")), figure(60)]
    let (pages, _) = Paginator(bodySize: page).paginate(blocks)
    #expect(pages.count == 2)
    #expect(pages[1].lineTexts == ["FIG"])
  }
}
