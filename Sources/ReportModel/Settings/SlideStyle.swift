/// Type and colours for slides: sizes that read from the back of a room, and the colours text sits
/// on.
///
/// The floors are the style rules' (``SlideStyle/floors``): body text at least 24 pt, headings at
/// least 36 pt, chart labels at least 16 pt, the footer at least 12 pt. The heading and text
/// colours default to the style's `colors` (its accent and its text), so each style's colours carry
/// onto its slides; contrast against `background` is checked where a deck is resolved.
public struct SlideStyle: Codable, Hashable, Sendable {
  /// Body text: list items, table cells, questions.
  public var bodySize: Double
  /// Each slide's title.
  public var headingSize: Double
  /// The title slide's title.
  public var titleSize: Double
  /// Chart labels and legends on a chart slide.
  public var chartLabelSize: Double
  /// The footer and slide number.
  public var footerSize: Double
  /// What every slide is filled with.
  public var background: String
  /// Body text; nil: the style's `colors.text`.
  public var text: String?
  /// Titles; nil: the style's `colors.accent`.
  public var heading: String?

  public init(
    bodySize: Double, headingSize: Double, titleSize: Double, chartLabelSize: Double,
    footerSize: Double, background: String, text: String? = nil, heading: String? = nil
  ) {
    self.bodySize = bodySize
    self.headingSize = headingSize
    self.titleSize = titleSize
    self.chartLabelSize = chartLabelSize
    self.footerSize = footerSize
    self.background = background
    self.text = text
    self.heading = heading
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case background, text, heading
    case bodySize = "body-size"
    case headingSize = "heading-size"
    case titleSize = "title-size"
    case chartLabelSize = "chart-label-size"
    case footerSize = "footer-size"
  }

  /// The least size of each length key, in points (its key and floor).
  public static let floors: [(key: String, size: Double)] = [
    ("body-size", 24), ("heading-size", 36), ("title-size", 36), ("chart-label-size", 16),
    ("footer-size", 12),
  ]

  /// The slides of ``Style/classic``.
  public static let classic = SlideStyle(
    bodySize: 26, headingSize: 36, titleSize: 50, chartLabelSize: 16, footerSize: 12,
    background: "#ffffff")
}
