import Frames
import Geometry
import Pagination
import TextShaping

/// Running header (document title, current section, a hairline) and footer (`page X of Y`, in the
/// document's language),
/// laid out after the body so the page count is final.
struct Furniture {
  let type: TypeSet
  let template: PageTemplate
  let documentTitle: String
  /// Page 1 carries the title block: no running header there.
  let titlePage: Bool

  func frame(for page: PageContext) -> Frame? {
    var frame = Frame(size: template.pageSize)
    let body = template.body
    let font = type.small
    if !(titlePage && page.index == 0) {
      let ruleY = body.minY - font.size * 1.4
      var left = type.line(documentTitle, font: font, color: type.muted)
      var right: ShapedLine?
      // The section in force, unless it only repeats the title (a one-table sheet's heading).
      if let section = page.section, section.title != documentTitle {
        (left, right) = header(left, section: section)
      }
      frame.push(.text(left, type.muted), at: Point(x: body.minX, y: ruleY - left.height - 2))
      if let right {
        frame.push(
          .text(right, type.muted),
          at: Point(x: body.maxX - right.width, y: ruleY - right.height - 2))
      }
      frame.push(
        .shape(
          .line(
            from: Point(x: body.minX, y: ruleY), to: Point(x: body.maxX, y: ruleY),
            stroke: Stroke(color: type.rule, width: 0.5))), at: .zero)
    }
    let footer = type.line(
      type.words.pageOf(page.index + 1, page.count), font: font, color: type.muted)
    frame.push(
      .text(footer, type.muted),
      at: Point(x: body.midX - footer.width / 2, y: body.maxY + font.size * 2.2))
    return frame
  }

  /// The header's two sides: the document's title (`left`, as set) and the section's.
  ///
  /// The section's title when it fits beside the document's; else its short title when that
  /// fits; else the short title (or the title) cut with an ellipsis at a word boundary, given at
  /// least half the line, the document's title then cut the same way to what is left.
  private func header(_ left: ShapedLine, section: Anchor) -> (ShapedLine, ShapedLine) {
    let width = template.body.width
    let gap = type.small.size * 3
    var italic = type.small
    italic.italic = true
    let beside = width - left.width - gap
    let full = type.line(section.title, font: italic, color: type.muted)
    if full.width <= beside { return (left, full) }
    if let short = section.shortTitle {
      let line = type.line(short, font: italic, color: type.muted)
      if line.width <= beside { return (left, line) }
    }
    let right = fitted(
      section.shortTitle ?? section.title, font: italic, maxWidth: max(beside, (width - gap) / 2))
    guard left.width > width - gap - right.width else { return (left, right) }
    return (fitted(documentTitle, font: type.small, maxWidth: width - gap - right.width), right)
  }

  /// `text` in the muted colour, shortened to `maxWidth` (``TypeSet/line(_:font:color:within:)``).
  private func fitted(_ text: String, font: FontSpec, maxWidth: Double) -> ShapedLine {
    type.line(text, font: font, color: type.muted, within: maxWidth)
  }
}

extension Rect {
  /// The horizontal centre.
  var midX: Double { minX + width / 2 }
}
