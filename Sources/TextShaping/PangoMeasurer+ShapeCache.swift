import Frames

/// Shaping through the ``ShapeCache`` on disk: a paragraph found there is not shaped again.
extension PangoMeasurer {
  /// Keeps shaped paragraphs and widths in `cache` from run to run (nil: no cache on disk).
  public func useShapeCache(_ cache: ShapeCache?) {
    diskCache = cache
    diskKeys = nil
  }

  /// The keys for the current language and hyphenation dictionary.
  private func currentKeys(_ cache: ShapeCache) -> ShapeCacheKeys {
    if let diskKeys { return diskKeys }
    let keys = ShapeCacheKeys(
      identity: cache.identity, fontconfig: fontconfigIdentity, language: languageTag,
      hyphenDictionary: hyphenator?.dictionaryPath)
    diskKeys = keys
    return keys
  }

  /// `paragraph` from the cache on disk, else shaped (and stored there).
  func shapeThroughDiskCache(_ paragraph: ParagraphSpec) -> ShapedParagraph {
    guard let cache = diskCache else { return shapeUncached(paragraph) }
    let key = currentKeys(cache).key(.paragraph, paragraph)
    if let payload = cache.payload(for: key) {
      if let stored = restore(payload, from: cache) { return stored }
      cache.rejected()
    }
    // The characters this paragraph lacks, all of them (not only those new to this document).
    let before = missingCharacters
    missingCharacters = []
    let shaped = shapeUncached(paragraph)
    let found = missingCharacters
    missingCharacters = before
    noteMissing(found)
    cache.store(
      CachedParagraph.encode(
        shaped, palette: palette, missing: found, fontFile: cache.fontFile(of:)),
      for: key)
    return shaped
  }

  /// The paragraph a payload holds, its fonts and colours named in this measurer's palette and the
  /// characters it lacks noted; nil when it cannot be read or a font file has changed.
  private func restore(_ payload: ArraySlice<UInt8>, from cache: ShapeCache) -> ShapedParagraph? {
    guard let entry = try? CachedParagraph(payload: payload), cache.fontsUnchanged(entry),
      let lines = entry.lines(
        fonts: entry.fonts.map { paletteBuilder.index(of: $0.face) },
        colors: entry.colors.map { paletteBuilder.index(of: $0) })
    else { return nil }
    noteMissing(entry.missing)
    return ShapedParagraph(lines: lines)
  }

  /// `paragraph`'s widths from the cache on disk, else measured (and stored there).
  func widthsThroughDiskCache(_ paragraph: ParagraphSpec) -> TextWidths {
    guard let cache = diskCache else { return widthsUncached(paragraph) }
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
    let measured = widthsUncached(paragraph)
    var w = ByteWriter()
    w.f64(measured.minimum)
    w.f64(measured.preferred)
    cache.store(w.bytes, for: key)
    return measured
  }
}
