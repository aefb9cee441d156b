import Frames
import Geometry
import ReportModel
import TextShaping

/// A label shaped into lines, ready to be placed: its box is as wide as its widest line.
///
/// Lines are shaped flush left and aligned here, line by line, within the block's own width, so a
/// label's rectangle is exactly the union of its lines' boxes.
struct TextBlock {
  let lines: [ShapedLine]
  var color: Color
  var alignment: TextAlignment
  /// The widest line's width (kept, since layout searches ask for it many times).
  let width: Double
  /// The sum of the lines' heights.
  let height: Double

  init(lines: [ShapedLine], color: Color, alignment: TextAlignment) {
    self.lines = lines
    self.color = color
    self.alignment = alignment
    width = lines.map(\.width).max() ?? 0
    height = lines.reduce(0) { $0 + $1.height }
  }

  var size: Size { Size(width: width, height: height) }
  var isEmpty: Bool { lines.isEmpty }

  /// The text items of the block with its top-left corner at `origin`.
  func items(at origin: Point) -> [(Point, FrameItem)] {
    let w = width
    var y = origin.y
    var out: [(Point, FrameItem)] = []
    for line in lines {
      let dx: Double
      switch alignment {
      case .center: dx = (w - line.width) / 2
      case .right: dx = w - line.width
      case .left, .justify: dx = 0
      }
      out.append((Point(x: origin.x + dx, y: y), .text(line, color)))
      y += line.height
    }
    return out
  }

  /// The same lines aligned another way.
  func aligned(_ alignment: TextAlignment) -> TextBlock {
    var b = self
    b.alignment = alignment
    return b
  }
}

/// Shapes chart labels through the measurer, in the theme's sans family.
///
/// Shaping results are cached by text and font, each for the range of (whole-point) widths it holds
/// for, since layouts that search for a size shape the same labels at many widths.
final class TextSetter {
  let measurer: any TextMeasurer
  let theme: ChartTheme
  /// The theme's language's punctuation rules (nil for English), applied to each label shaped.
  private let punctuation: Punctuation?
  /// Each label's breakings so far.
  private var cache: [Key: [Breaking]] = [:]
  /// Each label set on one line, by its untrimmed text: the first thing every request checks.
  private var natural: [NaturalKey: TextBlock] = [:]

  // The colour is part of the keys: it is set on the shaped runs themselves.
  private struct Key: Hashable {
    var text: String
    var font: FontSpec
    var color: Color
    var leading: Double
  }
  /// Lines shaped at `measure` points, the widest `widest` points wide.
  private struct Breaking {
    var measure: Double
    var widest: Double
    var lines: [ShapedLine]
  }
  private struct NaturalKey: Hashable {
    var text: String
    var font: FontSpec
    var color: Color
    var leading: Double
  }

  init(measurer: any TextMeasurer, theme: ChartTheme) {
    self.measurer = measurer
    self.theme = theme
    punctuation = Punctuation(language: theme.words.language)
  }

  /// The font of the theme at `size`.
  func font(_ size: Double, bold: Bool = false, numbers: Bool = false) -> FontSpec {
    FontSpec(family: theme.fontFamily, size: size, bold: bold, features: numbers ? ["tnum"] : [])
  }

  /// `text` broken into lines no wider than `maxWidth` (a single word may be wider).
  func block(
    _ text: String, font: FontSpec, color: Color, maxWidth: Double,
    alignment: TextAlignment = .left, leading: Double = 1.2
  ) -> TextBlock {
    let w = maxWidth.isNaN ? 100_000 : Int(max(1, min(maxWidth, 100_000)).rounded(.down))
    // A label that fits on one line at its natural width sets the same at every wider measure:
    // searches that try many widths then shape it once.
    let naturalKey = NaturalKey(text: text, font: font, color: color, leading: leading)
    let one: TextBlock
    if let hit = natural[naturalKey] {
      one = hit
    } else {
      one = shaped(text.trimmingSpaces, font: font, color: color, width: 100_000, leading: leading)
      natural[naturalKey] = one
    }
    if one.lines.count <= 1, one.width <= Double(w) {
      var b = one
      b.alignment = alignment
      return b
    }
    var b = shaped(text.trimmingSpaces, font: font, color: color, width: w, leading: leading)
    b.alignment = alignment
    return b
  }

  /// `trimmed` shaped at `w` points, through the cache.
  ///
  /// Lines are broken first-fit, so a label broken at measure `W` into lines no wider than `m`
  /// breaks the same way at every measure from `m` to `W`: one shaping serves that whole range.
  private func shaped(
    _ trimmed: String, font: FontSpec, color: Color, width w: Int, leading: Double
  ) -> TextBlock {
    guard !trimmed.isEmpty else { return TextBlock(lines: [], color: color, alignment: .left) }
    let key = Key(text: trimmed, font: font, color: color, leading: leading)
    let width = Double(w)
    if let hit = cache[key]?.first(where: { $0.widest <= width && width <= $0.measure }) {
      return TextBlock(lines: hit.lines, color: color, alignment: .left)
    }
    let spec = ParagraphSpec(
      runs: [TextRun(punctuation?.apply(trimmed) ?? trimmed, font: font, color: color)],
      width: width,
      alignment: .left, hyphenate: false, leading: leading, warnsOverlongWords: false)
    let lines = measurer.shape(spec).lines.filter {
      !$0.text.trimmingSpaces.isEmpty || $0.width > 0
    }
    let block = TextBlock(lines: lines, color: color, alignment: .left)
    cache[key, default: []].append(Breaking(measure: width, widest: block.width, lines: lines))
    return block
  }

  /// The width of `text` set on one line.
  func naturalWidth(_ text: String, font: FontSpec) -> Double {
    block(text, font: font, color: theme.text, maxWidth: 100_000).width
  }
}

extension String {
  /// The string without leading and trailing spaces and line breaks.
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}

// MARK: - Numbers

enum ChartFormat {
  /// A score or difference: whole numbers without decimals, others with one ("1.5").
  static func number(_ v: Double) -> String {
    let tenths = (abs(v) * 10).rounded()
    let sign = v < 0 && tenths > 0 ? "\u{2212}" : ""
    let whole = Int(tenths) / 10
    let frac = Int(tenths) % 10
    return frac == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
  }

  /// A lean: "+3" (the size of a difference, with a plus sign), "0" for none.
  static func lean(_ v: Double) -> String {
    let s = number(abs(v))
    return s == "0" ? "0" : "+" + s
  }
}
