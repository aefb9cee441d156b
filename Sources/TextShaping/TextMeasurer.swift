import Frames
import Geometry

/// Shapes styled text into lines for a given width: the one service layout needs from a font engine.
///
/// Layout code depends only on this protocol, so it can be tested with a fixed-advance fake.
/// ``PangoMeasurer`` is the real one. Measurers are not thread-safe: use one per thread.
public protocol TextMeasurer: AnyObject {
  /// Breaks `paragraph` into lines no wider than `paragraph.width`.
  func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph
  /// The narrowest measure the text can be set in without breaking inside a word (its widest
  /// unbreakable piece), and its width set on one line: what automatic table layout needs.
  func widths(_ paragraph: ParagraphSpec) -> TextWidths
  /// The fonts and colours the lines shaped so far name (empty for measurers that cannot draw).
  var palette: GlyphPalette { get }
}

/// The minimum and preferred widths of a piece of text.
public struct TextWidths: Hashable, Sendable {
  public var minimum: Double
  public var preferred: Double
  public init(minimum: Double, preferred: Double) {
    self.minimum = minimum
    self.preferred = preferred
  }
}

extension TextMeasurer {
  /// No fonts: the lines of a measurer that only measures carry no glyphs.
  public var palette: GlyphPalette { GlyphPalette() }

  /// Measures each word alone, and the text unbroken (a measurer may do it in one pass instead).
  public func widths(_ paragraph: ParagraphSpec) -> TextWidths {
    var unbroken = paragraph
    unbroken.width = 100_000
    let preferred = shape(unbroken).maxLineWidth
    var minimum = 0.0
    for run in paragraph.runs {
      for word in run.text.split(separator: " ") {
        var alone = unbroken
        alone.runs = [TextRun(String(word), font: run.font, color: run.color)]
        minimum = max(minimum, shape(alone).maxLineWidth)
      }
    }
    return TextWidths(minimum: minimum, preferred: preferred)
  }
}

// MARK: - Input

/// A font request: family resolved through fontconfig, size in points.
public struct FontSpec: Hashable, Sendable {
  public var family: String
  public var size: Double
  public var bold: Bool
  public var italic: Bool
  /// OpenType features, such as `tnum` for tabular figures.
  public var features: [String]
  public init(
    family: String, size: Double, bold: Bool = false, italic: Bool = false, features: [String] = []
  ) {
    self.family = family
    self.size = size
    self.bold = bold
    self.italic = italic
    self.features = features
  }
  /// The same font, bold.
  public var bolded: FontSpec {
    var f = self
    f.bold = true
    return f
  }
}

/// A stretch of text in one font and colour.
///
/// Text is literal: no markup is interpreted.
public struct TextRun: Hashable, Sendable {
  public var text: String
  public var font: FontSpec
  public var color: Color
  /// Where the run links to; the lines report where it lands.
  public var link: LinkTarget?
  public init(_ text: String, font: FontSpec, color: Color = .black, link: LinkTarget? = nil) {
    self.text = text
    self.font = font
    self.color = color
    self.link = link
  }
}

/// Horizontal alignment of lines.
public enum TextAlignment: Hashable, Sendable {
  case left, right, center
  /// Both edges flush; the last line flush left.
  case justify
}

/// Everything a measurer needs to set one paragraph.
public struct ParagraphSpec: Hashable, Sendable {
  public var runs: [TextRun]
  /// The line width in points.
  public var width: Double
  public var alignment: TextAlignment
  /// Mark hyphenation points (libhyphen) in every word before breaking.
  ///
  /// When false, only a word too wide for the measure gets them: it must break somewhere, and
  /// breaks at a dictionary point, with the soft hyphen in the text, rather than at any letter.
  public var hyphenate: Bool
  /// Line height as a multiple of the largest font size in the runs.
  public var leading: Double
  /// Most hyphenated line ends in a row (0: no limit).
  public var maxHyphenRun: Int
  /// What breaking at a hyphenation point costs in the line breaker (TeX's `\hyphenpenalty`).
  public var hyphenPenalty: Double
  /// Lines more (positive) or fewer (negative) than the best breaks give, where that can be done.
  public var looseness: Int
  /// Justified lines let hyphens, stops, commas and quotation marks at their ends protrude partly
  /// into the margins.
  public var hangingPunctuation: Bool
  /// The paragraph's own font (body, table cell): every line is at least as tall as one set in it.
  ///
  /// Its baseline is at least as low too, even for a line holding only smaller text (a code span),
  /// so that lines and table cells share baselines. Nil: the runs alone decide.
  public var baseFont: FontSpec?
  /// Whether the session notes the words too wide for the measure.
  ///
  /// False for text set at trial widths (a chart label's search), whose words no reader sees
  /// broken (``ShapingSession/takeOverlongWords()``). Not part of the shape: the cache on disk
  /// keeps one entry for both.
  public var warnsOverlongWords: Bool

  public init(
    runs: [TextRun], width: Double, alignment: TextAlignment = .left, hyphenate: Bool = false,
    leading: Double = 1.3, maxHyphenRun: Int = 0, hyphenPenalty: Double = 50, looseness: Int = 0,
    hangingPunctuation: Bool = false, baseFont: FontSpec? = nil, warnsOverlongWords: Bool = true
  ) {
    self.runs = runs
    self.width = width
    self.alignment = alignment
    self.hyphenate = hyphenate
    self.leading = leading
    self.maxHyphenRun = maxHyphenRun
    self.hyphenPenalty = hyphenPenalty
    self.looseness = looseness
    self.hangingPunctuation = hangingPunctuation
    self.baseFont = baseFont
    self.warnsOverlongWords = warnsOverlongWords
  }

  /// All the text, as it will be broken.
  public var text: String { runs.map(\.text).joined() }
  /// The largest font size among the runs and the base font.
  public var fontSize: Double { max(runs.map(\.font.size).max() ?? 0, baseFont?.size ?? 0) }
}

// MARK: - Output

/// A paragraph broken into lines.
public struct ShapedParagraph: Sendable {
  public var lines: [ShapedLine]
  public init(lines: [ShapedLine]) { self.lines = lines }
  /// The sum of the lines' heights.
  public var height: Double { lines.reduce(0) { $0 + $1.height } }
  /// The widest line's ink-free advance width.
  public var maxLineWidth: Double { lines.map(\.width).max() ?? 0 }
}
