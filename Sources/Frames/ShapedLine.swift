/// One line of text, ready to place: its box is `height` tall and its baseline sits `baseline` below
/// its top.
public struct ShapedLine: Sendable {
  /// Natural advance width of the line's text (for justified lines, the full measure).
  public var width: Double
  /// Where the line starts inside the paragraph's box (alignment offset), in points.
  public var offset: Double
  /// Line box height (leading included).
  public var height: Double
  /// Distance from the top of the line box to the baseline.
  public var baseline: Double
  /// The characters this line holds (soft hyphens removed, "-" where it breaks at one), for tests
  /// and diagnostics.
  ///
  /// Read from the glyphs when there are any (a line's text is kept once).
  public var text: String {
    get { storedText ?? glyphs?.text ?? "" }
    set { storedText = newValue }
  }
  /// The text set explicitly (by a measurer without glyphs), if any.
  public private(set) var storedText: String?
  /// Whether the line ends with an inserted hyphen.
  public var hyphenated: Bool
  /// The shaped glyphs; nil for measurers that only measure (test fakes).
  public var glyphs: GlyphRuns?
  /// The stretches of the line that are links.
  public var links: [LineLink] = []

  public init(
    width: Double, height: Double, baseline: Double, text: String? = nil, hyphenated: Bool = false,
    offset: Double = 0, glyphs: GlyphRuns? = nil
  ) {
    self.width = width
    self.offset = offset
    self.height = height
    self.baseline = baseline
    self.storedText = text
    self.hyphenated = hyphenated
    self.glyphs = glyphs
  }
}

/// A stretch of a line that links somewhere: from `x` (after the line's `offset`) for `width`.
public struct LineLink: Hashable, Sendable {
  public var x: Double
  public var width: Double
  public var target: LinkTarget
  public init(x: Double, width: Double, target: LinkTarget) {
    self.x = x
    self.width = width
    self.target = target
  }
}
