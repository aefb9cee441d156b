import Frames

/// Remembers the paragraphs and widths an inner shaper gave, in two generations, so that each is
/// asked of it once.
///
/// Layout passes (the contents' second pass, a table shrinking to fit) ask for the same paragraph
/// at the same width again. The current generation is dropped after each document
/// (``discardAll()``), so that its lines can be freed as its pages are written; or, between the
/// builds of `pmreport watch`, becomes the previous one (``keepUsedSinceLastKeep()``), from which a
/// paragraph asked for again moves back. A remembered paragraph comes back with no missing
/// characters: the inner shaper reported them when it set it.
public final class ShapeMemo<Inner: ParagraphShaper>: ParagraphShaper {
  /// The shaper asked for what is not remembered.
  public let inner: Inner
  private var shapes: [MemoKey: ShapedParagraph] = [:]
  private var widths: [MemoKey: TextWidths] = [:]
  /// The previous build's shapes and widths not yet asked for in this one.
  private var previousShapes: [MemoKey: ShapedParagraph] = [:]
  private var previousWidths: [MemoKey: TextWidths] = [:]

  /// Remembers what `inner` gives.
  public init(_ inner: Inner) { self.inner = inner }

  public var palette: GlyphPalette { inner.palette }

  public func shapeParagraph(_ paragraph: ParagraphSpec) -> ShapingResult {
    let key = MemoKey(paragraph)
    if let hit = shapes[key] { return ShapingResult(paragraph: hit) }
    if let kept = previousShapes.removeValue(forKey: key) {
      shapes[key] = kept
      return ShapingResult(paragraph: kept)
    }
    let result = inner.shapeParagraph(paragraph)
    shapes[key] = result.paragraph
    return result
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
  }

  /// Keeps what was asked for since the last call, for the next build, and forgets the rest: at
  /// most one build's shapes are held.
  public func keepUsedSinceLastKeep() {
    previousShapes = shapes
    previousWidths = widths
    shapes = [:]
    widths = [:]
  }
}

/// A paragraph with its hash worked out once: a lookup that misses the current generation tries
/// the previous one and then stores, and hashing every run's text three times was half of a
/// `watch` build's memo time.
private struct MemoKey: Hashable {
  let paragraph: ParagraphSpec
  let hash: Int

  init(_ paragraph: ParagraphSpec) {
    self.paragraph = paragraph
    hash = paragraph.hashValue
  }

  static func == (a: MemoKey, b: MemoKey) -> Bool {
    a.hash == b.hash && a.paragraph == b.paragraph
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
