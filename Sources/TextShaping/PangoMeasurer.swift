import Frames

/// The real ``TextMeasurer`` and ``ShapingSession``: a ``PangoShaper`` behind the disk cache and
/// the in-memory generations, with the characters no font has collected until the run takes them.
///
/// Not thread-safe: Pango objects must not be used by two threads at once, so use one measurer
/// per thread.
public final class PangoMeasurer: ShapingSession {
  /// Pango and libhyphen: the fonts, the palette, the language.
  let shaper: PangoShaper
  /// The shaper behind the cache on disk, when the run has one.
  let diskCache: DiskCachedShaper
  /// The shapes of this document (or, for `pmreport watch`, of this build and the last).
  let memo: ShapeMemo<DiskCachedShaper>
  /// The characters no font has, met since the last ``takeMissingCharacters()``.
  private var missingCharacters: [Unicode.Scalar] = []
  /// The words wider than their measure, met since the last ``takeOverlongWords()``.
  private var overlongWords: [String] = []

  /// Makes a measurer.
  ///
  /// `hyphenator` defaults to US English when its patterns are installed.
  public init(hyphenator: Hyphenator? = Hyphenator.englishUS()) {
    shaper = PangoShaper(hyphenator: hyphenator)
    diskCache = DiskCachedShaper(shaper)
    memo = ShapeMemo(diskCache, fitsOnOneLineAlike: PangoShaper.setsFittingTextAlike)
  }

  /// The fonts and colours of every line shaped so far.
  public var palette: GlyphPalette { shaper.palette }

  public func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph {
    let result = memo.shapeParagraph(paragraph)
    if !result.missing.isEmpty { note(result.missing) }
    for word in result.overlongWords
    where paragraph.warnsOverlongWords && !overlongWords.contains(word) {
      overlongWords.append(word)
    }
    return result.paragraph
  }

  /// One unwrapped layout gives both widths: the whole line, and the widest stretch between two
  /// line-break opportunities (trailing spaces not counted).
  public func widths(_ paragraph: ParagraphSpec) -> TextWidths { memo.measureWidths(paragraph) }

  // MARK: Between documents

  public var currentHyphenator: Hyphenator? { shaper.hyphenator }

  public func setLanguage(_ tag: String, hyphenator: Hyphenator?) {
    guard shaper.setLanguage(tag, hyphenator: hyphenator) else { return }
    diskCache.languageChanged()
    discardCachedShapes()
  }

  public func substitute(forFamily family: String) -> String? {
    shaper.substitute(forFamily: family)
  }

  public func useShapeCache(_ cache: ShapeCache?) { diskCache.cache = cache }

  public func discardCachedShapes() {
    memo.discardAll()
    diskCache.cache?.release()
  }

  public func keepShapesUsedSinceLastKeep() { memo.keepUsedSinceLastKeep() }

  public func takeMissingCharacters() -> [Unicode.Scalar] {
    defer { missingCharacters = [] }
    return missingCharacters
  }

  public func takeOverlongWords() -> [String] {
    defer { overlongWords = [] }
    return overlongWords
  }

  /// Adds those of `scalars` not noted yet.
  private func note(_ scalars: [Unicode.Scalar]) {
    for scalar in scalars where !missingCharacters.contains(scalar) {
      missingCharacters.append(scalar)
    }
  }
}
