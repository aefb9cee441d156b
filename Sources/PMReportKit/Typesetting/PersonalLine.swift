import Frames
import Geometry
import Pagination
import TextShaping

/// The personalised line ("Prepared for Ana Souza") laid over finished pages: in a fixed slot at
/// the top right of page 1 and at the left of every footer.
///
/// The slots lie outside the page body, so the body's layout never depends on the text: a
/// document is laid out once and each participant's copy is those pages with the line added.
/// The text shrinks until it fits its slot, never below the style's `minimum-size`; at that
/// floor it wraps onto two lines, and as a last resort it is shortened with an ellipsis (the
/// ``Overlay`` says so). With no name (no roster) the words are followed by a line to write the
/// name on.
struct PersonalLine {
  let type: TypeSet
  let template: PageTemplate

  /// Most lines a slot holds.
  static let maxLines = 2

  /// A copy's pages with the line over them.
  struct Overlay {
    var pages: [Page]
    /// The text had to be shortened (with an ellipsis) to fit a slot.
    var shortened: Bool
  }

  /// `pages` with `text` in both slots; `blank` draws a line to write on after the text.
  func overlay(_ text: String, blank: Bool = false, on pages: [Page]) -> Overlay {
    let body = template.body
    var out = pages
    let small = type.style.fonts.smallSize
    var coverFont = type.small.bolded
    coverFont.size = small * 1.3
    // Page 1's slot: its lines end where one line of the starting size would, above the body.
    let coverSlot = Rect(
      x: body.maxX - body.width * 0.6, y: body.minY - coverFont.size * 3.2,
      width: body.width * 0.6, height: coverFont.size * 1.4)
    // Every footer's slot: from the left edge to five small ems short of the middle, where the
    // page number stands; its lines go down from the number's top.
    let footerSlot = Rect(
      x: body.minX, y: body.maxY + small * 2.2, width: body.width * 0.5 - small * 5,
      height: small * 1.4)
    let cover = SlotText(text, font: coverFont, width: coverSlot.width, blank: blank, type: type)
    let footer = SlotText(
      text, font: type.small, width: footerSlot.width, blank: blank, type: type)
    // One footer frame, shared by every page (its lines are not copied a page).
    let footerFrame = frame(footer, at: footerSlot.origin, right: false)
    for index in out.indices {
      if index == 0 {
        let top = cover.lines.count == 1 ? coverSlot.minY : coverSlot.maxY - cover.height
        out[index].frame.push(
          frame: frame(cover, at: Point(x: coverSlot.maxX, y: top), right: true), at: .zero)
      }
      out[index].frame.push(frame: footerFrame, at: .zero)
    }
    return Overlay(pages: out, shortened: cover.shortened || footer.shortened)
  }

  /// The slot's lines from `corner` (the top left, or with `right` the top right), the rule to
  /// write on after the last.
  private func frame(_ text: SlotText, at corner: Point, right: Bool) -> Frame {
    var frame = Frame(size: template.pageSize)
    var y = corner.y
    for (index, line) in text.lines.enumerated() {
      let last = index == text.lines.count - 1
      let x = right ? corner.x - line.width - (last ? text.rule : 0) : corner.x
      frame.push(.text(line, type.muted), at: Point(x: x, y: y))
      if last, text.rule > 0 {
        let ruleY = y + line.baseline + 1
        frame.push(
          .shape(
            .line(
              from: Point(x: x + line.width + 4, y: ruleY),
              to: Point(x: x + line.width + text.rule, y: ruleY),
              stroke: Stroke(color: type.muted, width: 0.5))), at: .zero)
      }
      y += line.height
    }
    return frame
  }
}

/// The personal line set for one slot: on one line shrunk as far as the style's floor, else on
/// ``PersonalLine/maxLines`` lines shrunk as far, else on as many at the floor, shortened with an
/// ellipsis.
struct SlotText {
  var lines: [ShapedLine]
  /// The length of the rule to write a name on, after the last line (0: none).
  var rule: Double
  var shortened = false

  /// The height of the lines.
  var height: Double { lines.reduce(0) { $0 + $1.height } }

  /// `text` in `font` (or smaller) within `width`; `blank` leaves room for a rule after it.
  init(_ text: String, font: FontSpec, width: Double, blank: Bool, type: TypeSet) {
    rule = blank ? min(width * 0.5, 150) : 0
    let rule = rule
    func fits(_ lines: [ShapedLine]) -> Bool {
      lines.count <= PersonalLine.maxLines && lines.allSatisfy { $0.width <= width }
        && (lines.last?.width ?? 0) + rule <= width
    }
    let sizes = HalvingSearch(from: font.size, to: type.style.fonts.minimumSize, step: 0.25)
    let single = sizes.largestFitting(
      { [type.line(text, font: font.sized($0), color: type.muted)] },
      fits: { $0[0].width + rule <= width })
    if single.fits {
      lines = single.setting
      return
    }
    func wrapped(_ text: String, _ font: FontSpec) -> [ShapedLine] {
      type.lines(
        [TextRun(text, font: font, color: type.muted)], width: width, alignment: .left,
        hyphenate: false, leading: 1.2)
    }
    let several = sizes.largestFitting({ wrapped(text, font.sized($0)) }, fits: fits)
    if several.fits {
      lines = several.setting
      return
    }
    // The floor on every line: keep as much of the text as fits with an ellipsis after it.
    let floor = font.sized(several.value)
    let characters = Array(text)
    // No text at all keeps none (a search from -1 would ask for a negative prefix).
    let kept = HalvingSearch(from: Double(max(0, characters.count - 1)), to: 0, step: 1)
      .largestFitting(
        { count in
          wrapped(String(characters.prefix(Int(count))).trimmingSpaces + "…", floor)
        }, fits: fits)
    lines = kept.setting
    shortened = true
  }
}

extension String {
  /// The string without the white space at its end.
  fileprivate var trimmingSpaces: String {
    String(self[..<(lastIndex { !$0.isWhitespace }.map(index(after:)) ?? startIndex)])
  }
}
