import Foundation
import Frames
import Geometry
import Pagination
import TextShaping

/// One line of the table of contents: number, title, dot leaders, right-aligned page number, all
/// one link to the heading's named destination.
///
/// Tagged as a `TOCI` holding a `Reference` to the heading, which holds the link (the number a
/// `Lbl` in it); the leaders are an artifact.
struct TOCLine {
  let type: TypeSet

  func block(entry: ReportBuilder.NumberedSection, page: Int?) -> FigureBlock {
    let level = entry.level
    let font = level == 1 ? type.body.bolded : type.body
    let indent = level == 1 ? 0 : type.style.fonts.bodySize * 2.2
    let numberWidth = type.style.fonts.bodySize * 2.6
    // Before the first pass knows the pages, reserve the width of a two-digit number.
    let pageLine = type.line(
      page.map(String.init) ?? "00",
      font: FontSpec(
        family: font.family, size: font.size,
        bold: font.bold, features: ["tnum"]))
    let titleWidth =
      type.width - indent - numberWidth - pageLine.width - type.style.fonts.bodySize * 2
    let numberLine = entry.number.map { type.line($0, font: font) }
    let titleLines = type.lines(
      [TextRun(entry.section.title, font: font, color: type.text)], width: titleWidth,
      alignment: .left, hyphenate: false, leading: 1.3)
    var frame = Frame(
      size: Size(width: type.width, height: titleLines.reduce(0) { $0 + $1.height }))
    let titleX = indent + (numberLine == nil ? 0 : numberWidth)
    if let numberLine, let first = titleLines.first {
      // The section number is the entry's label: read apart from the title.
      var label = Frame(size: frame.size)
      label.push(
        .text(numberLine, type.text), at: Point(x: indent, y: first.baseline - numberLine.baseline))
      frame.push(.tagged(.listLabel, label), at: .zero)
    }
    var y = 0.0
    for line in titleLines {
      frame.push(.text(line, type.text), at: Point(x: titleX, y: y))
      y += line.height
    }
    var leaders = Frame(size: frame.size)
    if let last = titleLines.last {
      let baselineY = y - last.height + last.baseline
      let pageX = type.width - pageLine.width
      frame.push(.text(pageLine, type.text), at: Point(x: pageX, y: baselineY - pageLine.baseline))
      pushLeaders(
        into: &leaders, from: titleX + last.offset + last.width, to: pageX, baseline: baselineY)
    }
    var reference = Frame(size: frame.size)
    reference.push(.link(destination: entry.anchor, frame), at: .zero)
    var item = Frame(size: frame.size)
    item.push(.tagged(.reference, reference), at: .zero)
    if !leaders.items.isEmpty { item.push(.tagged(.artifact, leaders), at: .zero) }
    var tagged = Frame(size: frame.size)
    tagged.push(.tagged(.tocItem, item), at: .zero)
    return FigureBlock(
      frame: tagged, breaks: BreakPolicy(spaceBefore: level == 1 ? 4 : 0, spaceAfter: 1.5))
  }

  /// Dots every few points between the title's end and the page number, on a common grid so
  /// that the leaders of all lines align: one dotted line (round caps on zero-length dashes),
  /// not a shape per dot.
  private func pushLeaders(
    into frame: inout Frame, from start: Double, to end: Double, baseline: Double
  ) {
    let step = type.style.fonts.bodySize * 0.45
    let first = ceil((start + step) / step) * step
    let last = floor((end - step) / step) * step
    guard last > first else { return }
    let dots = Stroke(color: type.muted, width: type.style.fonts.bodySize * 0.09, dash: [0, step])
    frame.push(
      .shape(
        .line(
          from: Point(x: first, y: baseline - type.style.fonts.bodySize * 0.09),
          to: Point(x: last, y: baseline - type.style.fonts.bodySize * 0.09), stroke: dots)),
      at: .zero)
  }
}
