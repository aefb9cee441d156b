import Geometry

/// A rectangle of a page that shows a piece of content, and where that content was written.
public struct SourceBox: Hashable, Sendable {
  /// In page coordinates (points, y downwards).
  public var rect: Rect
  public var source: SourceSpan
  /// The structure element the box is (`P`, `H2`, `LI`, `TD`, `Figure`…); nil for an image.
  public var tag: StructureTag?

  public init(rect: Rect, source: SourceSpan, tag: StructureTag?) {
    self.rect = rect
    self.source = source
    self.tag = tag
  }
}

extension Frame {
  /// Every tagged element and image that carries a source span, with its rectangle, outer ones
  /// before those inside them (a table before its cells), in drawing order.
  ///
  /// An element's rectangle is its frame's box; one whose frame has no size gets the box
  /// around its text lines.
  public func sourceBoxes(origin: Point = .zero) -> [SourceBox] {
    var boxes: [SourceBox] = []
    collectSourceBoxes(origin: origin, into: &boxes)
    return boxes
  }

  private func collectSourceBoxes(origin: Point, into boxes: inout [SourceBox]) {
    for (p, item) in items {
      let at = Point(x: origin.x + p.x, y: origin.y + p.y)
      switch item {
      case .tagged(let tag, let frame, _, let source):
        if let source, let rect = frame.box(at: at) {
          boxes.append(SourceBox(rect: rect, source: source, tag: tag))
        }
        frame.collectSourceBoxes(origin: at, into: &boxes)
      case .image(let image):
        if let source = image.source {
          boxes.append(
            SourceBox(
              rect: Rect(x: at.x, y: at.y, width: image.size.width, height: image.size.height),
              source: source, tag: nil))
        }
      case .group(let frame), .language(_, let frame), .link(_, let frame):
        frame.collectSourceBoxes(origin: at, into: &boxes)
      // Text, shapes, links' areas and anchors carry no source; a booklet's sheets (scaled) are
      // print files, never previewed: nothing inside is reported.
      default: continue
      }
    }
  }

  /// The frame with `source` on its outermost structure elements (a chart's `Figure`).
  ///
  /// For a frame laid out apart from where its content was written (a chart, from its data);
  /// nil leaves it as it is.
  public func sourced(_ source: SourceSpan?) -> Frame {
    guard let source else { return self }
    var out = Frame(size: size)
    out.reserveCapacity(items.count)
    for (p, item) in items {
      guard case .tagged(let tag, let frame, let alt, _) = item else {
        out.push(item, at: p)
        continue
      }
      out.push(.tagged(tag, frame, alt: alt, source: source), at: p)
    }
    return out
  }

  /// The frame's box at `origin`; when it has no size, the box around its text lines (nil when
  /// it has none).
  private func box(at origin: Point) -> Rect? {
    if size.width > 0, size.height > 0 {
      return Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }
    let lines = textLines(origin: origin).map(\.0)
    guard let first = lines.first else { return nil }
    return lines.dropFirst().reduce(first) { $0.union($1) }
  }
}
