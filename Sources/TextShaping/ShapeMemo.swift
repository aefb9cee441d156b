import Frames

/// Remembers the paragraphs and widths an inner shaper gave, in two generations, so that each is
/// asked of it once.
///
/// Layout passes (the contents' second pass, a table shrinking to fit) ask for the same paragraph
/// at the same width again, or at another width it still fits on one line (a contents title
/// beside a page number one digit longer): where the inner shaper sets fitting text as that one
/// line whatever the width (`fitsOnOneLineAlike`, ``PangoShaper/setsFittingTextAlike(_:)``), a
/// one-line paragraph is given again at any width it fits. The current generation is dropped
/// after each document (``discardAll()``), so that its lines can be freed as its pages are
/// written; or, between the builds of `pmreport watch`, becomes the previous one
/// (``keepUsedSinceLastKeep()``), from which a paragraph asked for again moves back. A remembered
/// paragraph comes back with no missing characters: the inner shaper reported them when it set it.
public final class ShapeMemo<Inner: ParagraphShaper>: ParagraphShaper {
  /// The shaper asked for what is not remembered.
  public let inner: Inner
  private var shapes: [MemoKey: ShapedParagraph] = [:]
  private var widths: [MemoKey: TextWidths] = [:]
  /// The previous build's shapes and widths not yet asked for in this one.
  private var previousShapes: [MemoKey: ShapedParagraph] = [:]
  private var previousWidths: [MemoKey: TextWidths] = [:]
  /// Whether `inner` sets a paragraph whose text fits its width as one line that does not depend
  /// on the width (whatever the paragraph's width: the answer must not depend on it).
  private let fitsOnOneLineAlike: (ParagraphSpec) -> Bool
  /// This generation's paragraphs set on one line within their width, by their spec without the
  /// width (``MemoKey/unsized``).
  private var oneLiners: [MemoKey: ShapedParagraph] = [:]

  /// Remembers what `inner` gives; with `fitsOnOneLineAlike`, also gives a one-line paragraph
  /// again at another width that holds its line.
  public init(
    _ inner: Inner, fitsOnOneLineAlike: @escaping (ParagraphSpec) -> Bool = { _ in false }
  ) {
    self.inner = inner
    self.fitsOnOneLineAlike = fitsOnOneLineAlike
  }

  public var palette: GlyphPalette { inner.palette }

  public func shapeParagraph(_ paragraph: ParagraphSpec) -> ShapingResult {
    let key = MemoKey(paragraph)
    if let hit = shapes[key] { return ShapingResult(paragraph: hit) }
    if let kept = previousShapes.removeValue(forKey: key) {
      shapes[key] = kept
      return ShapingResult(paragraph: kept)
    }
    // A one-liner was stored only for a paragraph `fitsOnOneLineAlike` (which does not look at
    // the width) accepted, so one found for this paragraph at another width is one it accepts.
    if !oneLiners.isEmpty, let line = oneLiners[key.unsized],
      line.lines[0].width <= paragraph.width
    {
      shapes[key] = line
      return ShapingResult(paragraph: line)
    }
    let result = inner.shapeParagraph(paragraph)
    shapes[key] = result.paragraph
    if Self.isOneFittingLine(result.paragraph, width: paragraph.width),
      fitsOnOneLineAlike(paragraph)
    {
      oneLiners[key.unsized] = result.paragraph
    }
    return result
  }

  /// Whether `shaped` is one line, not broken at a hyphen, no wider than `width`: the text fitted.
  private static func isOneFittingLine(_ shaped: ShapedParagraph, width: Double) -> Bool {
    shaped.lines.count == 1 && !shaped.lines[0].hyphenated && shaped.lines[0].width <= width
  }

  public func measureWidths(_ paragraph: ParagraphSpec) -> TextWidths {
    let key = MemoKey(paragraph)
    if let hit = widths[key] { return hit }
    let measured = previousWidths.removeValue(forKey: key) ?? inner.measureWidths(paragraph)
    widths[key] = measured
    return measured
  }

  /// How many paragraphs and widths both generations hold (for the tests).
  var rememberedCount: Int {
    shapes.count + widths.count + previousShapes.count + previousWidths.count
  }

  /// Forgets everything remembered (the lines already handed out stay valid).
  public func discardAll() {
    shapes = [:]
    widths = [:]
    previousShapes = [:]
    previousWidths = [:]
    oneLiners = [:]
  }

  /// Keeps what was asked for since the last call, for the next build, and forgets the rest: at
  /// most one build's shapes are held.
  public func keepUsedSinceLastKeep() {
    previousShapes = shapes
    previousWidths = widths
    shapes = [:]
    widths = [:]
    oneLiners = [:]
  }
}

/// A paragraph with its hash worked out once: a lookup that misses the current generation tries
/// the previous one and then stores, and hashing every run's text three times was half of a
/// `watch` build's memo time.
private struct MemoKey: Hashable {
  let paragraph: ParagraphSpec
  /// The paragraph's hash, its width left out: the same paragraph at two widths hashes alike, so
  /// that its key without the width (``unsized``) costs no second hash of its text.
  let hash: Int

  init(_ paragraph: ParagraphSpec) {
    var unsized = paragraph
    unsized.width = 0
    self.init(paragraph, hash: unsized.hashValue)
  }

  private init(_ paragraph: ParagraphSpec, hash: Int) {
    self.paragraph = paragraph
    self.hash = hash
  }

  /// This key with the paragraph's width set to 0.
  var unsized: MemoKey {
    var unsized = paragraph
    unsized.width = 0
    return MemoKey(unsized, hash: hash)
  }

  /// The widths first: every width of one paragraph hashes alike, and `ParagraphSpec`'s own `==`
  /// compares its runs before its width.
  static func == (a: MemoKey, b: MemoKey) -> Bool {
    a.hash == b.hash && a.paragraph.width == b.paragraph.width && a.paragraph == b.paragraph
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
