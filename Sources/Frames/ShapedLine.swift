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
  private var storedText: String?
  /// Whether the line ends with an inserted hyphen.
  public var hyphenated: Bool
  /// The shaped glyphs; nil for measurers that only measure (test fakes).
  public var glyphs: GlyphRuns?

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
