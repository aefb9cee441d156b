import Charts
import Foundation
import Frames
import Geometry
import Testing

@Suite("Chart geometry")
struct ChartGeometryTests {
  let center = Point(x: 200, y: 150)

  @Test("the first radar axis points straight up and the others follow clockwise")
  func radarVertices() {
    let up = ChartGeometry.radarVertex(
      score: 5, maxScore: 5, radius: 100, index: 0, count: 4, center: center)
    #expect(close(up, Point(x: 200, y: 50)))
    let right = ChartGeometry.radarVertex(
      score: 5, maxScore: 5, radius: 100, index: 1, count: 4, center: center)
    #expect(close(right, Point(x: 300, y: 150)))
    let down = ChartGeometry.radarVertex(
      score: 2.5, maxScore: 5, radius: 100, index: 2, count: 4, center: center)
    #expect(close(down, Point(x: 200, y: 200)))
    let left = ChartGeometry.radarVertex(
      score: 1, maxScore: 5, radius: 100, index: 3, count: 4, center: center)
    #expect(close(left, Point(x: 180, y: 150)))
    // Six axes: the second is 60° clockwise from up.
    let second = ChartGeometry.radarVertex(
      score: 4, maxScore: 5, radius: 100, index: 1, count: 6, center: center)
    #expect(
      close(second, Point(x: 200 + 80 * sin(Double.pi / 3), y: 150 - 80 * cos(Double.pi / 3))))
    // A score of zero sits on the centre.
    let zero = ChartGeometry.radarVertex(
      score: 0, maxScore: 5, radius: 100, index: 3, count: 7, center: center)
    #expect(close(zero, center))
  }

  @Test("vertices lie at score / max × radius from the centre")
  func radarDistances() {
    for count in 3...9 {
      for index in 0..<count {
        let score = Double((index * 7) % 6)
        let p = ChartGeometry.radarVertex(
          score: score, maxScore: 5, radius: 120, index: index, count: count,
          center: center)
        let r = ((p.x - center.x) * (p.x - center.x) + (p.y - center.y) * (p.y - center.y))
          .squareRoot()
        #expect(close(r, 120 * score / 5, 1e-9))
      }
    }
  }

  @Test("radar labels sit outside the ring, on the side of their axis, and apart")
  func radarLabels() {
    for count in 3...12 {
      // Deterministic, varied label sizes, some of them two or three lines tall.
      var sizes: [Size] = []
      for i in 0..<count {
        let w: Int = 30 + (i * 37) % 70
        let h: Int = 11 * (1 + (i * 5) % 3)
        sizes.append(Size(width: Double(w), height: Double(h)))
      }
      let rects = ChartGeometry.radarLabelRects(sizes: sizes, center: center, distance: 90)
      for (i, r) in rects.enumerated() {
        #expect(ChartGeometry.distance(from: center, to: r) >= 90 - 1e-6)
        switch ChartGeometry.LabelSide(angle: ChartGeometry.radarAngle(index: i, count: count)) {
        case .right: #expect(r.minX >= center.x)
        case .left: #expect(r.maxX <= center.x)
        case .center: #expect(close(r.center.x, center.x))
        }
        for other in rects[(i + 1)...] { #expect(!r.intersects(other)) }
      }
    }
  }

  @Test("bars grow from the centre line: business to the left, technical to the right")
  func bars() {
    let left = ChartGeometry.barRect(difference: 3, centerX: 100, unit: 10, top: 5, height: 8)
    #expect(left == Rect(x: 70, y: 5, width: 30, height: 8))
    let right = ChartGeometry.barRect(difference: -2, centerX: 100, unit: 10, top: 5, height: 8)
    #expect(right == Rect(x: 100, y: 5, width: 20, height: 8))
    let none = ChartGeometry.barRect(difference: 0, centerX: 100, unit: 10, top: 5, height: 8)
    #expect(none.width == 0)
  }

  @Test("ellipse and segment tests")
  func ellipsesAndSegments() {
    let box = Rect(x: 0, y: 0, width: 200, height: 100)
    #expect(ChartGeometry.ellipseHalfWidth(a: 100, b: 50, atOffset: 0) == 100)
    #expect(ChartGeometry.ellipseHalfWidth(a: 100, b: 50, atOffset: 60) == 0)
    #expect(ChartGeometry.ellipse(box, contains: Rect(x: 80, y: 40, width: 40, height: 20)))
    #expect(!ChartGeometry.ellipse(box, contains: Rect(x: 0, y: 0, width: 20, height: 20)))
    #expect(!ChartGeometry.ellipse(box, intersects: Rect(x: 0, y: 0, width: 10, height: 10)))
    #expect(ChartGeometry.ellipse(box, intersects: Rect(x: 190, y: 45, width: 30, height: 10)))
    let r = Rect(x: 10, y: 10, width: 10, height: 10)
    #expect(ChartGeometry.segment(from: Point(x: 0, y: 15), to: Point(x: 30, y: 15), intersects: r))
    #expect(!ChartGeometry.segment(from: Point(x: 0, y: 0), to: Point(x: 30, y: 0), intersects: r))
    #expect(
      !ChartGeometry.segment(from: Point(x: 0, y: 15), to: Point(x: 10, y: 15), intersects: r))
  }
}
