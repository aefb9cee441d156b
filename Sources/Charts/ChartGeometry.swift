import Foundation
import Geometry

/// The pure geometry behind the charts: where vertices, bars and labels go.
///
/// Coordinates are in points, y downwards. Angles are in radians, measured clockwise from straight up,
/// so the first radar axis points up and the next ones follow clockwise.
public enum ChartGeometry {
  // MARK: Radar

  /// The angle of axis `index` of `count`: 0 is straight up, increasing clockwise.
  public static func radarAngle(index: Int, count: Int) -> Double {
    count > 0 ? 2 * Double.pi * Double(index) / Double(count) : 0
  }

  /// The point of a score on a radar axis: `score / maxScore` of `radius` from `center`, along axis
  /// `index` of `count`.
  public static func radarVertex(
    score: Double, maxScore: Double, radius: Double, index: Int, count: Int,
    center: Point
  ) -> Point {
    let r = maxScore > 0 ? radius * score / maxScore : 0
    let a = radarAngle(index: index, count: count)
    return Point(x: center.x + r * sin(a), y: center.y - r * cos(a))
  }

  /// Which way a label at `angle` hangs from its anchor.
  public enum LabelSide: Sendable, Hashable {
    /// Right half: the label starts at the anchor (flush left).
    case right
    /// Left half: the label ends at the anchor (flush right).
    case left
    /// Top or bottom: the label is centred on the axis.
    case center

    /// The side of an axis at `angle`.
    public init(angle: Double) {
      let s = sin(angle)
      self = abs(s) < 1e-6 ? .center : (s > 0 ? .right : .left)
    }
  }

  /// Where a label of `size` goes for an axis at `angle`: just outside the circle of radius
  /// `distance` around `center`, flush left on the right half, flush right on the left half, centred
  /// at top and bottom; moved outwards along the axis until no part of it is inside that circle.
  public static func radarLabelRect(size: Size, angle: Double, center: Point, distance: Double)
    -> Rect
  {
    let s = sin(angle)
    let c = cos(angle)
    let anchor = Point(x: center.x + distance * s, y: center.y - distance * c)
    let x: Double
    switch LabelSide(angle: angle) {
    case .right: x = anchor.x
    case .left: x = anchor.x - size.width
    case .center: x = anchor.x - size.width / 2
    }
    // Top: the box stands on the anchor; sides: centred on it; bottom: it hangs from it.
    let y = anchor.y - size.height / 2 - c * size.height / 2
    var rect = Rect(x: x, y: y, width: size.width, height: size.height)
    let step = 0.25
    var moves = 0
    while self.distance(from: center, to: rect) < distance - 1e-9, moves < 8000 {
      rect = rect.moved(step * s, -step * c)
      moves += 1
    }
    return rect
  }

  /// Every axis label's rectangle for a radar with labels of `sizes` (one per axis, in axis order):
  /// placed by ``radarLabelRect(size:angle:center:distance:)``, then spread vertically away from
  /// the horizontal through `center` until no two are closer than `spacing`.
  ///
  /// Moving a label away from that line never brings it nearer the centre, so the labels stay
  /// outside the circle.
  public static func radarLabelRects(
    sizes: [Size], center: Point, distance: Double,
    spacing: Double = 2
  ) -> [Rect] {
    let n = sizes.count
    var rects = sizes.enumerated().map {
      radarLabelRect(
        size: $0.element, angle: radarAngle(index: $0.offset, count: n), center: center,
        distance: distance)
    }
    for _ in 0..<(4 * n * n + 8) {
      var moved = false
      for i in 0..<n {
        for j in (i + 1)..<max(i + 1, n)
        where rects[i].insetBy(-spacing / 2).intersects(rects[j].insetBy(-spacing / 2)) {
          // Move the label farther from the horizontal centre line (the later one on a tie).
          let di = abs(rects[i].center.y - center.y)
          let dj = abs(rects[j].center.y - center.y)
          let (m, o) = di > dj + 1e-9 ? (i, j) : (j, i)
          if rects[m].center.y < rects[o].center.y
            || (abs(rects[m].center.y - rects[o].center.y) < 1e-9 && rects[m].center.y < center.y)
          {
            rects[m].origin.y = rects[o].minY - spacing - rects[m].height
          } else {
            rects[m].origin.y = rects[o].maxY + spacing
          }
          moved = true
        }
      }
      if !moved { break }
    }
    return rects
  }

  // MARK: Bars

  /// The bar for a difference of `difference` (business − technical) drawn from the centre line at
  /// `centerX`, `unit` points per score point: positive (business leans) to the left, negative
  /// (technical leans) to the right.
  public static func barRect(
    difference: Double, centerX: Double, unit: Double, top: Double,
    height: Double
  ) -> Rect {
    let length = abs(difference) * unit
    let x = difference > 0 ? centerX - length : centerX
    return Rect(x: x, y: top, width: length, height: height)
  }

  // MARK: Ellipses

  /// Half the width of an ellipse with semi-axes `a` (horizontal) and `b` (vertical) at `offset`
  /// from its centre line; 0 beyond its top and bottom.
  public static func ellipseHalfWidth(a: Double, b: Double, atOffset offset: Double) -> Double {
    guard b > 0 else { return 0 }
    let q = 1 - (offset / b) * (offset / b)
    return q > 0 ? a * sqrt(q) : 0
  }

  /// Whether `rect` lies wholly inside the ellipse inscribed in `bounds`.
  public static func ellipse(_ bounds: Rect, contains rect: Rect) -> Bool {
    let c = bounds.center
    let a = bounds.width / 2
    let b = bounds.height / 2
    guard a > 0, b > 0 else { return false }
    for p in [
      rect.origin, Point(x: rect.maxX, y: rect.minY), Point(x: rect.minX, y: rect.maxY),
      Point(x: rect.maxX, y: rect.maxY),
    ] {
      let dx = (p.x - c.x) / a
      let dy = (p.y - c.y) / b
      if dx * dx + dy * dy > 1 + 1e-9 { return false }
    }
    return true
  }

  /// Whether `rect` and the ellipse inscribed in `bounds` share any area (sampled along the rectangle's
  /// edges, every half point).
  public static func ellipse(_ bounds: Rect, intersects rect: Rect) -> Bool {
    let c = bounds.center
    let a = bounds.width / 2
    let b = bounds.height / 2
    guard a > 0, b > 0 else { return false }
    func inside(_ p: Point) -> Bool {
      let dx = (p.x - c.x) / a
      let dy = (p.y - c.y) / b
      return dx * dx + dy * dy < 1 - 1e-9
    }
    if rect.minX < c.x, c.x < rect.maxX, rect.minY < c.y, c.y < rect.maxY { return true }
    let steps = max(2, Int((rect.width + rect.height) * 2))
    for k in 0...steps {
      let t = Double(k) / Double(steps)
      let xs = rect.minX + t * rect.width
      let ys = rect.minY + t * rect.height
      if inside(Point(x: xs, y: rect.minY)) || inside(Point(x: xs, y: rect.maxY))
        || inside(Point(x: rect.minX, y: ys)) || inside(Point(x: rect.maxX, y: ys))
      {
        return true
      }
    }
    return false
  }

  // MARK: Distances

  /// The distance from `point` to the nearest point of `rect` (0 inside it).
  public static func distance(from point: Point, to rect: Rect) -> Double {
    let dx = max(rect.minX - point.x, 0, point.x - rect.maxX)
    let dy = max(rect.minY - point.y, 0, point.y - rect.maxY)
    return (dx * dx + dy * dy).squareRoot()
  }

  /// Whether the segment from `a` to `b` passes through the interior of `rect`.
  public static func segment(from a: Point, to b: Point, intersects rect: Rect) -> Bool {
    // Liang–Barsky clipping against the open rectangle.
    var t0 = 0.0
    var t1 = 1.0
    let dx = b.x - a.x
    let dy = b.y - a.y
    for (p, q) in [
      (-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y),
    ] {
      if p == 0 {
        if q <= 0 { return false }
      } else {
        let r = q / p
        if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
        if t0 >= t1 { return false }
      }
    }
    return t1 - t0 > 1e-9
  }
}
