import Frames
import Geometry
import ReportModel

/// What the two-set (``VennChart``) and three-set (``VennThree``) overlap diagrams share: a
/// region's words, where its blocks go, and how the sets and the placed words are drawn.
enum VennDrawing {
  /// A region's words: a header (title and count) and items; no words for an empty pairwise area.
  struct RegionContent {
    var kind: VennRegion
    var title: String
    var count: String
    var items: [String]
    var isEmpty: Bool { title.isEmpty && items.isEmpty }
  }

  /// A region's blocks (the header's title and count, then the items) and where they go, in
  /// coordinates centred on the diagram.
  struct Placement {
    var blocks: [TextBlock]
    var rects: [Rect]
  }

  /// A canvas holding each set's ellipse (`sets`: their boxes, in role order) in its role's
  /// colour: every fill first, then every outline, so no fill hides another set's outline.
  static func canvas(sets: [Rect], theme: ChartTheme) -> Canvas {
    var canvas = Canvas()
    for (role, box) in sets.enumerated() {
      var fill = theme.color(forRole: role)
      fill.alpha = 0.14
      canvas.draw(.ellipse(in: box, fill: fill))
    }
    for (role, box) in sets.enumerated() {
      canvas.draw(
        .ellipse(
          in: box,
          stroke: Stroke(
            color: theme.color(forRole: role), width: 1.4, dash: theme.dash(forRole: role))))
    }
    return canvas
  }

  /// Writes each region's blocks on `canvas` at their places moved by `offset`; the regions'
  /// marks, in `contents`' order.
  static func write(
    _ contents: [RegionContent], _ placements: [Placement], offset: Point, on canvas: inout Canvas
  ) -> [VennMarks.Region] {
    zip(contents, placements).map { content, placement in
      let rects = zip(placement.blocks, placement.rects).map { block, rect in
        canvas.write(block, at: rect.origin.moved(offset))
      }
      return VennMarks.Region(
        kind: content.kind, count: content.items.count, header: [content.title, content.count],
        headerRect: rects[0].union(rects[1]), items: content.items,
        itemRects: Array(rects.dropFirst(2)))
    }
  }
}
