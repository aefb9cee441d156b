import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import Testing

@Suite("Diverging bars")
struct DivergingBarsTests {
  @Test("bar lengths are proportional to the differences")
  func proportional() throws {
    let chart = try layout(.divergingBars)
    guard case .divergingBars(let m) = chart.marks else {
      Issue.record("not bars")
      return
    }
    #expect(m.bars.count == Fixture.focus.count)
    for (bar, d) in zip(m.bars, Fixture.focus) {
      #expect(bar.difference == d.business - d.technical)
      #expect(close(bar.rect.width, abs(bar.difference) * m.unit, 1e-9))
    }
    // Ratio of lengths equals ratio of differences: 3 (market) against -4 (technical depth).
    let market = m.bars[0]
    let depth = m.bars[2]
    #expect(close(market.rect.width / depth.rect.width, 3.0 / 4.0, 1e-9))
    // The frame draws those bars.
    let rects = shapes(in: chart.frame).compactMap { p, s -> Rect? in
      guard s.fill != nil, s.path.count == 1, case .rect(let r) = s.path[0] else { return nil }
      return r.moved(p)
    }
    for bar in m.bars where bar.rect.width > 0 {
      #expect(
        rects.contains {
          close($0.origin, bar.rect.origin, 1e-9) && close($0.width, bar.rect.width, 1e-9)
        })
    }
  }

  @Test("business leanings go left, technical ones right, equal scores draw no bar")
  func directions() throws {
    let chart = try layout(.divergingBars)
    guard case .divergingBars(let m) = chart.marks else { return }
    for bar in m.bars {
      switch bar.leaning {
      case RoleID.business?:
        #expect(close(bar.rect.maxX, m.centerX, 1e-9))
        #expect(bar.valueRect.maxX <= bar.rect.minX)
      case RoleID.technical?:
        #expect(close(bar.rect.minX, m.centerX, 1e-9))
        #expect(bar.valueRect.minX >= bar.rect.maxX)
      default:
        #expect(bar.leaning == nil)
        #expect(bar.rect.width == 0)
        #expect(bar.valueText == "0")
      }
      #expect(!bar.valueRect.intersects(bar.rect))
      #expect(bar.labelRect.maxX < m.centerX - abs(bar.difference) * m.unit)
    }
    #expect(m.bars[0].valueText == "+3")
    #expect(m.bars[2].valueText == "+4")
    // The headers say which way each role leans, with the roles' own names.
    let text = words(in: chart.frame).joined(separator: " ")
    #expect(text.contains("Business PM leans more"))
    #expect(text.contains("Technical PM leans more"))
  }

  @Test("one side is hatched when patterns are on")
  func hatching() throws {
    let chart = try layout(.divergingBars)
    #expect(shapes(in: chart.frame).contains { $0.1.hatch != nil })
    var plain = ChartTheme.standard
    plain.patterns = false
    #expect(
      !shapes(in: try layout(.divergingBars, theme: plain).frame).contains { $0.1.hatch != nil })
  }

  @Test("value labels never touch any bar")
  func valuesClearOfBars() throws {
    for width in [200.0, 320, 460, 640] {
      let chart = try layout(.divergingBars, width: width)
      guard case .divergingBars(let m) = chart.marks else { return }
      for bar in m.bars {
        for other in m.bars { #expect(!bar.valueRect.intersects(other.rect)) }
      }
    }
  }
}

@Suite("Diverging bars: more than two roles")
struct DivergingBarsManyRolesTests {
  @Test("left out for three and four roles, kept for two", arguments: [2, 3, 4])
  func leftOut(roles n: Int) throws {
    let content = TeamFixture.comparison(n)
    let kinds = content.charts.charts(roleCount: n).map(\.kind)
    #expect(kinds.contains(.divergingBars) == (n == 2))
    #expect(kinds.contains(.radar) && kinds.contains(.stakeholderMap))
    #expect(kinds.contains(.venn) == (n <= 3))
    // The listed specs without the bars: the others still drawn, in order.
    #expect(kinds == Fixture.specs.map(\.kind).filter { $0.roleCounts.contains(n) })
    // Asked for anyway, the bars refuse with a data error, not a trap.
    if n > 2 {
      #expect(throws: ChartError.self) { try layout(.divergingBars, content) }
    }
  }

  @Test("without listed charts, the defaults for three roles leave the bars out")
  func defaults() {
    var data = TeamFixture.comparison(3).charts
    data.specs = nil
    #expect(data.charts(roleCount: 3).map(\.kind) == [.radar, .venn, .stakeholderMap])
    #expect(data.charts(roleCount: 4).map(\.kind) == [.radar, .stakeholderMap])
    #expect(
      data.charts(roleCount: 2).map(\.kind) == [.radar, .divergingBars, .venn, .stakeholderMap])
  }
}
