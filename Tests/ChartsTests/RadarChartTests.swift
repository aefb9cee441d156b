import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import Testing

@Suite("Radar chart")
struct RadarChartTests {
  @Test("vertices are the scores on their axes, and the frame draws them")
  func vertices() throws {
    let chart = try layout(.radar)
    guard case .radar(let m) = chart.marks else {
      Issue.record("not a radar")
      return
    }
    let dims = Fixture.focus
    #expect(m.maxScore == 5)
    #expect(m.series[0].count == dims.count && m.series[1].count == dims.count)
    for (i, d) in dims.enumerated() {
      let b = ChartGeometry.radarVertex(
        score: d.business, maxScore: 5, radius: m.radius, index: i,
        count: dims.count, center: m.center)
      let t = ChartGeometry.radarVertex(
        score: d.technical, maxScore: 5, radius: m.radius, index: i,
        count: dims.count, center: m.center)
      #expect(close(m.series[0][i], b, 1e-9))
      #expect(close(m.series[1][i], t, 1e-9))
    }
    // The first axis is straight up: "Market insight" scores 5 for business, at the full radius.
    #expect(close(m.series[0][0], Point(x: m.center.x, y: m.center.y - m.radius), 1e-9))
    // The polygons in the frame pass through exactly those vertices.
    let polygons = shapes(in: chart.frame).map { points(of: $0.1, at: $0.0) }
    #expect(
      polygons.contains {
        $0.count == dims.count && zip($0, m.series[0]).allSatisfy { close($0, $1, 1e-9) }
      })
    #expect(
      polygons.contains {
        $0.count == dims.count && zip($0, m.series[1]).allSatisfy { close($0, $1, 1e-9) }
      })
  }

  @Test("the technical series is dashed and its fills are translucent when patterns are on")
  func patterns() throws {
    let chart = try layout(.radar)
    let series = shapes(in: chart.frame).map(\.1).filter {
      $0.fill != nil && ($0.fill?.alpha ?? 1) < 1
    }
    #expect(series.count == 2)
    #expect(series.contains { $0.stroke?.dash.isEmpty == true })
    #expect(series.contains { $0.stroke?.dash.isEmpty == false })
    var plain = ChartTheme.standard
    plain.patterns = false
    let solid = try layout(.radar, theme: plain)
    #expect(shapes(in: solid.frame).allSatisfy { $0.1.stroke?.dash.isEmpty ?? true })
  }

  @Test("axis labels stay outside the outer ring, on their axis's side")
  func labels() throws {
    for width in [220.0, 300, 460, 700] {
      let chart = try layout(.radar, width: width)
      guard case .radar(let m) = chart.marks else { return }
      for (i, rect) in m.labelRects.enumerated() {
        #expect(ChartGeometry.distance(from: m.center, to: rect) > m.radius + 4)
        switch ChartGeometry.LabelSide(
          angle: ChartGeometry.radarAngle(index: i, count: m.labelRects.count))
        {
        case .right: #expect(rect.minX > m.center.x)
        case .left: #expect(rect.maxX < m.center.x)
        case .center: #expect(close(rect.center.x, m.center.x, 1e-6))
        }
      }
      // No text line of the plot overlaps the rings.
      for line in chart.labelRects where chart.plotRect.contains(line) {
        #expect(ChartGeometry.distance(from: m.center, to: line) > m.radius + 4)
      }
    }
  }

  @Test("the legend names the roles from the content")
  func legendUsesRoleNames() throws {
    let content = Fixture.comparison(roles: [
      Role(id: .business, name: "Commercial Lead", shortName: "Commercial"),
      Role(id: .technical, name: "Engineering Lead", shortName: "Engineering"),
    ])
    let chart = try layout(.radar, content)
    let text = words(in: chart.frame)
    #expect(text.contains("Commercial"))
    #expect(text.contains("Engineering"))
    #expect(!text.contains { $0.contains("PM") })
  }

  @Test("scores above five raise the outer ring")
  func largerScale() throws {
    var focus = Fixture.focus
    focus[0].business = 7
    let chart = try layout(.radar, Fixture.comparison(focus: focus))
    guard case .radar(let m) = chart.marks else { return }
    #expect(m.maxScore == 7)
    #expect(close(m.series[0][0], Point(x: m.center.x, y: m.center.y - m.radius), 1e-9))
  }
}

@Suite("Radar chart: labels")
struct RadarLabelTests {
  @Test("long axis labels wrap to several lines, each through the measurer")
  func wraps() throws {
    let chart = try layout(.radar, width: 300)
    let lines = words(in: chart.frame)
    #expect(!lines.contains("Engineering collaboration and delivery"))
    #expect(lines.contains { $0.hasPrefix("Engineering") })
    #expect(lines.contains { $0.hasSuffix("delivery") })
    guard case .radar(let m) = chart.marks else { return }
    // The wrapped label's box is taller than one line.
    #expect(m.labelRects[3].height > ChartTheme.standard.labelSize * 1.2 + 0.001)
  }
}

@Suite("Radar chart: three and four roles")
struct RadarManyRolesTests {
  @Test("one polygon, one set of markers and one legend entry a role", arguments: [3, 4])
  func series(roles n: Int) throws {
    let content = TeamFixture.comparison(n)
    let chart = try layout(.radar, content)
    guard case .radar(let m) = chart.marks else {
      Issue.record("not a radar")
      return
    }
    let dims = TeamFixture.scores
    #expect(m.series.count == n)
    let theme = ChartTheme.standard
    let all = shapes(in: chart.frame)
    for i in 0..<n {
      // The vertices are the role's scores.
      for (k, (_, values)) in dims.enumerated() {
        let p = ChartGeometry.radarVertex(
          score: values[i], maxScore: m.maxScore, radius: m.radius, index: k, count: dims.count,
          center: m.center)
        #expect(close(m.series[i][k], p, 1e-9))
      }
      // The polygon: translucent, in the role's colour and dash, through those vertices.
      let polygon = all.filter { p, s in
        s.stroke?.color == theme.color(forRole: i) && (s.fill?.alpha ?? 1) < 1
          && s.stroke?.dash == theme.dash(forRole: i)
      }
      #expect(polygon.count == 1, "role \(i)")
      if let (p, s) = polygon.first {
        #expect(zip(points(of: s, at: p), m.series[i]).allSatisfy { close($0, $1, 1e-9) })
      }
      // The markers: one a vertex in the plot, one in the legend, filled with the role's colour.
      let markers = all.filter { p, s in
        s.fill == theme.color(forRole: i) && s.stroke?.color == .white
      }
      #expect(markers.count == dims.count + 1, "role \(i)")
    }
    // The four marker shapes differ: circles, squares, triangles, diamonds.
    let plotMarkers = all.filter { p, s in
      s.stroke?.color == .white && chart.plotRect.contains(s.bounds!.moved(p))
    }
    #expect(plotMarkers.count == n * dims.count)
  }

  @Test("the legend names every role, once", arguments: [3, 4])
  func legend(roles n: Int) throws {
    let chart = try layout(.radar, TeamFixture.comparison(n))
    let legend = try #require(chart.legendRect)
    let lines = chart.frame.textLines().filter { legend.contains($0.0) }.map(\.1.text)
    for role in TeamFixture.roles.prefix(n) {
      #expect(lines.filter { $0 == role.shortName }.count == 1, "\(role.shortName)")
    }
    if n == 3 { #expect(!lines.contains("Stakeholder")) }
    #expect(lines.contains { $0.hasPrefix("Rings mark") })
  }

  @Test("labels stay outside the ring and the plot's words apart", arguments: [3, 4])
  func labels(roles n: Int) throws {
    for width in [220.0, 460, 700] {
      let chart = try layout(.radar, TeamFixture.comparison(n), width: width)
      guard case .radar(let m) = chart.marks else { return }
      for rect in m.labelRects {
        #expect(ChartGeometry.distance(from: m.center, to: rect) > m.radius + 4)
      }
    }
  }
}
