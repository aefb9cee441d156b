import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import Testing

/// The number of (team, role) pairs in the content.
func linkCount(_ content: Comparison) -> Int {
  content.charts.stakeholders.reduce(0) { $0 + Set($1.roles).count }
}

/// Checks that no link crosses a text line, and no two nodes overlap.
func checkClearance(_ chart: ChartLayout, _ m: StakeholderMarks, _ what: String) {
  for link in m.links {
    for label in chart.labelRects {
      #expect(
        !ChartGeometry.segment(from: link.from, to: link.to, intersects: label),
        "\(what): \(link.role)–\(link.team) crosses \(label)")
    }
  }
  let nodes = m.roleNodes + m.teams.map(\.rect)
  for (i, a) in nodes.enumerated() {
    for b in nodes[(i + 1)...] { #expect(!overlaps(a, b), "\(what): nodes \(a) and \(b) overlap") }
  }
}

@Suite("Stakeholder map")
struct StakeholderMapTests {
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
      checkClearance(chart, m, "two roles at \(width)")
    }
  }
}

@Suite("Stakeholder map: three and four roles")
struct StakeholderMapManyTests {
  @Test("one line per (team, role) link, in the role's colour and dash", arguments: [3, 4])
  func lines(roles n: Int) throws {
    let content = TeamFixture.comparison(n)
    let chart = try layout(.stakeholderMap, content)
    guard case .stakeholderMap(let m) = chart.marks else {
      Issue.record("not a map")
      return
    }
    #expect(m.roleNodes.count == n)
    #expect(m.links.count == linkCount(content))
    let lines = shapes(in: chart.frame).filter { p, s in
      isLine(s) && chart.plotRect.contains(s.bounds!.moved(p))
    }
    #expect(lines.count == m.links.count)
    let theme = ChartTheme.standard
    for (i, role) in TeamFixture.roles.prefix(n).enumerated() {
      let expected = m.links.filter { $0.role == role.id }.count
      #expect(expected > 0)
      let drawn = lines.filter {
        $0.1.stroke?.color == theme.color(forRole: i) && $0.1.stroke?.dash == theme.dash(forRole: i)
      }
      #expect(drawn.count == expected, "role \(i)")
    }
    // Every role is named on its node and in the legend.
    let text = words(in: chart.frame)
    for role in TeamFixture.roles.prefix(n) {
      #expect(text.filter { $0 == role.name }.count == 2, "\(role.name)")
    }
  }

  @Test("odd roles on the left, even ones on the right, teams between", arguments: [3, 4])
  func arrangement(roles n: Int) throws {
    let content = TeamFixture.comparison(n)
    let chart = try layout(.stakeholderMap, content)
    guard case .stakeholderMap(let m) = chart.marks else { return }
    #expect(m.teams.count == content.charts.stakeholders.count)
    for team in m.teams {
      for (i, node) in m.roleNodes.enumerated() {
        if i % 2 == 0 {
          #expect(team.rect.minX > node.maxX)
        } else {
          #expect(team.rect.maxX < node.minX)
        }
      }
      #expect(team.highlighted == (team.roles.count > 1))
    }
    #expect(m.teams.contains { $0.highlighted && $0.roles.count == 3 })
    // Nodes on one side are stacked, first above.
    #expect(m.roleNodes[2].minY > m.roleNodes[0].maxY)
    if n == 4 { #expect(m.roleNodes[3].minY > m.roleNodes[1].maxY) }
    let ids = TeamFixture.roles.map(\.id)
    for link in m.links {
      let team = try #require(m.teams.first { $0.name == link.team })
      let i = try #require(ids.firstIndex(of: link.role))
      let node = m.roleNodes[i]
      #expect(close(link.from.x, i % 2 == 0 ? node.maxX : node.minX))
      #expect(close(link.to.x, i % 2 == 0 ? team.rect.minX : team.rect.maxX))
      #expect(node.minY <= link.from.y && link.from.y <= node.maxY)
      #expect(team.rect.minY < link.to.y && link.to.y < team.rect.maxY)
    }
    // Two lines reaching one team from one side end apart.
    for team in m.teams {
      let ends = m.links.filter { $0.team == team.name }.map(\.to)
      for (k, a) in ends.enumerated() {
        for b in ends[(k + 1)...] { #expect(!close(a, b, 1)) }
      }
    }
  }

  @Test("no line crosses a label, no nodes overlap", arguments: [3, 4])
  func linesClearOfLabels(roles n: Int) throws {
    for width in [200.0, 240, 340, 460, 700] {
      let chart = try layout(.stakeholderMap, TeamFixture.comparison(n), width: width)
      guard case .stakeholderMap(let m) = chart.marks else { return }
      checkClearance(chart, m, "\(n) roles at \(width)")
    }
  }

  @Test("a lone team on the far side of a stacked pair")
  func oneTeam() throws {
    var content = TeamFixture.comparison(4)
    content.charts.stakeholders = [
      StakeholderLink(team: "Everyone", roles: TeamFixture.roles.map(\.id))
    ]
    let chart = try layout(.stakeholderMap, content)
    guard case .stakeholderMap(let m) = chart.marks else { return }
    #expect(m.links.count == 4)
    checkClearance(chart, m, "one team")
  }
}
