import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import Testing

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
      let shared = try #require(m.region(.shared))
      #expect(shared.count == n)
      #expect(shared.items == Fixture.similarities.prefix(n).map(\.label))
      #expect(words(in: chart.frame).contains("\(n) shared"))
      #expect(m.region(.left)?.count == 3)
      #expect(m.region(.right)?.count == 4)
      #expect(words(in: chart.frame).contains("3 only"))
      #expect(words(in: chart.frame).contains("4 only"))
    }
  }

  @Test("every label lies inside its own region")
  func labelsInRegions() throws {
    for width in [200.0, 300, 460, 700] {
      let chart = try layout(.venn, width: width)
      guard case .venn(let m) = chart.marks else { return }
      for region in m.regions {
        for rect in [region.headerRect] + region.itemRects {
          switch region.kind {
          case .left:
            #expect(ChartGeometry.ellipse(m.left, contains: rect))
            #expect(!ChartGeometry.ellipse(m.right, intersects: rect))
          case .shared:
            #expect(ChartGeometry.ellipse(m.left, contains: rect))
            #expect(ChartGeometry.ellipse(m.right, contains: rect))
          case .right:
            #expect(ChartGeometry.ellipse(m.right, contains: rect))
            #expect(!ChartGeometry.ellipse(m.left, intersects: rect))
          }
        }
      }
      // Left holds business, right technical.
      #expect(m.left.center.x < m.right.center.x)
    }
  }

  @Test("longer lists grow the diagram instead of spilling")
  func grows() throws {
    let small = try layout(.venn)
    let many = Fixture.comparison(business: (1...12).map { "Business trait number \($0)" })
    let big = try layout(.venn, many)
    guard case .venn(let s) = small.marks, case .venn(let b) = big.marks else { return }
    #expect(b.left.height > s.left.height)
    for rect in b.region(.left)!.itemRects {
      #expect(ChartGeometry.ellipse(b.left, contains: rect))
      #expect(!ChartGeometry.ellipse(b.right, intersects: rect))
    }
  }
}
