import Frames
import Geometry

/// A drawing surface for one part of a chart: items in the part's own coordinates, their bounds and
/// the rectangles of the labels placed on it.
struct Canvas {
  private(set) var items: [(Point, FrameItem)] = []
  /// The smallest rectangle holding every mark and label (strokes included); nil when empty.
  private(set) var bounds: Rect?
  /// Every label line's box, in canvas coordinates.
  private(set) var labelRects: [Rect] = []

  /// Adds a shape whose path is in canvas coordinates.
  mutating func draw(_ shape: Shape) {
    guard !shape.path.isEmpty else { return }
    items.append((.zero, .shape(shape)))
    if let b = shape.bounds { include(b.insetBy(-(shape.stroke?.width ?? 0) / 2)) }
  }

  /// Adds a text block with its top-left corner at `origin`; returns the block's rectangle.
  @discardableResult
  mutating func write(_ block: TextBlock, at origin: Point) -> Rect {
    let rect = Rect(origin: origin, size: block.size)
    guard !block.isEmpty else { return rect }
    for (p, item) in block.items(at: origin) {
      items.append((p, item))
      if case .text(let line, _) = item {
        let r = Rect(x: p.x, y: p.y, width: line.width, height: line.height)
        labelRects.append(r)
        include(r)
      }
    }
    return rect
  }

  /// Adds another canvas's items moved by `offset`.
  mutating func append(_ other: Canvas, offset: Point) {
    for (p, item) in other.items { items.append((p.offset(offset.x, offset.y), item)) }
    for r in other.labelRects { labelRects.append(r.moved(offset)) }
    if let b = other.bounds { include(b.moved(offset)) }
  }

  /// Grows the bounds to hold `rect`.
  mutating func include(_ rect: Rect) {
    bounds = bounds.map { $0.union(rect) } ?? rect
  }

  /// The items as a frame whose origin is canvas point `origin`, `size` large.
  func frame(origin: Point, size: Size) -> Frame {
    var f = Frame(size: size)
    for (p, item) in items { f.push(item, at: p.offset(-origin.x, -origin.y)) }
    return f
  }
}

extension Rect {
  /// The rectangle moved by `offset`.
  func moved(_ offset: Point) -> Rect {
    Rect(origin: origin.offset(offset.x, offset.y), size: size)
  }
  /// The rectangle moved by `dx`, `dy`.
  func moved(_ dx: Double, _ dy: Double) -> Rect { Rect(origin: origin.offset(dx, dy), size: size) }
}

extension Point {
  /// The point moved by `offset`.
  func moved(_ offset: Point) -> Point { self.offset(offset.x, offset.y) }
}
