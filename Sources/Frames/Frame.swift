import Geometry

/// A finished piece of layout: items at fixed positions inside a box.
///
/// The only thing renderers see.
///
/// Positions are relative to the frame's top-left corner, in points, y downwards.
public struct Frame: Sendable {
  public var size: Size
  public private(set) var items: [(Point, FrameItem)]

  public init(size: Size, items: [(Point, FrameItem)] = []) {
    self.size = size
    self.items = items
  }

  /// Makes room for `count` items in all (a frame of a known size is kept without spare room).
  public mutating func reserveCapacity(_ count: Int) { items.reserveCapacity(count) }

  /// Adds an item at `position`.
  public mutating func push(_ item: FrameItem, at position: Point) {
    items.append((position, item))
  }

  /// Adds `frame`'s items as a group at `position`.
  public mutating func push(frame: Frame, at position: Point) {
    if !frame.items.isEmpty { items.append((position, .group(frame))) }
  }

  /// Every text line with its absolute rectangle, depth first.
  public func textLines(origin: Point = .zero) -> [(Rect, ShapedLine)] {
    var out: [(Rect, ShapedLine)] = []
    walk(origin: origin) { p, item in
      if case .text(let line, _) = item {
        out.append(
          (Rect(x: p.x + line.offset, y: p.y, width: line.width, height: line.height), line))
      }
    }
    return out
  }

  /// Whether any structure element or link is inside: then cairo leaves the drawing beside them
  /// unmarked, and the painter must wrap it.
  public var holdsStructure: Bool {
    items.contains { _, item in
      switch item {
      case .tagged, .language, .link, .linkArea: true
      case .group(let inner), .scaled(_, let inner): inner.holdsStructure
      default: false
      }
    }
  }

  /// The frame without its named destinations (`anchor` items) and its links (their drawing
  /// kept), at any depth: a print file's pages.
  public func removingAnchorsAndLinks() -> Frame {
    var out = Frame(size: size)
    out.reserveCapacity(items.count)
    for (p, item) in items {
      switch item {
      case .anchor, .linkArea: continue
      case .group(let f), .link(_, let f): out.push(.group(f.removingAnchorsAndLinks()), at: p)
      case .tagged(let tag, let f, let alt, let source):
        out.push(.tagged(tag, f.removingAnchorsAndLinks(), alt: alt, source: source), at: p)
      case .scaled(let factor, let f):
        out.push(.scaled(factor, f.removingAnchorsAndLinks()), at: p)
      case .language(let lang, let f):
        out.push(.language(lang, f.removingAnchorsAndLinks()), at: p)
      default: out.push(item, at: p)
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
      case .tagged(_, let f, _, _): f.walk(origin: at, body)
      case .language(_, let f): f.walk(origin: at, body)
      case .link(_, let f): f.walk(origin: at, body)
      // Positions inside are reported unscaled: only a booklet's sheets scale, after layout.
      case .scaled(_, let f): f.walk(origin: at, body)
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
  ///
  /// `alt` is the element's alternate text (a chart's `Figure`): plain data for the accessibility
  /// pass, since cairo 1.16 takes no attributes on a structure tag; nothing draws it. `source` is
  /// where the element's content was written (a paragraph, a heading, a table cell), for tools
  /// that go back to it; nothing draws it either.
  case tagged(StructureTag, Frame, alt: String? = nil, source: SourceSpan? = nil)
  /// A passage in another language than the document's (a BCP 47 tag): a `Div` element with that
  /// `/Lang` around the frame's elements.
  case language(String, Frame)
  /// A line of text; its box's top-left corner is the item's position. The colour is the default
  /// for runs that set none.
  case text(ShapedLine, Color)
  /// A filled and/or stroked path (boxed: a shape is large and rare, a text line small and common,
  /// and every item is as big as the largest case).
  indirect case shape(Shape)
  /// A clickable area linking to a named destination, around the frame drawn inside it.
  case link(destination: String, Frame)
  /// A clickable rectangle of `size` at the item's position, over text drawn elsewhere (a link in
  /// running text).
  case linkArea(target: LinkTarget, Size)
  /// A named destination (and, for headings, an outline entry) at the item's position.
  case anchor(Anchor)
  /// A picture from a file, scaled into the box of its `size` whose top-left corner is the item's
  /// position (boxed, as shapes are).
  indirect case image(ImageItem)
  /// A frame drawn at `factor` times its size, its top-left corner at the item's position (a
  /// booklet's pages on their sheet: vectors and text stay as they are, only smaller).
  case scaled(Double, Frame)
}

/// The kinds of image file pmreport draws.
public enum ImageKind: String, Sendable, Hashable, CaseIterable {
  /// PNG and JPEG are decoded to pixels (gdk-pixbuf).
  case png, jpeg
  /// SVG is drawn as vectors (librsvg).
  case svg

  /// The kind a file name's extension says (`.png`, `.jpg`/`.jpeg`, `.svg`, any case); nil for any
  /// other.
  public init?(fileExtension ext: String) {
    switch ext.lowercased() {
    case "png": self = .png
    case "jpg", "jpeg": self = .jpeg
    case "svg": self = .svg
    default: return nil
    }
  }
}

/// A picture placed in a frame: plain data naming the file; the renderer holds the decoded image.
public struct ImageItem: Hashable, Sendable {
  /// The image file, absolute, symbolic links resolved: the key the renderer's images go by.
  public var path: String
  public var kind: ImageKind
  /// The drawn size in points; the image is scaled to fill it.
  public var size: Size
  /// The alternate text, kept for the accessibility work (cairo 1.16 takes no attributes on a
  /// `Figure` tag, so it is not in the PDF yet).
  public var alt: String
  /// Where the image was placed in the content, for tools that go back to it; not drawn.
  public var source: SourceSpan?
  /// A hash of the file's bytes when it was checked (seeded per process, as Swift's hashes
  /// are): a file replaced by another of the same size is another image; not drawn.
  public var contentHash: Int

  public init(
    path: String, kind: ImageKind, size: Size, alt: String, source: SourceSpan? = nil,
    contentHash: Int = 0
  ) {
    self.path = path
    self.kind = kind
    self.size = size
    self.alt = alt
    self.source = source
    self.contentHash = contentHash
  }
}

/// A named place in a document: a link target, and an outline entry when `outlineLevel` is set.
public struct Anchor: Hashable, Sendable {
  public var name: String
  public var title: String
  /// 1 for top-level headings; nil for anchors that are not in the outline.
  public var outlineLevel: Int?
  /// The title a running header shows when `title` does not fit it; nil: the title alone.
  public var shortTitle: String?
  public init(name: String, title: String, outlineLevel: Int?, shortTitle: String? = nil) {
    self.name = name
    self.title = title
    self.outlineLevel = outlineLevel
    self.shortTitle = shortTitle
  }
}

/// Standard PDF structure types pmreport uses.
public enum StructureTag: String, Sendable, CaseIterable {
  case paragraph = "P"
  case heading1 = "H1"
  case heading2 = "H2"
  case heading3 = "H3"
  case list = "L"
  case listItem = "LI"
  case listLabel = "Lbl"
  case listBody = "LBody"
  case table = "Table"
  case tableRow = "TR"
  case tableHeader = "TH"
  case tableCell = "TD"
  case figure = "Figure"
  case caption = "Caption"
  case toc = "TOC"
  case tocItem = "TOCI"
  /// A table of contents entry's reference to its heading (holding the link).
  case reference = "Reference"
  /// A generic block of elements (a passage in another language).
  case division = "Div"
  case span = "Span"
  /// Decoration that is not content (dot leaders, tick boxes): a PDF `/Artifact`, outside the
  /// structure tree.
  case artifact = "Artifact"

  /// Whether the element only groups others: drawing directly inside it (a table's fills, a
  /// list's rules) is decoration, not content.
  public var isGrouping: Bool {
    switch self {
    case .list, .listItem, .table, .tableRow, .toc, .tocItem: true
    default: false
    }
  }
}

/// A finished page: everything on it, in page coordinates.
public struct Page: Sendable {
  public var size: Size
  public var frame: Frame
  public init(size: Size, frame: Frame) {
    self.size = size
    self.frame = frame
  }
}
