import Geometry

/// A style's colours as ``Color`` values: its `#rrggbb` text parsed once.
///
/// `ReportConfig` builds it while resolving a document and reports a colour that does not parse with
/// the file, line and column it was written at, so the typesetter and the charts never meet a colour
/// they cannot use (and never fall back to black).
public struct StyleColors: Hashable, Sendable {
  /// Body text.
  public var text: Color
  /// Headings, bullets, links and rules that stand out.
  public var accent: Color
  /// Captions, notes and page furniture.
  public var muted: Color
  /// Table rules and dotted leaders.
  public var rule: Color
  /// The fill of a table's header row.
  public var headerFill: Color
  /// The text of a table's header row.
  public var headerText: Color
  /// The fill of every other table row.
  public var zebra: Color
  /// Chart series colours: business first, technical second, then accents (at least two).
  public var palette: [Color]

  public init(
    text: Color, accent: Color, muted: Color, rule: Color, headerFill: Color, headerText: Color,
    zebra: Color, palette: [Color]
  ) {
    self.text = text
    self.accent = accent
    self.muted = muted
    self.rule = rule
    self.headerFill = headerFill
    self.headerText = headerText
    self.zebra = zebra
    self.palette = palette
  }
}

extension StyleColors {
  /// The colours of ``Style/classic``, parsed from its text (a test keeps the two equal).
  public static let classic = StyleColors(
    text: Color(rgb: 0x1b1f24), accent: Color(rgb: 0x0b4f8a), muted: Color(rgb: 0x5a6470),
    rule: Color(rgb: 0xb9c2cc), headerFill: Color(rgb: 0x0b4f8a), headerText: Color(rgb: 0xffffff),
    zebra: Color(rgb: 0xeef2f6),
    palette: [0xE69F00, 0x0072B2, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00].map { Color(rgb: $0) })
}
