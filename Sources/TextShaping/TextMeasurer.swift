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
}

/// The minimum and preferred widths of a piece of text.
public struct TextWidths: Hashable, Sendable {
    public var minimum: Double
    public var preferred: Double
    public init(minimum: Double, preferred: Double) { self.minimum = minimum; self.preferred = preferred }
}

extension TextMeasurer {
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
    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false, features: [String] = []) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic; self.features = features
    }
    /// The same font, bold.
    public var bolded: FontSpec { var f = self; f.bold = true; return f }
}

/// A stretch of text in one font and colour. Text is literal: no markup is interpreted.
public struct TextRun: Hashable, Sendable {
    public var text: String
    public var font: FontSpec
    public var color: Color
    public init(_ text: String, font: FontSpec, color: Color = .black) {
        self.text = text; self.font = font; self.color = color
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
    /// Mark hyphenation points (libhyphen) before breaking.
    public var hyphenate: Bool
    /// Line height as a multiple of the largest font size in the runs.
    public var leading: Double
    /// Most hyphenated line ends in a row (0: no limit).
    public var maxHyphenRun: Int

    public init(runs: [TextRun], width: Double, alignment: TextAlignment = .left, hyphenate: Bool = false,
                leading: Double = 1.3, maxHyphenRun: Int = 0) {
        self.runs = runs; self.width = width; self.alignment = alignment; self.hyphenate = hyphenate
        self.leading = leading; self.maxHyphenRun = maxHyphenRun
    }

    /// All the text, as it will be broken.
    public var text: String { runs.map(\.text).joined() }
    /// The largest font size among the runs.
    public var fontSize: Double { runs.map(\.font.size).max() ?? 0 }
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

/// One line, ready to place: its box is `height` tall and its baseline sits `baseline` below its top.
public struct ShapedLine: @unchecked Sendable {
    // @unchecked: `glyphs` is immutable once shaped (compact glyph runs, no Pango objects).
    /// Natural advance width of the line's text (for justified lines, the full measure).
    public var width: Double
    /// Where the line starts inside the paragraph's box (alignment offset), in points.
    public var offset: Double
    /// Line box height (leading included).
    public var height: Double
    /// Distance from the top of the line box to the baseline.
    public var baseline: Double
    /// The characters this line holds (soft hyphens removed, "-" where it breaks at one), for tests
    /// and diagnostics. Read from the glyphs when there are any (a line's text is kept once).
    public var text: String {
        get { storedText ?? glyphs?.text ?? "" }
        set { storedText = newValue }
    }
    private var storedText: String?
    /// Whether the line ends with an inserted hyphen.
    public var hyphenated: Bool
    /// The engine's drawable line; nil for measurers that cannot draw (test fakes).
    public var glyphs: (any LineGlyphs)?

    public init(width: Double, height: Double, baseline: Double, text: String? = nil, hyphenated: Bool = false,
                offset: Double = 0, glyphs: (any LineGlyphs)? = nil) {
        self.width = width; self.offset = offset; self.height = height; self.baseline = baseline; self.storedText = text
        self.hyphenated = hyphenated; self.glyphs = glyphs
    }
}

/// A drawable line owned by a text engine. The renderer draws it with its left baseline point at the
/// current point of a Cairo context.
public protocol LineGlyphs: AnyObject {
    /// The characters the line shows.
    var text: String { get }
    /// Draws the line on `cairoContext` (a `cairo_t *`), its left baseline at the current point.
    func draw(on cairoContext: OpaquePointer)
}
