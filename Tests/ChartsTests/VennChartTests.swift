import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import Testing

/// Checks that every word of every region lies inside the sets of its roles and clear of the
/// others, with a margin of a point.
func checkVennRegions(_ m: VennMarks, _ what: String) {
  for region in m.regions {
    for rect in [region.headerRect].compactMap({ $0 }) + region.itemRects {
      let padded = rect.insetBy(-1)
      for (i, set) in m.sets.enumerated() {
        if region.kind.roles.contains(i) {
          #expect(
            ChartGeometry.ellipse(set, contains: padded), "\(what): \(region.kind) \(rect) out")
        } else {
          #expect(
            !ChartGeometry.ellipse(set, intersects: padded),
            "\(what): \(region.kind) \(rect) in set \(i)")
        }
      }
    }
  }
}

@Suite("Venn diagram")
struct VennChartTests {
  @Test("the shared count is the number of items in the shared section's list")
  func sharedCount() throws {
    for n in [1, 2, 4] {
      let content = Fixture.comparison(shared: Array(Fixture.similarities.prefix(n)))
      let chart = try layout(.venn, content)
      guard case .venn(let m) = chart.marks else {
        Issue.record("not a Venn")
        return
      }
      #expect(m.regions.map(\.kind) == [.only(0), .all(2), .only(1)])
      let shared = try #require(m.region(.all(2)))
      #expect(shared.count == n)
      #expect(shared.items == Fixture.similarities.prefix(n).map(\.label))
      #expect(shared.header == ["Both", "\(n) shared"])
      #expect(words(in: chart.frame).contains("\(n) shared"))
      #expect(m.region(.only(0))?.count == 3)
      #expect(m.region(.only(1))?.count == 4)
      #expect(words(in: chart.frame).contains("3 only"))
      #expect(words(in: chart.frame).contains("4 only"))
    }
  }

  @Test("every label lies inside its own region")
  func labelsInRegions() throws {
    for width in [200.0, 300, 460, 700] {
      let chart = try layout(.venn, width: width)
      guard case .venn(let m) = chart.marks else { return }
      #expect(m.sets.count == 2)
      checkVennRegions(m, "two roles at \(width)")
      // Left holds business, right technical.
      #expect(m.sets[0].center.x < m.sets[1].center.x)
    }
  }

  @Test("longer lists grow the diagram instead of spilling")
  func grows() throws {
    let small = try layout(.venn)
    let many = Fixture.comparison(business: (1...12).map { "Business trait number \($0)" })
    let big = try layout(.venn, many)
    guard case .venn(let s) = small.marks, case .venn(let b) = big.marks else { return }
    #expect(b.sets[0].height > s.sets[0].height)
    #expect(b.region(.only(0))?.itemRects.count == 12)
    checkVennRegions(b, "twelve traits")
  }
}

@Suite("Venn diagram: three roles")
struct VennThreeTests {
  @Test("three circles, two above and one below, the same size")
  func circles() throws {
    let chart = try layout(.venn, TeamFixture.comparison(3))
    guard case .venn(let m) = chart.marks else {
      Issue.record("not a Venn")
      return
    }
    #expect(m.sets.count == 3)
    #expect(m.sets.allSatisfy { close($0.width, $0.height) && close($0.width, m.sets[0].width) })
    #expect(close(m.sets[0].center.y, m.sets[1].center.y))
    #expect(m.sets[0].center.x < m.sets[1].center.x)
    #expect(m.sets[2].center.y > m.sets[0].center.y)
    #expect(close(m.sets[2].center.x, (m.sets[0].center.x + m.sets[1].center.x) / 2))
    // Every pair overlaps, and all three share an area.
    let r = m.sets[0].width / 2
    for (i, j) in [(0, 1), (0, 2), (1, 2)] {
      let dx = m.sets[i].center.x - m.sets[j].center.x
      let dy = m.sets[i].center.y - m.sets[j].center.y
      #expect((dx * dx + dy * dy).squareRoot() < 2 * r)
    }
    // The frame draws them, with the roles' colours.
    let outlines = shapes(in: chart.frame).filter { $0.1.stroke != nil && $0.1.fill == nil }
    for i in 0..<3 {
      #expect(outlines.contains { $0.1.stroke?.color == ChartTheme.standard.color(forRole: i) })
    }
  }

  @Test("each role's own traits, the shared ones in the middle, the pairwise areas empty")
  func regions() throws {
    let content = TeamFixture.comparison(3)
    let chart = try layout(.venn, content)
    guard case .venn(let m) = chart.marks else { return }
    #expect(m.regions.count == 7)
    for i in 0..<3 {
      let region = try #require(m.region(.only(i)))
      #expect(region.items == TeamFixture.distinct[i])
      #expect(region.count == TeamFixture.distinct[i].count)
      #expect(
        region.header == [TeamFixture.roles[i].shortName, "\(TeamFixture.distinct[i].count) only"])
      #expect(region.itemRects.count == region.items.count)
    }
    let all = try #require(m.region(.all(3)))
    #expect(all.items == TeamFixture.shared.map(\.label))
    #expect(all.header == ["All", "3 shared"])
    for pair in [[0, 1], [0, 2], [1, 2]] {
      let region = try #require(m.region(VennRegion(pair)))
      #expect(region.items.isEmpty && region.header.isEmpty && region.headerRect == nil)
      #expect(region.count == 0)
    }
    let text = words(in: chart.frame)
    for word in ["Scrum Master", "Product Owner", "Developer", "All", "3 shared", "2 only"] {
      #expect(text.contains(word), "\(word) missing")
    }
    // The diagram shows the three roles it was given, not the fourth.
    #expect(!text.contains("Stakeholder"))
  }

  @Test("every label lies inside its own region, clear of the other circles")
  func labelsInRegions() throws {
    for width in [260.0, 340, 460, 620, 800] {
      let chart = try layout(.venn, TeamFixture.comparison(3), width: width)
      guard case .venn(let m) = chart.marks else { return }
      checkVennRegions(m, "three roles at \(width)")
    }
  }

  @Test("too narrow for three circles: a does-not-fit error, never a spill")
  func narrow() throws {
    do {
      let chart = try layout(.venn, TeamFixture.comparison(3), width: 200)
      guard case .venn(let m) = chart.marks else { return }
      checkVennRegions(m, "three roles at 200")
    } catch let error as ChartError {
      guard case .doesNotFit = error else {
        Issue.record("unexpected \(error)")
        return
      }
    }
  }

  @Test("longer lists grow the diagram instead of spilling")
  func grows() throws {
    var content = TeamFixture.comparison(3)
    let small = try layout(.venn, content)
    content.charts.overlap?.distinct[2].traits = (1...9).map { "Developer trait number \($0)" }
    let big = try layout(.venn, content)
    guard case .venn(let s) = small.marks, case .venn(let b) = big.marks else { return }
    #expect(b.sets[0].height > s.sets[0].height)
    #expect(b.region(.only(2))?.itemRects.count == 9)
    checkVennRegions(b, "nine traits")
  }

  @Test("an empty role still gets its header")
  func emptyRole() throws {
    var content = TeamFixture.comparison(3)
    content.charts.overlap?.distinct[1].traits = []
    let chart = try layout(.venn, content)
    guard case .venn(let m) = chart.marks else { return }
    #expect(m.region(.only(1))?.header == ["Product Owner", "0 only"])
    checkVennRegions(m, "empty role")
  }

  @Test("four roles are not drawn as a Venn")
  func fourRoles() throws {
    let content = TeamFixture.comparison(4)
    #expect(!content.charts.charts(roleCount: 4).contains { $0.kind == .venn })
    #expect(throws: ChartError.self) { try layout(.venn, content) }
  }
}
