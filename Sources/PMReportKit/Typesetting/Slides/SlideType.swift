import Frames
import Geometry
import ReportModel
import TextShaping

/// A deck's type and colours: the slide style's sizes in the style's sans family, the slide
/// colours, and text shaped into lines at those sizes (never smaller: text that does not fit moves
/// to a continuation slide).
struct SlideType {
  let type: TypeSet
  let colors: SlideColors
  /// The slide's size.
  let size: Size

  var style: SlideStyle { type.style.slides }
  var words: Words { type.words }
  /// Left and right margin.
  var margin: Double { 48 }
  /// The text width between the margins.
  var width: Double { size.width - 2 * margin }
  /// Where the footer's baseline area starts: the body ends above it.
  var bodyBottom: Double { size.height - style.footerSize * 3 }
  /// Where a slide's title starts.
  var titleTop: Double { style.headingSize * 0.6 }

  var body: FontSpec { FontSpec(family: type.style.fonts.heading, size: style.bodySize) }
  var heading: FontSpec {
    FontSpec(family: type.style.fonts.heading, size: style.headingSize, bold: true)
  }
  var title: FontSpec {
    FontSpec(family: type.style.fonts.heading, size: style.titleSize, bold: true)
  }
  var footer: FontSpec { FontSpec(family: type.style.fonts.heading, size: style.footerSize) }

  /// Rich text as runs in `font` and `color`: strong bold, emphasis italic, code in the mono family
  /// at the same size; links as plain text (a slide is not clicked).
  func runs(_ rich: RichText, font: FontSpec, color: Color? = nil) -> [TextRun] {
    rich.spans.map { span in
      var f = font
      if span.style.contains(.code) { f.family = type.mono.family }
      if span.style.contains(.strong) { f.bold = true }
      if span.style.contains(.emphasis) { f.italic = true }
      return TextRun(span.text, font: f, color: color ?? colors.text)
    }
  }

  /// Runs set flush left at `width`, unhyphenated.
  func lines(_ runs: [TextRun], width: Double, base: FontSpec, centred: Bool = false)
    -> [ShapedLine]
  {
    guard runs.contains(where: { !$0.text.isEmpty }) else { return [] }
    return type.lines(
      runs, width: width, alignment: centred ? .center : .left, hyphenate: false, leading: 1.2,
      base: base)
  }

  /// `lines` stacked into one frame, tagged `tag` when given.
  func stack(_ lines: [ShapedLine], color: Color, tag: StructureTag?, indent: Double = 0)
    -> Frame
  {
    var inner = Frame(size: Size(width: width, height: 0))
    var y = 0.0
    for line in lines {
      inner.push(.text(line, color), at: Point(x: indent, y: y))
      y += line.height
    }
    inner.size.height = y
    guard let tag else { return inner }
    var outer = Frame(size: inner.size)
    outer.push(.tagged(tag, inner), at: .zero)
    return outer
  }
}

extension Array where Element == ShapedLine {
  /// The lines' total height.
  var height: Double { reduce(0) { $0 + $1.height } }

  /// The longest run of lines from the start that fits `height` (at least one, so text always
  /// moves on), and the rest.
  func cut(toFit height: Double) -> (head: [ShapedLine], rest: [ShapedLine]) {
    var used = 0.0
    var count = 0
    for line in self {
      if count > 0, used + line.height > height { break }
      used += line.height
      count += 1
    }
    return (Array(prefix(count)), Array(dropFirst(count)))
  }
}
