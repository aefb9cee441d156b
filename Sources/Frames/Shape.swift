import Geometry

/// A path with paint.
///
/// Coordinates are relative to the item's position.
public struct Shape: Hashable, Sendable {
  public var path: [PathElement]
  public var fill: Color?
  public var stroke: Stroke?
  /// Parallel lines drawn inside the path over the fill, to tell areas apart without colour.
  public var hatch: Hatch?
  public init(path: [PathElement], fill: Color? = nil, stroke: Stroke? = nil, hatch: Hatch? = nil) {
    self.path = path
    self.fill = fill
    self.stroke = stroke
    self.hatch = hatch
  }

  /// A rectangle.
  public static func rect(_ r: Rect, fill: Color? = nil, stroke: Stroke? = nil) -> Shape {
    Shape(path: [.rect(r)], fill: fill, stroke: stroke)
  }
  /// A straight line.
  public static func line(from a: Point, to b: Point, stroke: Stroke) -> Shape {
    Shape(path: [.move(a), .line(b)], stroke: stroke)
  }
  /// A closed polygon through `points`.
  public static func polygon(_ points: [Point], fill: Color? = nil, stroke: Stroke? = nil) -> Shape
  {
    guard let first = points.first else { return Shape(path: []) }
    return Shape(
      path: [.move(first)] + points.dropFirst().map { .line($0) } + [.close],
      fill: fill, stroke: stroke)
  }
  /// A circle or ellipse inscribed in `r`.
  public static func ellipse(in r: Rect, fill: Color? = nil, stroke: Stroke? = nil) -> Shape {
    Shape(path: [.ellipse(r)], fill: fill, stroke: stroke)
  }

  /// The smallest rectangle holding the path's points (control points included).
  public var bounds: Rect? {
    var pts: [Point] = []
    for e in path {
      switch e {
      case .move(let p), .line(let p): pts.append(p)
      case .curve(let a, let b, let c): pts += [a, b, c]
      case .rect(let r), .ellipse(let r): pts += [r.origin, Point(x: r.maxX, y: r.maxY)]
      case .close: break
      }
    }
    guard let f = pts.first else { return nil }
    var r = Rect(origin: f, size: .zero)
    for p in pts.dropFirst() { r = r.union(Rect(origin: p, size: .zero)) }
    return r
  }
}

/// One step of a path.
public enum PathElement: Hashable, Sendable {
  case move(Point)
  case line(Point)
  case curve(Point, Point, Point)
  case rect(Rect)
  case ellipse(Rect)
  case close
}

/// How a path's outline is drawn.
public struct Stroke: Hashable, Sendable {
  public var color: Color
  public var width: Double
  /// Dash lengths (on, off, …); empty for a solid line.
  public var dash: [Double]
  public init(color: Color, width: Double, dash: [Double] = []) {
    self.color = color
    self.width = width
    self.dash = dash
  }
}

/// Hatching: parallel lines clipped to a shape.
public struct Hatch: Hashable, Sendable {
  public var color: Color
  /// Angle of the lines in degrees, counter-clockwise from horizontal.
  public var angle: Double
  /// Distance between lines in points.
  public var spacing: Double
  public var lineWidth: Double
  public init(color: Color, angle: Double, spacing: Double, lineWidth: Double = 0.6) {
    self.color = color
    self.angle = angle
    self.spacing = spacing
    self.lineWidth = lineWidth
  }
}
