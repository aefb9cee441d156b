import Frames
import Geometry
import Pagination
import TextShaping

/// The personalised line ("Prepared for Ana Souza") laid over finished pages: in a fixed slot at
/// the top right of page 1 and at the left of every footer.
///
/// The slots lie outside the page body, so the body's layout never depends on the text: a
/// document is laid out once and each participant's copy is those pages with the line added. The
/// text shrinks until it fits its slot; with no name (no roster) the words are followed by a line
/// to write the name on.
struct PersonalLine {
  let type: TypeSet
  let template: PageTemplate

  /// `pages` with `text` in both slots; `blank` draws a line to write on after the text.
  func overlay(_ text: String, blank: Bool = false, on pages: [Page]) -> [Page] {
    let body = template.body
    var out = pages
    var cover = type.small.bolded
    cover.size = type.style.fonts.smallSize * 1.3
    let coverWidth = body.width * 0.6
    let footerWidth = body.width * 0.5 - type.style.fonts.smallSize * 5
    for index in out.indices {
      if index == 0 {
        let slot = Rect(
          x: body.maxX - coverWidth, y: body.minY - cover.size * 3.2, width: coverWidth,
          height: cover.size * 1.4)
        out[index].frame.push(
          frame: line(text, font: cover, in: slot, right: true, blank: blank), at: .zero)
      }
      let slot = Rect(
        x: body.minX, y: body.maxY + type.style.fonts.smallSize * 2.2, width: footerWidth,
        height: type.style.fonts.smallSize * 1.4)
      out[index].frame.push(
        frame: line(text, font: type.small, in: slot, right: false, blank: blank), at: .zero)
    }
    return out
  }

  /// The text at the top of the slot, flush with its `right` or left edge, shrunk to fit its
  /// width, down to 4 pt.
  private func line(_ text: String, font: FontSpec, in slot: Rect, right: Bool, blank: Bool)
    -> Frame
  {
    var frame = Frame(size: template.pageSize)
    let rule = blank ? min(slot.width * 0.5, 150) : 0
    var font = font
    var shaped = type.line(text, font: font, color: type.muted)
    while shaped.width + rule > slot.width, font.size > 4 {
      font.size = max(4, font.size - 0.25)
      shaped = type.line(text, font: font, color: type.muted)
    }
    let x = right ? slot.maxX - shaped.width - rule : slot.minX
    frame.push(.text(shaped, type.muted), at: Point(x: x, y: slot.minY))
    if blank {
      let y = slot.minY + shaped.baseline + 1
      frame.push(
        .shape(
          .line(
            from: Point(x: x + shaped.width + 4, y: y), to: Point(x: x + shaped.width + rule, y: y),
            stroke: Stroke(color: type.muted, width: 0.5))), at: .zero)
    }
    return frame
  }
}
