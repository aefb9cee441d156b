import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import Testing

@Suite("Chart errors")
struct ChartErrorTests {
  @Test("empty data throws instead of trapping", arguments: ChartKind.allCases)
  func emptyData(kind: ChartKind) {
    let empty = Fixture.comparison(
      focus: [], business: [], technical: [], shared: [], stakeholders: [])
    #expect(throws: ChartError.self) { try layout(kind, empty) }
  }

  @Test("the errors say what is wrong")
  func messages() {
    let empty = Fixture.comparison(focus: [])
    #expect(
      throws: ChartError.noData(
        chart: "focus-profile", detail: "the focus profile has no dimensions")
    ) {
      try layout(.radar, empty)
    }
    let two = Fixture.comparison(focus: Array(Fixture.focus.prefix(2)))
    #expect(throws: ChartError.tooFewAxes(chart: "focus-profile", count: 2, minimum: 3)) {
      try layout(.radar, two)
    }
    #expect(throws: Never.self) { try layout(.divergingBars, two) }
    let error = ChartError.tooFewAxes(chart: "focus-profile", count: 2, minimum: 3)
    #expect(error.description.contains("focus-profile"))
  }

  @Test("bad scores, a missing section and a tiny width throw")
  func otherErrors() {
    var focus = Fixture.focus
    focus[1].technical = -1
    #expect(throws: ChartError.self) { try layout(.radar, Fixture.comparison(focus: focus)) }
    focus[1].technical = .nan
    #expect(throws: ChartError.self) {
      try layout(.divergingBars, Fixture.comparison(focus: focus))
    }

    var content = Fixture.comparison()
    content.charts.overlap?.sharedSection = "nowhere"
    #expect(throws: ChartError.missingSection(chart: "overlap", section: "nowhere")) {
      try layout(.venn, content)
    }

    for kind in ChartKind.allCases {
      #expect(throws: ChartError.self) { try layout(kind, width: 40) }
      #expect(throws: ChartError.self) { try layout(kind, width: .nan) }
    }
  }

  @Test("labels too long for the width throw or fit, never overflow", arguments: ChartKind.allCases)
  func hugeLabels(kind: ChartKind) {
    let long = String(repeating: "Supercalifragilistic ", count: 6)
    let content = Fixture.comparison(
      focus: Fixture.focus.map {
        FocusDimension(label: long + $0.label, business: $0.business, technical: $0.technical)
      },
      business: ["Incomprehensibilities" + long], technical: [long],
      stakeholders: [StakeholderLink(team: long, roles: [.business, .technical])])
    for width in [160.0, 240, 400] {
      do {
        let chart = try layout(kind, content, width: width)
        let bounds = Rect(origin: .zero, size: chart.frame.size)
        let rects = chart.labelRects
        for (i, r) in rects.enumerated() {
          #expect(bounds.contains(r))
          for s in rects[(i + 1)...] { #expect(!overlaps(r, s)) }
        }
      } catch {
        #expect(error is ChartError)
      }
    }
  }
}

@Suite("Chart errors: scales")
struct ChartScaleErrorTests {
  @Test(
    "absurd scores throw instead of drawing millions of rings",
    arguments: [ChartKind.radar, .divergingBars])
  func hugeScores(kind: ChartKind) {
    var focus = Fixture.focus
    focus[0].business = 1e12
    #expect(throws: ChartError.self) { try layout(kind, Fixture.comparison(focus: focus)) }
    focus[0].business = .infinity
    #expect(throws: ChartError.self) { try layout(kind, Fixture.comparison(focus: focus)) }
  }
}
