import Frames
import Geometry
import Pagination
import TestSupport
import Testing
import TextShaping

/// A paragraph whose last page would get too few lines is set a line tighter or looser first.
@Suite struct RefitTests {
  let fake = FakeMeasurer()
  /// 12 lines of 10 pt a page.
  let page = Size(width: 200, height: 120)

  func linesByPage(_ pages: [PageBody], prefix: String) -> [Int] {
    pages.map { $0.lineTexts.filter { $0.hasPrefix(prefix) }.count }
  }

  /// 8 lines leave 4; a 5-line paragraph would keep 3 and carry 2 (widows 2).
  func layout(refit: ((Int) -> [ShapedLine]?)?) -> [Int] {
    var paragraph = ParagraphBlock(lines: fake.lines(5, prefix: "p"))
    paragraph.refit = refit
    let (pages, _) = Paginator(bodySize: page).paginate([
      ParagraphBlock(lines: fake.lines(8)), paragraph,
    ])
    return linesByPage(pages, prefix: "p")
  }

  @Test func withoutRefittingALineMovesForTheWidowRule() {
    #expect(layout(refit: nil) == [3, 2])
  }

  @Test func aTighterSettingKeepsTheParagraphOnThePage() {
    #expect(layout { $0 == -1 ? fake.lines(4, prefix: "p") : nil } == [4])
  }

  @Test func aLooserSettingFillsThePageAndLeavesTwoLines() {
    #expect(layout { $0 == 1 ? fake.lines(6, prefix: "p") : nil } == [4, 2])
  }

  @Test func aSettingThatCannotChangeItsLineCountIsIgnored() {
    #expect(layout { _ in fake.lines(5, prefix: "p") } == [3, 2])
  }
}
