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

  /// How many lines of the paragraph each page gets.
  ///
  /// 8 lines leave 4; a 5-line paragraph would keep 3 and carry 2 (widows 2). The paginator sets
  /// it again with `setParagraph`, given the paragraph's setting a line tighter or looser.
  func layout(
    setting: ParagraphSpec? = ParagraphSpec(runs: [], width: 200, looseness: 1),
    setParagraph: ((ParagraphSpec) -> [ShapedLine])?
  ) -> [Int] {
    var paragraph = ParagraphBlock(lines: fake.lines(5, prefix: "p"))
    paragraph.setting = setting
    let (pages, _) = Paginator(bodySize: page, setParagraph: setParagraph).paginate([
      ParagraphBlock(lines: fake.lines(8)), paragraph,
    ])
    return linesByPage(pages, prefix: "p")
  }

  @Test func withoutRefittingALineMovesForTheWidowRule() {
    #expect(layout(setParagraph: nil) == [3, 2])
    #expect(layout(setting: nil) { _ in fake.lines(4, prefix: "p") } == [3, 2])
  }

  @Test func aTighterSettingKeepsTheParagraphOnThePage() {
    #expect(layout { $0.looseness == 0 ? fake.lines(4, prefix: "p") : [] } == [4])
  }

  @Test func aLooserSettingFillsThePageAndLeavesTwoLines() {
    #expect(layout { $0.looseness == 2 ? fake.lines(6, prefix: "p") : [] } == [4, 2])
  }

  @Test func aSettingThatCannotChangeItsLineCountIsIgnored() {
    #expect(layout { _ in fake.lines(5, prefix: "p") } == [3, 2])
  }
}
