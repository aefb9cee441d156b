import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import TestSupport
import Testing

@Suite("Every chart kind")
struct AllChartsTests {
  static let widths: [Double] = [200, 260, 340, 460, 620, 800]

  /// Checks that every text line lies inside the frame and no two overlap.
  func checkLabels(_ chart: ChartLayout, _ what: String) {
    let bounds = Rect(origin: .zero, size: chart.frame.size)
    let rects = chart.labelRects
    #expect(!rects.isEmpty, "\(what): no text")
    for (i, r) in rects.enumerated() {
      #expect(bounds.contains(r), "\(what): label \(r) outside \(bounds)")
      for s in rects[(i + 1)...] {
        #expect(!overlaps(r, s), "\(what): labels \(r) and \(s) overlap")
      }
    }
  }

  /// Checks that no shape reaches outside the frame.
  func checkShapes(_ chart: ChartLayout, _ what: String) {
    let bounds = Rect(origin: .zero, size: chart.frame.size)
    for (p, s) in shapes(in: chart.frame) {
      if let b = s.bounds {
        #expect(
          bounds.contains(b.moved(p).insetBy(-(s.stroke?.width ?? 0) / 2)), "\(what): shape outside"
        )
      }
    }
  }

  @Test("labels inside the frame and pairwise disjoint", arguments: ChartKind.allCases)
  func labels(kind: ChartKind) throws {
    for width in Self.widths {
      let chart = try layout(kind, width: width)
      #expect(chart.frame.size.width == width)
      checkLabels(chart, "\(kind) at \(width)")
      checkShapes(chart, "\(kind) at \(width)")
    }
  }

  @Test(
    "three and four roles: labels inside the frame and pairwise disjoint",
    arguments: ChartKind.allCases)
  func manyRoles(kind: ChartKind) throws {
    for n in [3, 4] where kind.roleCounts.contains(n) {
      // Three circles need more room than two ellipses (handouts draw charts 260 pt or wider).
      for width in Self.widths where kind != .venn || width >= 260 {
        let chart = try layout(kind, TeamFixture.comparison(n), width: width)
        #expect(chart.frame.size.width == width)
        checkLabels(chart, "\(kind), \(n) roles, at \(width)")
        checkShapes(chart, "\(kind), \(n) roles, at \(width)")
      }
    }
  }

  @Test("the built-in comparison charts lay out", arguments: ChartKind.allCases)
  func builtIn(kind: ChartKind) throws {
    let content = try Comparison.builtIn
    for spec in content.charts.specs ?? [] where spec.kind == kind {
      for width in Self.widths {
        let chart = try ChartBuilder.layout(
          for: spec, content: content, theme: .standard, width: width,
          measurer: FakeMeasurer())
        checkLabels(chart, "\(spec.id) at \(width)")
        checkShapes(chart, "\(spec.id) at \(width)")
      }
    }
    #expect((content.charts.specs ?? []).contains { $0.kind == kind })
  }

  @Test("the chart is a figure: title first, caption tagged last", arguments: ChartKind.allCases)
  func structure(kind: ChartKind) throws {
    let chart = try layout(kind)
    let frame = chart.frame
    #expect(frame.items.count == 1)
    guard case .tagged(.figure, let inner, _, _) = frame.items[0].1 else {
      Issue.record("not wrapped in a figure")
      return
    }
    guard case .tagged(.caption, let caption, _, _) = inner.items.last?.1 else {
      Issue.record("no caption element")
      return
    }
    let captionText = caption.textLines().map(\.1.text).joined(separator: " ")
    #expect(captionText == Fixture.spec(kind).caption)
    let title = try #require(chart.titleRect)
    let captionRect = try #require(chart.captionRect)
    #expect(title.maxY <= chart.plotRect.minY)
    #expect(chart.plotRect.maxY <= captionRect.minY)
    #expect(close(captionRect.maxY, frame.size.height))
    if let legend = chart.legendRect {
      #expect(chart.plotRect.maxY <= legend.minY && legend.maxY <= captionRect.minY)
    }
    // The title is bold and comes first.
    let first = try #require(frame.textLines().first)
    #expect(Fixture.spec(kind).title.hasPrefix(first.1.text))
  }

  @Test("the same input gives the same frame", arguments: ChartKind.allCases)
  func deterministic(kind: ChartKind) throws {
    for content in [Fixture.comparison(), TeamFixture.comparison(3), TeamFixture.comparison(4)]
    where kind.roleCounts.contains(content.roles.count) {
      let a = try layout(kind, content)
      let b = try layout(kind, content)
      #expect(a.marks == b.marks)
      #expect(a.labelRects == b.labelRects)
    }
  }
}
