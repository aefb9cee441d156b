/// A validated style sheet: page geometry, type, colours and layout rules.
///
/// Styles are written as YAML in `Styles/*.yml` (kebab-case keys) and may `extend` another style;
/// `ReportConfig` loads, merges and validates them. ``Style/classic`` is compiled in so pmreport runs
/// with no files, and `Styles/classic.yml` spells out the same values (a test keeps them equal).
public struct Style: Codable, Hashable, Sendable {
  public var name: String
  public var page: PageStyle
  public var fonts: FontStyle
  public var colors: ColorStyle
  public var paragraph: ParagraphStyle
  public var headings: HeadingStyle
  public var table: TableStyle
  public var charts: ChartStyle
  /// Type and colours for slides (projected, read from across a room).
  public var slides: SlideStyle

  public init(
    name: String, page: PageStyle, fonts: FontStyle, colors: ColorStyle,
    paragraph: ParagraphStyle, headings: HeadingStyle, table: TableStyle, charts: ChartStyle,
    slides: SlideStyle = .classic
  ) {
    self.name = name
    self.page = page
    self.fonts = fonts
    self.colors = colors
    self.paragraph = paragraph
    self.headings = headings
    self.table = table
    self.charts = charts
    self.slides = slides
  }
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, page, fonts, colors, paragraph, headings, table, charts, slides
  }
}

// MARK: - Page

/// Paper names pmreport knows.
public enum PaperSize: String, Codable, CaseIterable, Hashable, Sendable {
  case a4, letter, a5, legal
  /// Portrait width and height in points.
  public var portrait: (width: Double, height: Double) {
    switch self {
    case .a4: (595.2756, 841.8898)
    case .letter: (612, 792)
    case .a5: (419.5276, 595.2756)
    case .legal: (612, 1008)
    }
  }
}

/// Portrait or landscape.
public enum Orientation: String, Codable, CaseIterable, Hashable, Sendable {
  case portrait, landscape
}

/// Paper and margins, in points, and the resolution images are kept at.
public struct PageStyle: Codable, Hashable, Sendable {
  public var size: PaperSize
  public var orientation: Orientation
  public var marginTop: Double
  public var marginBottom: Double
  public var marginLeft: Double
  public var marginRight: Double
  /// The most pixels an inch a PNG or JPEG keeps in PDF and SVG output, at the size it is drawn;
  /// a larger image is shrunk to it (PNG output uses `dpi`).
  public var imagePPI: Double
  /// The least and most `image-ppi` a style may give.
  public static let imagePPIRange = 72.0...2400
  public init(
    size: PaperSize, orientation: Orientation, marginTop: Double, marginBottom: Double,
    marginLeft: Double, marginRight: Double, imagePPI: Double = 300
  ) {
    self.size = size
    self.orientation = orientation
    self.marginTop = marginTop
    self.marginBottom = marginBottom
    self.marginLeft = marginLeft
    self.marginRight = marginRight
    self.imagePPI = imagePPI
  }
  enum CodingKeys: String, CodingKey, CaseIterable {
    case size, orientation
    case marginTop = "margin-top"
    case marginBottom = "margin-bottom"
    case marginLeft = "margin-left"
    case marginRight = "margin-right"
    case imagePPI = "image-ppi"
  }
  /// The paper's width and height for this orientation.
  public var dimensions: (width: Double, height: Double) {
    let p = size.portrait
    return orientation == .portrait ? p : (p.height, p.width)
  }
}

// MARK: - Type

/// Font families (resolved through fontconfig) and sizes in points.
public struct FontStyle: Codable, Hashable, Sendable {
  public var body: String
  public var heading: String
  public var bodySize: Double
  /// Line height as a multiple of the font size.
  public var leading: Double
  public var titleSize: Double
  public var subtitleSize: Double
  public var h1Size: Double
  public var h2Size: Double
  public var h3Size: Double
  public var tableSize: Double
  public var smallSize: Double
  /// The least size type shrinks to when fitting a page or a slot: tables, card sheets, the
  /// personal line, a certificate's name.
  public var minimumSize: Double
  /// The most a comparison table's type grows to when it fills its page.
  public var maximumTableSize: Double
  /// The family for code (`mono`); nil for ``FontStyle/defaultMono``.
  public var mono: String?
  /// The monospace family used when a style names none (Debian's `fonts-dejavu-core`).
  public static let defaultMono = "DejaVu Sans Mono"
  public init(
    body: String, heading: String, bodySize: Double, leading: Double, titleSize: Double,
    subtitleSize: Double, h1Size: Double, h2Size: Double, h3Size: Double, tableSize: Double,
    smallSize: Double, minimumSize: Double, maximumTableSize: Double = 14
  ) {
    self.body = body
    self.heading = heading
    self.bodySize = bodySize
    self.leading = leading
    self.titleSize = titleSize
    self.subtitleSize = subtitleSize
    self.h1Size = h1Size
    self.h2Size = h2Size
    self.h3Size = h3Size
    self.tableSize = tableSize
    self.smallSize = smallSize
    self.minimumSize = minimumSize
    self.maximumTableSize = maximumTableSize
  }
  enum CodingKeys: String, CodingKey, CaseIterable {
    case body, heading, leading, mono
    case bodySize = "body-size"
    case titleSize = "title-size"
    case subtitleSize = "subtitle-size"
    case h1Size = "h1-size"
    case h2Size = "h2-size"
    case h3Size = "h3-size"
    case tableSize = "table-size"
    case smallSize = "small-size"
    case minimumSize = "minimum-size"
    case maximumTableSize = "maximum-table-size"
  }
}

/// Colours as `#rrggbb` text.
public struct ColorStyle: Codable, Hashable, Sendable {
  public var text: String
  public var accent: String
  public var muted: String
  public var rule: String
  public var headerFill: String
  public var headerText: String
  public var zebra: String
  public init(
    text: String, accent: String, muted: String, rule: String, headerFill: String,
    headerText: String, zebra: String
  ) {
    self.text = text
    self.accent = accent
    self.muted = muted
    self.rule = rule
    self.headerFill = headerFill
    self.headerText = headerText
    self.zebra = zebra
  }
  enum CodingKeys: String, CodingKey, CaseIterable {
    case text, accent, muted, rule, zebra
    case headerFill = "header-fill"
    case headerText = "header-text"
  }
}

// MARK: - Layout rules

/// How body paragraphs are set.
public struct ParagraphStyle: Codable, Hashable, Sendable {
  /// Justified (true) or ragged right (false).
  public var justify: Bool
  public var hyphenate: Bool
  /// Least lines of a paragraph left at the foot of a page.
  public var orphans: Int
  /// Least lines of a paragraph carried to the head of a page.
  public var widows: Int
  /// Most hyphenated line ends in a row (a hard limit wherever the paragraph can meet it).
  public var maxHyphenRun: Int
  /// What a break at a hyphenation point costs the line breaker (TeX's `\hyphenpenalty`): higher,
  /// fewer hyphens and looser lines.
  public var hyphenPenalty: Double
  /// Lines more (positive) or fewer (negative) than the best breaks give a paragraph, where it can.
  public var looseness: Int
  /// Hyphens, stops, commas and quotation marks at a justified line's ends hang partly into the
  /// margins.
  public var hangingPunctuation: Bool
  /// Space after a paragraph, in points.
  public var spacing: Double
  public init(
    justify: Bool, hyphenate: Bool, orphans: Int, widows: Int, maxHyphenRun: Int,
    hyphenPenalty: Double, looseness: Int, hangingPunctuation: Bool, spacing: Double
  ) {
    self.justify = justify
    self.hyphenate = hyphenate
    self.orphans = orphans
    self.widows = widows
    self.maxHyphenRun = maxHyphenRun
    self.hyphenPenalty = hyphenPenalty
    self.looseness = looseness
    self.hangingPunctuation = hangingPunctuation
    self.spacing = spacing
  }
  enum CodingKeys: String, CodingKey, CaseIterable {
    case justify, hyphenate, orphans, widows, spacing, looseness
    case maxHyphenRun = "max-hyphen-run"
    case hyphenPenalty = "hyphen-penalty"
    case hangingPunctuation = "hanging-punctuation"
  }
}

/// How headings are set.
public struct HeadingStyle: Codable, Hashable, Sendable {
  /// Print "3.1"-style numbers before headings and in the table of contents.
  public var numbered: Bool
  /// Start every top-level section on a new page.
  public var pageBreakBefore: Bool
  public init(numbered: Bool, pageBreakBefore: Bool) {
    self.numbered = numbered
    self.pageBreakBefore = pageBreakBefore
  }
  enum CodingKeys: String, CodingKey, CaseIterable {
    case numbered
    case pageBreakBefore = "page-break-before"
  }
}

/// Table rules.
public enum TableRules: String, Codable, CaseIterable, Hashable, Sendable {
  case horizontal, grid, none
}

/// How tables are set.
public struct TableStyle: Codable, Hashable, Sendable {
  public var zebra: Bool
  public var rules: TableRules
  public init(zebra: Bool, rules: TableRules) {
    self.zebra = zebra
    self.rules = rules
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case zebra, rules }
}

/// Chart colours and patterns.
public struct ChartStyle: Codable, Hashable, Sendable {
  /// Series colours: business first, technical second, then accents.
  public var palette: [String]
  /// Tell series apart by dashes and hatching as well as colour (for grayscale print).
  public var patterns: Bool
  public init(palette: [String], patterns: Bool) {
    self.palette = palette
    self.patterns = patterns
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case palette, patterns }
}

// MARK: - The built-in style

extension Style {
  /// The default style: serif body, sans headings, colour accents, Okabe–Ito chart palette.
  public static let classic = Style(
    name: "classic",
    page: PageStyle(
      size: .a4, orientation: .portrait, marginTop: 72, marginBottom: 72,
      marginLeft: 68, marginRight: 68, imagePPI: 300),
    fonts: FontStyle(
      body: "Noto Serif", heading: "Noto Sans", bodySize: 10.5, leading: 1.4,
      titleSize: 24, subtitleSize: 13, h1Size: 15, h2Size: 12, h3Size: 10.5,
      tableSize: 9, smallSize: 8, minimumSize: 6.5, maximumTableSize: 14),
    colors: ColorStyle(
      text: "#1b1f24", accent: "#0b4f8a", muted: "#5a6470", rule: "#b9c2cc",
      headerFill: "#0b4f8a", headerText: "#ffffff", zebra: "#eef2f6"),
    paragraph: ParagraphStyle(
      justify: true, hyphenate: true, orphans: 2, widows: 2,
      maxHyphenRun: 2, hyphenPenalty: 200, looseness: 0, hangingPunctuation: true, spacing: 6),
    headings: HeadingStyle(numbered: true, pageBreakBefore: false),
    table: TableStyle(zebra: true, rules: .horizontal),
    charts: ChartStyle(
      palette: ["#E69F00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"],
      patterns: true))
}
