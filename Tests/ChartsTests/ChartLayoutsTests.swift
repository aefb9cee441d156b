import Charts
import Frames
import Geometry
import ReportModel
import TestSupport
import Testing
import TextShaping

/// `pmreport watch`'s memo of laid-out charts: a chart whose input is unchanged is the one kept,
/// and any change to what a chart reads (its data, the shared section, the theme, the width, the
/// language) lays it out again, as a fresh layout would.
@Suite struct ChartLayoutsTests {
  /// A measurer setting every run 3 pt larger than ``FakeMeasurer`` does: a chart it lays out
  /// differs from one the fake lays out, so a kept chart can be told from a new one.
  final class LargerMeasurer: TextMeasurer {
    let fake = FakeMeasurer()
    func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph {
      var larger = paragraph
      larger.runs = paragraph.runs.map {
        var run = $0
        run.font.size += 3
        return run
      }
      return fake.shape(larger)
    }
  }

  func fingerprint(_ chart: ChartLayout) -> Int {
    Page(size: chart.frame.size, frame: chart.frame).fingerprint(palette: GlyphPalette())
  }

  /// The memo's chart of `kind` for `content`, laid out by `measurer` if not kept.
  func memoized(
    _ memo: ChartLayouts, _ kind: ChartKind, _ content: Comparison = Fixture.comparison(),
    theme: ChartTheme = .standard, width: Double = 460,
    measurer: any TextMeasurer = FakeMeasurer()
  ) throws -> ChartLayout {
    try ChartBuilder.layout(
      for: Fixture.spec(kind), content: content, theme: theme, width: width, measurer: measurer,
      memo: memo)
  }

  /// A fresh layout by the larger measurer (what a memo that lays the chart out again gives).
  func freshLarger(
    _ kind: ChartKind, _ content: Comparison = Fixture.comparison(),
    theme: ChartTheme = .standard, width: Double = 460
  ) throws -> Int {
    fingerprint(
      try ChartBuilder.layout(
        for: Fixture.spec(kind), content: content, theme: theme, width: width,
        measurer: LargerMeasurer()))
  }

  @Test(arguments: ChartKind.allCases)
  func anEditElsewhereInTheContentKeepsTheChart(kind: ChartKind) throws {
    let memo = ChartLayouts()
    let first = try memoized(memo, kind)
    #expect(fingerprint(first) == fingerprint(try layout(kind)))
    var edited = Fixture.comparison()
    edited.introduction = [.paragraph("An introduction rewritten.")]
    edited.sections[0].blocks = [.paragraph("The differences, said otherwise.")]
    let measurer = LargerMeasurer()
    let kept = try memoized(memo, kind, edited, measurer: measurer)
    #expect(fingerprint(kept) == fingerprint(first))
    #expect(fingerprint(kept) != (try freshLarger(kind, edited)))
    // The text engine is told of the chart's paragraphs again (its notes stay a fresh layout's).
    #expect(measurer.fake.shapeCalls > 0)
  }

  @Test func changedScoresLayTheChartOutAgain() throws {
    for kind in [ChartKind.radar, .divergingBars] {
      let memo = ChartLayouts()
      _ = try memoized(memo, kind)
      var focus = Fixture.focus
      focus[0] = FocusDimension(label: "Market insight", business: 1, technical: 5)
      let edited = Fixture.comparison(focus: focus)
      let again = try memoized(memo, kind, edited, measurer: LargerMeasurer())
      #expect(fingerprint(again) == (try freshLarger(kind, edited)), "\(kind)")
    }
  }

  @Test func aChangedSharedSectionLaysTheVennOutAgain() throws {
    let memo = ChartLayouts()
    _ = try memoized(memo, .venn)
    let edited = Fixture.comparison(
      shared: [LabelledItem(label: "One shared trait", text: "Both do it.")])
    let again = try memoized(memo, .venn, edited, measurer: LargerMeasurer())
    #expect(fingerprint(again) == (try freshLarger(.venn, edited)))
  }

  @Test func aChangedThemeOrWidthLaysTheChartOutAgain() throws {
    let memo = ChartLayouts()
    _ = try memoized(memo, .radar)
    var theme = ChartTheme.standard
    theme.palette[0] = Color(rgb: 0x000000)
    let recoloured = try memoized(memo, .radar, theme: theme, measurer: LargerMeasurer())
    #expect(fingerprint(recoloured) == (try freshLarger(.radar, theme: theme)))
    let narrower = try memoized(memo, .radar, width: 340, measurer: LargerMeasurer())
    #expect(fingerprint(narrower) == (try freshLarger(.radar, width: 340)))
  }

  /// A chart is kept by language: another lays it out again, and the first's is still kept.
  @Test func aNewLanguageLaysTheChartOutAgain() throws {
    let memo = ChartLayouts()
    memo.use(language: "en", patterns: "/hyph_en_US.dic")
    _ = try memoized(memo, .radar)
    memo.use(language: "en", patterns: "/hyph_en_US.dic")
    #expect(fingerprint(try memoized(memo, .radar)) == fingerprint(try layout(.radar)))
    memo.use(language: "de", patterns: "/hyph_de_DE.dic")
    let again = try memoized(memo, .radar, measurer: LargerMeasurer())
    #expect(fingerprint(again) == (try freshLarger(.radar)))
    memo.use(language: "en", patterns: "/hyph_en_US.dic")
    let back = try memoized(memo, .radar, measurer: LargerMeasurer())
    #expect(fingerprint(back) == fingerprint(try layout(.radar)))
  }

  @Test func aChartNotAskedForInABuildIsForgotten() throws {
    let memo = ChartLayouts()
    _ = try memoized(memo, .radar)
    memo.keepUsedSinceLastKeep()
    // Asked for in this build: kept.
    _ = try memoized(memo, .radar)
    memo.keepUsedSinceLastKeep()
    #expect(
      fingerprint(try memoized(memo, .radar, measurer: LargerMeasurer()))
        == fingerprint(try layout(.radar)))
    memo.keepUsedSinceLastKeep()
    // Not asked for in the last build: laid out again.
    memo.keepUsedSinceLastKeep()
    let again = try memoized(memo, .radar, measurer: LargerMeasurer())
    #expect(fingerprint(again) == (try freshLarger(.radar)))
  }

  /// A kept chart tells the text engine of its paragraphs again, so the engine keeps their
  /// shapes as it would after laying the chart out: the characters no font has are noted by the
  /// same builds with the memo as without (a kept shape is not noted again; one shaped anew is).
  @Test func aKeptChartLeavesTheEnginesNotesAsALayoutWould() throws {
    var spec = Fixture.spec(.radar)
    spec.title = "Weights \u{0378}"
    var recaptioned = spec
    recaptioned.caption = "A caption rewritten in the third build."
    /// The characters noted in each of three builds: the chart, the same, its caption changed.
    func notes(memo: ChartLayouts?) throws -> [[Unicode.Scalar]] {
      let measurer = PangoMeasurer()
      return try [spec, spec, recaptioned].map { spec in
        _ = try ChartBuilder.layout(
          for: spec, content: Fixture.comparison(), theme: .standard, width: 460,
          measurer: measurer, memo: memo)
        measurer.keepShapesUsedSinceLastKeep()
        memo?.keepUsedSinceLastKeep()
        return measurer.takeMissingCharacters()
      }
    }
    let plain = try notes(memo: nil)
    #expect(plain == [["\u{0378}"], [], []])
    #expect(try notes(memo: ChartLayouts()) == plain)
  }
}
