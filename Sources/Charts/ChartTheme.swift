import Frames
import Geometry
import ReportModel

/// Colours, patterns and type for charts; the recipes fill it from the style.
///
/// Series colours are taken from ``palette`` by role: business first, technical second, then accents.
/// With ``patterns`` on, series differ by dashes and hatching as well as by colour, so a grayscale
/// print still tells them apart.
public struct ChartTheme: Hashable, Sendable {
  /// Series colours: business first, technical second, then accents.
  public var palette: [Color]
  /// Tell series apart by dashes and hatching as well as colour.
  public var patterns: Bool
  /// Labels and titles.
  public var text: Color
  /// Captions, notes and tick labels.
  public var muted: Color
  /// Grid lines, rings and node outlines.
  public var rule: Color
  /// A sans-serif family resolved through fontconfig.
  public var fontFamily: String
  /// The chart title's size (set bold).
  public var titleSize: Double
  /// Axis, node and value labels.
  public var labelSize: Double
  /// The caption under the chart.
  public var captionSize: Double
  /// The words charts print (legends, axis captions), in the document's language.
  public var words: Words

  public init(
    palette: [Color], patterns: Bool, text: Color, muted: Color, rule: Color,
    fontFamily: String, titleSize: Double, labelSize: Double, captionSize: Double,
    words: Words = .english
  ) {
    self.palette = palette
    self.patterns = patterns
    self.text = text
    self.muted = muted
    self.rule = rule
    self.fontFamily = fontFamily
    self.titleSize = titleSize
    self.labelSize = labelSize
    self.captionSize = captionSize
    self.words = words
  }

  /// The Okabe–Ito colours: orange, blue, bluish green, reddish purple, sky blue, vermillion.
  public static let okabeIto: [Color] = [
    0xE69F00, 0x0072B2, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00,
  ]
  .map { Color(rgb: $0) }

  /// Okabe–Ito palette with patterns, dark text, Noto Sans.
  public static let standard = ChartTheme(
    palette: okabeIto, patterns: true,
    text: Color(rgb: 0x1b1f24), muted: Color(rgb: 0x5a6470), rule: Color(rgb: 0xb9c2cc),
    fontFamily: "Noto Sans", titleSize: 12, labelSize: 8.5, captionSize: 8)
}

// MARK: - From a style

extension ChartTheme {
  /// The theme a style asks for: its chart palette and patterns, its text colours (already parsed
  /// and checked, as `ReportConfig` resolves them), its sans family (the heading font) and sizes
  /// derived from its type scale.
  public init(style: Style, colors: StyleColors, words: Words = .english) {
    self.init(
      palette: colors.palette,
      patterns: style.charts.patterns,
      text: colors.text,
      muted: colors.muted,
      rule: colors.rule,
      fontFamily: style.fonts.heading,
      titleSize: style.fonts.h2Size,
      labelSize: max(style.fonts.smallSize + 0.5, style.fonts.minimumSize),
      captionSize: max(style.fonts.smallSize, style.fonts.minimumSize), words: words)
  }
}

// MARK: - Series colours

extension ChartTheme {
  /// The colour of a palette slot, falling back to Okabe–Ito when the palette is short.
  public func color(at index: Int) -> Color {
    if index < palette.count { return palette[index] }
    let fallback = ChartTheme.okabeIto
    return fallback[index % fallback.count]
  }

  /// The series colour of the role at `index` in the content's order: palette slot 0 for the
  /// first role, 1 for the second; the third and fourth roles take slots 3 and 4 (slot 2 is the
  /// accent).
  public func color(forRole index: Int) -> Color { color(at: index < 2 ? index : index + 1) }

  /// The first accent colour (palette slot 2): highlights that belong to no role.
  public var accent: Color { color(at: 2) }

  /// The dash pattern of a role's lines when patterns are on: solid, dashed, dotted, dash-dot.
  public func dash(forRole index: Int) -> [Double] {
    guard patterns else { return [] }
    return [[], [5, 3], [1.5, 2.5], [6, 2.5, 1.5, 2.5]][index % 4]
  }

  /// The hatching of a role's areas when patterns are on: none, then diagonal lines one way, the
  /// other way, and horizontal.
  public func hatch(forRole index: Int) -> Hatch? {
    guard patterns, index % 4 != 0 else { return nil }
    return Hatch(
      color: Color(red: 1, green: 1, blue: 1, alpha: 0.6), angle: [0, 45, -45, 0][index % 4],
      spacing: 3.5, lineWidth: 0.9)
  }
}
