import Frames

/// Sets paragraphs and reports what could not be drawn: the engine behind a ``TextMeasurer``,
/// which caches (``ShapeMemo``, ``DiskCachedShaper``) wrap.
///
/// A shaper returns each paragraph with the characters it lacks, rather than collecting them, so
/// that a cache in front of it can store and replay them with the paragraph.
public protocol ParagraphShaper: AnyObject {
  /// Breaks `paragraph` into lines no wider than `paragraph.width`.
  func shapeParagraph(_ paragraph: ParagraphSpec) -> ShapingResult
  /// The paragraph's narrowest and one-line widths (see ``TextMeasurer/widths(_:)``).
  func measureWidths(_ paragraph: ParagraphSpec) -> TextWidths
  /// The fonts and colours the lines shaped so far name.
  var palette: GlyphPalette { get }
}

/// A paragraph set into lines, and the characters in it that no installed font could draw (they
/// print as boxes), each once, in the order first met.
public struct ShapingResult: Sendable {
  public var paragraph: ShapedParagraph
  public var missing: [Unicode.Scalar]
  /// The start of each word wider than the paragraph's measure, broken across lines
  /// (``OverlongWords``).
  public var overlongWords: [String]

  public init(
    paragraph: ShapedParagraph, missing: [Unicode.Scalar] = [], overlongWords: [String] = []
  ) {
    self.paragraph = paragraph
    self.missing = missing
    self.overlongWords = overlongWords
  }
}
