import Frames
import Geometry
import TextShaping

/// A point marker's shape, one a role: circles, squares, triangles, diamonds.
enum Marker: Sendable {
  case circle, square, triangle, diamond

  /// The marker of the role at `index` in the content's order.
  static func forRole(_ index: Int) -> Marker {
    [.circle, .square, .triangle, .diamond][index % 4]
  }

  /// The marker centred on `p`, about `size` across (squares a little smaller, to look equal).
  func shape(at p: Point, size: Double, fill: Color, stroke: Stroke?) -> Shape {
    switch self {
    case .circle:
      return .ellipse(
        in: Rect(x: p.x - size / 2, y: p.y - size / 2, width: size, height: size),
        fill: fill, stroke: stroke)
    case .square:
      let s = size * 0.9
      return .rect(
        Rect(x: p.x - s / 2, y: p.y - s / 2, width: s, height: s), fill: fill, stroke: stroke)
    case .triangle:
      let r = size * 0.62
      let points = [
        Point(x: p.x, y: p.y - r), Point(x: p.x + r * 0.866, y: p.y + r / 2),
        Point(x: p.x - r * 0.866, y: p.y + r / 2),
      ]
      return .polygon(points, fill: fill, stroke: stroke)
    case .diamond:
      let r = size * 0.62
      let points = [
        Point(x: p.x, y: p.y - r), Point(x: p.x + r, y: p.y), Point(x: p.x, y: p.y + r),
        Point(x: p.x - r, y: p.y),
      ]
      return .polygon(points, fill: fill, stroke: stroke)
    }
  }
}

/// One legend entry: a sample of the mark and its words.
struct LegendEntry {
  enum Swatch {
    /// A short line, with a marker in its middle.
    case line(Stroke, marker: Marker?, markerFill: Color?)
    /// A small filled box.
    case patch(fill: Color?, stroke: Stroke?, hatch: Hatch?)
    /// Words only (a note), set muted.
    case none
  }
  var swatch: Swatch
  var label: String
}

/// Lays legend entries out in centred rows, wrapping to new rows as the width requires.
enum Legend {
  static let swatchWidth = 22.0
  static let swatchGap = 5.0
  static let entryGap = 16.0
  static let rowGap = 4.0

  /// The legend as a canvas spanning x 0…`width`, its top at y 0; empty for no entries.
  static func canvas(_ entries: [LegendEntry], width: Double, setter: TextSetter) -> Canvas {
    let theme = setter.theme
    let font = setter.font(theme.labelSize)
    struct Placed {
      var entry: LegendEntry
      var block: TextBlock
      var width: Double
    }
    let placed: [Placed] = entries.map { e in
      let hasSwatch: Bool = if case .none = e.swatch { false } else { true }
      let lead = hasSwatch ? swatchWidth + swatchGap : 0
      let block = setter.block(
        e.label, font: font, color: hasSwatch ? theme.text : theme.muted,
        maxWidth: max(40, min(width - lead, 220)))
      return Placed(entry: e, block: block, width: lead + block.width)
    }
    // Greedy rows.
    var rows: [[Placed]] = [[]]
    var used = 0.0
    for p in placed {
      let need = (rows[rows.count - 1].isEmpty ? 0 : entryGap) + p.width
      if !rows[rows.count - 1].isEmpty, used + need > width {
        rows.append([p])
        used = p.width
      } else {
        rows[rows.count - 1].append(p)
        used += need
      }
    }
    var canvas = Canvas()
    var y = 0.0
    for row in rows where !row.isEmpty {
      let rowWidth = row.map(\.width).reduce(0, +) + entryGap * Double(row.count - 1)
      let rowHeight = row.map(\.block.height).max() ?? 0
      var x = max(0, (width - rowWidth) / 2)
      for p in row {
        let firstLine = p.block.lines.first?.height ?? rowHeight
        let top = y + (rowHeight - p.block.height) / 2
        let midY = top + firstLine / 2
        switch p.entry.swatch {
        case .line(let stroke, let marker, let markerFill):
          canvas.draw(
            .line(
              from: Point(x: x, y: midY), to: Point(x: x + swatchWidth, y: midY), stroke: stroke))
          if let marker {
            canvas.draw(
              marker.shape(
                at: Point(x: x + swatchWidth / 2, y: midY), size: 6,
                fill: markerFill ?? stroke.color,
                stroke: Stroke(color: .white, width: 0.8)))
          }
          canvas.write(p.block, at: Point(x: x + swatchWidth + swatchGap, y: top))
        case .patch(let fill, let stroke, let hatch):
          let box = Rect(x: x + 3, y: midY - 5, width: swatchWidth - 6, height: 10)
          canvas.draw(Shape(path: [.rect(box)], fill: fill, stroke: stroke, hatch: hatch))
          canvas.write(p.block, at: Point(x: x + swatchWidth + swatchGap, y: top))
        case .none:
          canvas.write(p.block, at: Point(x: x, y: top))
        }
        x += p.width + entryGap
      }
      y += rowHeight + rowGap
    }
    return canvas
  }
}
