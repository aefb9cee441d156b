import Frames

/// A ``PangoShaper`` behind the ``ShapeCache`` on disk: a paragraph found there is not shaped
/// again, and one shaped is stored there with the characters it lacks.
///
/// Entries name fonts as files and patterns; a paragraph read back has them named again in the
/// shaper's palette. The keys cover the shaper's language and hyphenation dictionary.
///
/// A cache folder is trusted with how glyphs look, never with what a reader gets: an entry is
/// taken only when its lines show the paragraph's own text (``ShownText``), its links are the
/// paragraph's runs' targets, its glyphs are ones their fonts have, and the characters it says no
/// font has are the paragraph's; otherwise it is a miss, and the paragraph is shaped afresh.
final class DiskCachedShaper: ParagraphShaper {
  /// The shaper asked for what the cache does not hold.
  let inner: PangoShaper
  /// Where shapes are kept from run to run (nil: nowhere; every call goes to `inner`).
  var cache: ShapeCache? {
    didSet {
      keys = nil
      fontRecords = cache.map { FontRecords(fontFiles: $0.fontFiles) }
    }
  }
  /// The keys of the cache's entries in the current language (made on first use).
  private var keys: ShapeCacheKeys?
  /// The records of the palette's fonts in the cache's entries (used by the cache's writer).
  private var fontRecords: FontRecords?
  /// fontconfig's configuration as bytes for the cache keys (read once).
  lazy var fontconfigIdentity = ShapeCacheKeys.fontconfigIdentity()

  /// Puts `inner` behind a cache on disk, none at first.
  init(_ inner: PangoShaper) { self.inner = inner }

  var palette: GlyphPalette { inner.palette }

  /// Makes the keys afresh on next use: the shaper's language or dictionary has changed.
  func languageChanged() { keys = nil }

  /// The keys for the current language and hyphenation dictionary.
  private func currentKeys(_ cache: ShapeCache) -> ShapeCacheKeys {
    if let keys { return keys }
    let made = ShapeCacheKeys(
      identity: cache.identity, fontconfig: fontconfigIdentity, language: inner.languageTag,
      hyphenDictionary: inner.hyphenator?.dictionaryPath)
    keys = made
    return made
  }

  /// `paragraph` from the cache on disk, else shaped (and stored there).
  func shapeParagraph(_ paragraph: ParagraphSpec) -> ShapingResult {
    guard let cache else { return inner.shapeParagraph(paragraph) }
    let key = currentKeys(cache).key(.paragraph, paragraph)
    if let payload = cache.payload(for: key) {
      if let stored = restore(payload, of: paragraph, from: cache) { return stored }
      cache.rejected()
    }
    let shaped = inner.shapeParagraph(paragraph)
    if let fontRecords {
      let palette = inner.palette
      let runs = paragraph.runs
      cache.store(for: key) { w in
        CachedParagraph.encode(
          shaped.paragraph, runs: runs, palette: palette, missing: shaped.missing,
          overlongWords: shaped.overlongWords,
          fontRecord: { fontRecords.record($0, palette: palette) }, into: &w)
      }
    }
    return shaped
  }

  /// `paragraph` as a payload holds it, its fonts and colours named in the shaper's palette, with
  /// the characters it lacks; nil when it cannot be read, a font file has changed, or it shows a
  /// reader anything but the paragraph (see the type's summary).
  private func restore(
    _ payload: ArraySlice<UInt8>, of paragraph: ParagraphSpec, from cache: ShapeCache
  ) -> ShapingResult? {
    let palette = inner.paletteBuilder
    guard let entry = try? CachedParagraph(payload: payload), cache.fontsUnchanged(entry) else {
      return nil
    }
    let glyphCounts = entry.fonts.compactMap { cache.glyphCount(of: $0.face) }
    let text = paragraph.text
    guard glyphCounts.count == entry.fonts.count,
      entry.missing.allSatisfy({ text.unicodeScalars.contains($0) }),
      entry.overlongWords.allSatisfy({ text.contains($0) }),
      let lines = entry.lines(
        fonts: entry.fonts.map { palette.index(of: $0.face) }, glyphCounts: glyphCounts,
        colors: entry.colors.map { palette.index(of: $0) }, runs: paragraph.runs),
      ShownText.matches(lines, text: text)
    else { return nil }
    return ShapingResult(
      paragraph: ShapedParagraph(lines: lines), missing: entry.missing,
      overlongWords: entry.overlongWords)
  }

  /// `paragraph`'s widths from the cache on disk, else measured (and stored there).
  func measureWidths(_ paragraph: ParagraphSpec) -> TextWidths {
    guard let cache else { return inner.measureWidths(paragraph) }
    let key = currentKeys(cache).key(.widths, paragraph)
    if let payload = cache.payload(for: key) {
      let widths = payload.withUnsafeBytes { raw -> TextWidths? in
        var r = ByteReader(bytes: raw)
        guard let minimum = try? r.f64(), let preferred = try? r.f64(), r.atEnd else { return nil }
        return TextWidths(minimum: minimum, preferred: preferred)
      }
      if let widths { return widths }
      cache.rejected()
    }
    let measured = inner.measureWidths(paragraph)
    cache.store(for: key) { w in
      w.f64(measured.minimum)
      w.f64(measured.preferred)
    }
    return measured
  }
}
