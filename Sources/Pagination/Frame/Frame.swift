import Geometry
import TextShaping

/// A finished piece of layout: items at fixed positions inside a box. The only thing renderers see.
///
/// Positions are relative to the frame's top-left corner, in points, y downwards.
public struct Frame: Sendable {
    public var size: Size
    public private(set) var items: [(Point, FrameItem)]

    public init(size: Size, items: [(Point, FrameItem)] = []) { self.size = size; self.items = items }

    /// Makes room for `count` items in all (a frame of a known size is kept without spare room).
    public mutating func reserveCapacity(_ count: Int) { items.reserveCapacity(count) }

    /// Adds an item at `position`.
    public mutating func push(_ item: FrameItem, at position: Point) { items.append((position, item)) }

    /// Adds `frame`'s items as a group at `position`.
    public mutating func push(frame: Frame, at position: Point) {
        if !frame.items.isEmpty { items.append((position, .group(frame))) }
    }

    /// Every text line with its absolute rectangle, depth first.
    public func textLines(origin: Point = .zero) -> [(Rect, ShapedLine)] {
        var out: [(Rect, ShapedLine)] = []
        walk(origin: origin) { p, item in
            if case .text(let line, _) = item {
                out.append((Rect(x: p.x + line.offset, y: p.y, width: line.width, height: line.height), line))
            }
        }
        return out
    }

    /// Calls `body` with each non-group item and its absolute position, depth first, in drawing order.
    public func walk(origin: Point = .zero, _ body: (Point, FrameItem) -> Void) {
        for (p, item) in items {
            let at = Point(x: origin.x + p.x, y: origin.y + p.y)
            switch item {
            case .group(let f): f.walk(origin: at, body)
            case .tagged(_, let f): f.walk(origin: at, body)
            case .link(_, let f): f.walk(origin: at, body)
            default: body(at, item)
            }
        }
    }
}

/// One positioned thing in a frame.
public enum FrameItem: Sendable {
    /// Another frame, its origin at the item's position.
    case group(Frame)
    /// A logical structure element (`P`, `H1`, `Table`, …) around a frame, for tagged PDF.
    case tagged(StructureTag, Frame)
    /// A line of text; its box's top-left corner is the item's position. The colour is the default
    /// for runs that set none.
    case text(ShapedLine, Color)
    /// A filled and/or stroked path (boxed: a shape is large and rare, a text line small and common,
    /// and every item is as big as the largest case).
    indirect case shape(Shape)
    /// A clickable area linking to a named destination, around the frame drawn inside it.
    case link(destination: String, Frame)
    /// A named destination (and, for headings, an outline entry) at the item's position.
    case anchor(Anchor)
}

/// A named place in a document: a link target, and an outline entry when `outlineLevel` is set.
public struct Anchor: Hashable, Sendable {
    public var name: String
    public var title: String
    /// 1 for top-level headings; nil for anchors that are not in the outline.
    public var outlineLevel: Int?
    public init(name: String, title: String, outlineLevel: Int?) {
        self.name = name; self.title = title; self.outlineLevel = outlineLevel
    }
}

/// Standard PDF structure types pmreport uses.
public enum StructureTag: String, Sendable, CaseIterable {
    case paragraph = "P", heading1 = "H1", heading2 = "H2", heading3 = "H3"
    case list = "L", listItem = "LI", listLabel = "Lbl", listBody = "LBody"
    case table = "Table", tableRow = "TR", tableHeader = "TH", tableCell = "TD"
    case figure = "Figure", caption = "Caption", toc = "TOC", tocItem = "TOCI"
    case artifact = "Span"
}

// MARK: - Shapes

/// A path with paint. Coordinates are relative to the item's position.
public struct Shape: Sendable {
    public var path: [PathElement]
    public var fill: Color?
    public var stroke: Stroke?
    /// Parallel lines drawn inside the path over the fill, to tell areas apart without colour.
    public var hatch: Hatch?
    public init(path: [PathElement], fill: Color? = nil, stroke: Stroke? = nil, hatch: Hatch? = nil) {
        self.path = path; self.fill = fill; self.stroke = stroke; self.hatch = hatch
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
    public static func polygon(_ points: [Point], fill: Color? = nil, stroke: Stroke? = nil) -> Shape {
        guard let first = points.first else { return Shape(path: []) }
        return Shape(path: [.move(first)] + points.dropFirst().map { .line($0) } + [.close],
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
public enum PathElement: Sendable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case rect(Rect)
    case ellipse(Rect)
    case close
}

/// How a path's outline is drawn.
public struct Stroke: Sendable {
    public var color: Color
    public var width: Double
    /// Dash lengths (on, off, …); empty for a solid line.
    public var dash: [Double]
    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

/// Hatching: parallel lines clipped to a shape.
public struct Hatch: Sendable {
    public var color: Color
    /// Angle of the lines in degrees, counter-clockwise from horizontal.
    public var angle: Double
    /// Distance between lines in points.
    public var spacing: Double
    public var lineWidth: Double
    public init(color: Color, angle: Double, spacing: Double, lineWidth: Double = 0.6) {
        self.color = color; self.angle = angle; self.spacing = spacing; self.lineWidth = lineWidth
    }
}
