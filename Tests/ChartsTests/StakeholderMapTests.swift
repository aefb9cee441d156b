import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import Testing

@Suite("Stakeholder map")
struct StakeholderMapTests {
  /// The number of (team, role) pairs in the content.
  func linkCount(_ content: Comparison) -> Int {
    content.charts.stakeholders.reduce(0) { $0 + Set($1.roles).count }
  }

  @Test("one line per (team, role) link")
  func lineCount() throws {
    let content = Fixture.comparison()
    let chart = try layout(.stakeholderMap, content)
    guard case .stakeholderMap(let m) = chart.marks else {
      Issue.record("not a map")
      return
    }
    #expect(m.links.count == linkCount(content))
    #expect(m.links.count == 8)
    // The frame's plot holds exactly that many straight lines (the legend's samples are below it).
    let lines = shapes(in: chart.frame).filter { p, s in
      isLine(s) && chart.plotRect.contains(s.bounds!.moved(p))
    }
    #expect(lines.count == m.links.count)
    // Business lines solid, technical dashed.
    let business = lines.filter { $0.1.stroke?.color == ChartTheme.standard.color(forRole: 0) }
    let technical = lines.filter {
      $0.1.stroke?.color == ChartTheme.standard.color(forRole: 1)
    }
    #expect(business.count == 4 && technical.count == 4)
    #expect(business.allSatisfy { $0.1.stroke?.dash.isEmpty == true })
    #expect(technical.allSatisfy { $0.1.stroke?.dash.isEmpty == false })
  }

  @Test("roles left and right, teams between, shared teams highlighted")
  func arrangement() throws {
    let chart = try layout(.stakeholderMap)
    guard case .stakeholderMap(let m) = chart.marks else { return }
    #expect(m.teams.count == 6)
    for team in m.teams {
      #expect(team.rect.minX > m.roleNodes[0].maxX)
      #expect(team.rect.maxX < m.roleNodes[1].minX)
      #expect(team.highlighted == (team.roles.count == 2))
    }
    #expect(m.teams.filter(\.highlighted).map(\.name) == ["Developers", "Clients and customers"])
    for link in m.links {
      let team = try #require(m.teams.first { $0.name == link.team })
      let node = link.role == .business ? m.roleNodes[0] : m.roleNodes[1]
      #expect(close(link.from.x, link.role == .business ? node.maxX : node.minX))
      #expect(close(link.to.x, link.role == .business ? team.rect.minX : team.rect.maxX))
    }
  }

  @Test("no line crosses a label")
  func linesClearOfLabels() throws {
    for width in [240.0, 460, 700] {
      let chart = try layout(.stakeholderMap, width: width)
      guard case .stakeholderMap(let m) = chart.marks else { return }
      for link in m.links {
        for label in chart.labelRects {
          #expect(!ChartGeometry.segment(from: link.from, to: link.to, intersects: label))
        }
      }
    }
  }
}
