import CPango

/// A word fragment of a line shaped again (its own paragraph of a layout), to be joined to the
/// part of the line cut out of the paragraph's unbroken shaping (``ParagraphCutter/splice(_:head:tail:)``).
struct ReshapedPiece {
  /// The layout's line that is the fragment.
  let line: UnsafeMutablePointer<PangoLayoutLine>
  /// Where the fragment starts in the paragraph's text (UTF-8 offset).
  let start: Int

  /// Its runs, copied (owned), their items moved to index the paragraph's text (the fragment's
  /// bytes are the same there).
  func copiedRuns() -> [UnsafeMutablePointer<PangoGlyphItem>] {
    let shift = Int32(start) - line.pointee.start_index
    return GlyphItems(line.pointee.runs).compactMap { run in
      guard let copy = pango_glyph_item_copy(run) else { return nil }
      copy.pointee.item.pointee.offset += shift
      return copy
    }
  }
}

/// Left-to-right glyph items cut and joined as shaping their text gives them where nothing is
/// shaped across the points they are cut or joined at: the pieces of ``CutLine``s.
enum GlyphItemPieces {
  /// The part of `run` over UTF-8 range `bytes` of `text` (inside its item, its ends glyph
  /// cluster starts or the item's ends), copied (owned): what copying the run and splitting the
  /// copy at both ends gives, without copying the glyphs outside the range.
  static func piece(
    of run: UnsafeMutablePointer<PangoGlyphItem>, bytes: Range<Int>, text: UnsafePointer<CChar>
  ) -> UnsafeMutablePointer<PangoGlyphItem>? {
    guard let source = run.pointee.item, let glyphs = run.pointee.glyphs?.pointee,
      let item = pango_item_copy(source), let string = pango_glyph_string_new(),
      let piece = g_slice_alloc0(gsize(MemoryLayout<PangoGlyphItem>.size))?.assumingMemoryBound(
        to: PangoGlyphItem.self)
    else { return nil }
    let start = Int(source.pointee.offset)
    let lo = Int32(bytes.lowerBound - start)
    let hi = Int32(bytes.upperBound - start)
    let count = Int(glyphs.num_glyphs)
    var first = 0
    while first < count, glyphs.log_clusters[first] < lo { first += 1 }
    var end = first
    while end < count, glyphs.log_clusters[end] < hi { end += 1 }
    pango_glyph_string_set_size(string, Int32(end - first))
    if end > first {
      string.pointee.glyphs.update(from: glyphs.glyphs + first, count: end - first)
      for i in 0..<(end - first) {
        string.pointee.log_clusters[i] = glyphs.log_clusters[first + i] - lo
      }
    }
    item.pointee.offset = Int32(bytes.lowerBound)
    item.pointee.length = Int32(bytes.count)
    item.pointee.num_chars = Int32(g_utf8_strlen(text + bytes.lowerBound, bytes.count))
    piece.pointee.item = item
    piece.pointee.glyphs = string
    piece.pointee.y_offset = run.pointee.y_offset
    piece.pointee.start_x_offset = lo == 0 ? run.pointee.start_x_offset : 0
    piece.pointee.end_x_offset =
      Int(hi) == Int(source.pointee.length) ? run.pointee.end_x_offset : 0
    return piece
  }

  /// `left` and `right` (not freed) as one new glyph item; nil when they do not meet or are not
  /// alike (font, script, language, level, gravity, flags, vertical offset).
  static func join(
    _ left: UnsafeMutablePointer<PangoGlyphItem>, _ right: UnsafeMutablePointer<PangoGlyphItem>
  ) -> UnsafeMutablePointer<PangoGlyphItem>? {
    guard let leftItem = left.pointee.item?.pointee, let rightItem = right.pointee.item?.pointee,
      let rightGlyphs = right.pointee.glyphs?.pointee,
      leftItem.offset + leftItem.length == rightItem.offset,
      alike(leftItem.analysis, rightItem.analysis), left.pointee.y_offset == right.pointee.y_offset,
      let joined = pango_glyph_item_copy(left), let glyphs = joined.pointee.glyphs
    else { return nil }
    let leftCount = Int(glyphs.pointee.num_glyphs)
    let rightCount = Int(rightGlyphs.num_glyphs)
    pango_glyph_string_set_size(glyphs, Int32(leftCount + rightCount))
    if rightCount > 0 {
      (glyphs.pointee.glyphs + leftCount).update(from: rightGlyphs.glyphs, count: rightCount)
      for i in 0..<rightCount {
        glyphs.pointee.log_clusters[leftCount + i] = rightGlyphs.log_clusters[i] + leftItem.length
      }
    }
    joined.pointee.item.pointee.length += rightItem.length
    joined.pointee.item.pointee.num_chars += rightItem.num_chars
    joined.pointee.end_x_offset = right.pointee.end_x_offset
    return joined
  }

  /// Whether two items' analyses shape alike.
  private static func alike(_ a: PangoAnalysis, _ b: PangoAnalysis) -> Bool {
    a.font == b.font && a.level == b.level && a.gravity == b.gravity && a.flags == b.flags
      && a.script == b.script && a.language == b.language && a.level == 0
  }
}
