import CPango

/// Sets one shaped line (a `PangoLayoutLine`'s runs, or a ``CutLine``'s) to its measure: the
/// hyphen drawn where it breaks at a soft hyphen, the spaces inside it (and a little, its letters)
/// stretched or shrunk, the spaces it breaks at of no width, and punctuation at its ends hanging
/// into the margins.
///
/// Works on the line's glyph widths before ``LineCopier`` copies them.
enum LineJustifier {
  /// The line's width once set, and where it starts (negative: hanging into the left margin).
  struct Fit {
    var width: Double
    var offset: Double
  }

  /// A glyph cluster of the line.
  private struct Cluster {
    var glyphs: UnsafeMutablePointer<PangoGlyphInfo>
    var lo: Int
    var hi: Int
    var start: Int
    var end: Int
    var leftToRight: Bool
    var font: UnsafeMutablePointer<PangoFont>?

    var width: Int32 { (lo..<hi).reduce(0) { $0 + glyphs[$1].geometry.width } }
    /// Adds `units` after the cluster's glyphs.
    func widen(by units: Int) {
      guard lo < hi else { return }
      glyphs[hi - 1].geometry.width += Int32(clamping: units)
    }
  }

  /// Sets the line made of `runs`, bytes `lineStart..<lineEnd` of `text`: one paragraph of a
  /// layout, or a line cut out of one.
  ///
  /// - Parameters:
  ///   - runs: the line's glyph items, in visual order.
  ///   - lineStart: where the line starts in `text` (UTF-8 offset).
  ///   - lineEnd: where it ends.
  ///   - text: the text the runs' items index into.
  ///   - measure: the width to justify to.
  ///   - weights: how far spaces and letters stretch and shrink to fill `measure` (plus what hangs);
  ///     nil: the line is not justified. A justified paragraph's last line is only shrunk, when
  ///     wider than the measure.
  ///   - hang: let punctuation protrude; at the right only when the line is justified.
  ///   - last: the paragraph's last line keeps its trailing spaces.
  /// - Returns: the line's width and its start.
  static func fit(
    _ runs: UnsafeMutablePointer<GSList>?, from lineStart: Int, to lineEnd: Int,
    text: UnsafePointer<CChar>, measure: Double, justify weights: BreakWeights?, hang: Bool,
    last: Bool
  ) -> Fit {
    let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
    // A line has at most as many clusters as bytes: room for them all at once.
    let clusters = Self.clusters(of: runs, text: text, atMost: lineEnd - lineStart)
    if !last, lineEnd - lineStart >= 2, bytes[lineEnd - 2] == 0xC2, bytes[lineEnd - 1] == 0xAD,
      let softHyphen = clusters.first(where: { $0.start == lineEnd - 2 && $0.end == lineEnd })
    {
      drawHyphen(softHyphen)
    }
    var trimmedEnd = lineEnd
    while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == 0x20 || bytes[trimmedEnd - 1] == 0x09 {
      trimmedEnd -= 1
    }
    var spaces: [Cluster] = []
    var letters: [Cluster] = []
    spaces.reserveCapacity(clusters.count)
    letters.reserveCapacity(clusters.count)
    var natural = 0
    for (k, cluster) in clusters.enumerated() {
      let isSpace = isSpaceText(bytes, cluster.start, cluster.end)
      if isSpace, cluster.start >= trimmedEnd, !last {
        for i in cluster.lo..<cluster.hi { cluster.glyphs[i].geometry.width = 0 }
      } else if isSpace, cluster.start < trimmedEnd, cluster.lo < cluster.hi {
        spaces.append(cluster)
      } else if k + 1 < clusters.count, cluster.end < trimmedEnd,
        isLatinLetter(cluster, bytes), isLatinLetter(clusters[k + 1], bytes)
      {
        letters.append(cluster)
      }
      natural += Int(cluster.width)
    }
    let scale = Double(PANGO_SCALE)
    var left = 0.0
    var right = 0.0
    if hang {
      if let first = clusters.first(where: { $0.start == lineStart }) {
        left = leftProtrusion(bytes, first.start, first.end) * Double(first.width) / scale
      }
      if weights != nil, !last,
        let final = clusters.first(where: { $0.end == trimmedEnd && $0.start < $0.end })
      {
        right = rightProtrusion(bytes, final.start, final.end) * Double(final.width) / scale
      }
    }
    guard let weights, !spaces.isEmpty else {
      return Fit(width: Double(natural) / scale, offset: -left)
    }
    let target = Int(((measure + left + right) * scale).rounded())
    // A paragraph's last line is set at its natural width, unless the breaker shrank it.
    if last, natural <= target { return Fit(width: Double(natural) / scale, offset: -left) }
    var extra = target - natural
    // Letters take their part of the adjustment (at most their limit), the spaces the rest.
    let spaceWidth = Double(spaces.reduce(0) { $0 + Int($1.width) })
    let letterWidth = Double(letters.reduce(0) { $0 + Int($1.width) })
    let letterRoom = letterWidth * weights.letterSpacing
    let room = letterRoom + spaceWidth * (extra >= 0 ? weights.stretch : weights.shrink)
    if room > 0, letterRoom > 0 {
      let ratio = max(-1, min(1, Double(extra) / room))
      for letter in letters {
        let add = Int((Double(letter.width) * weights.letterSpacing * ratio).rounded())
        letter.widen(by: add)
        extra -= add
      }
    }
    let share = extra / spaces.count
    let rest = extra % spaces.count
    for (k, space) in spaces.enumerated() {
      space.widen(by: share + (k < abs(rest) ? rest.signum() : 0))
    }
    return Fit(width: Double(target) / scale, offset: -left)
  }

  /// Draws the soft hyphen a line breaks at (a blank glyph of no width) as the hyphen Pango would
  /// insert: U+2010 where the font has it, else "-".
  private static func drawHyphen(_ cluster: Cluster) {
    guard let font = cluster.font, cluster.lo < cluster.hi, let hb = pango_font_get_hb_font(font)
    else { return }
    var glyph: hb_codepoint_t = 0
    guard
      hb_font_get_nominal_glyph(hb, 0x2010, &glyph) != 0
        || hb_font_get_nominal_glyph(hb, 0x2D, &glyph) != 0
    else { return }
    var logical = PangoRectangle()
    pango_font_get_glyph_extents(font, glyph, nil, &logical)
    cluster.glyphs[cluster.lo].glyph = glyph
    cluster.glyphs[cluster.lo].geometry.width = logical.width
  }

  /// Whether the cluster is a letter or digit of a Latin script set left to right: letter spacing
  /// would break the joining of other scripts.
  private static func isLatinLetter(_ cluster: Cluster, _ bytes: UnsafePointer<UInt8>) -> Bool {
    guard cluster.leftToRight, cluster.start < cluster.end, cluster.lo < cluster.hi else {
      return false
    }
    // The first character, read from its UTF-8 bytes (ASCII, or two bytes up to U+024F).
    let lead = bytes[cluster.start]
    if lead < 0x80 {
      let lower = lead | 0x20
      return (lower >= 0x61 && lower <= 0x7A) || (lead >= 0x30 && lead <= 0x39)
    }
    guard lead >= 0xC3, lead <= 0xC9, cluster.end - cluster.start >= 2,
      let scalar = Unicode.Scalar(
        UInt32(lead & 0x1F) << 6 | UInt32(bytes[cluster.start + 1] & 0x3F))
    else { return false }
    return scalar.value < 0x250 && scalar.properties.isAlphabetic
  }

  /// The line's clusters (at most `count`), run by run in visual order.
  private static func clusters(
    of runs: UnsafeMutablePointer<GSList>?, text: UnsafePointer<CChar>, atMost count: Int
  ) -> [Cluster] {
    var out: [Cluster] = []
    out.reserveCapacity(count)
    for glyphItem in GlyphItems(runs) {
      guard let glyphs = glyphItem.pointee.glyphs, let infos = glyphs.pointee.glyphs else {
        continue
      }
      let count = Int(glyphs.pointee.num_glyphs)
      var iter = PangoGlyphItemIter()
      var more = pango_glyph_item_iter_init_start(&iter, glyphItem, text) != 0
      while more {
        let lo = max(0, min(Int(iter.start_glyph), Int(iter.end_glyph) + 1))
        let hi = min(count, max(Int(iter.start_glyph) + 1, Int(iter.end_glyph)))
        out.append(
          Cluster(
            glyphs: infos, lo: lo, hi: max(lo, hi), start: Int(iter.start_index),
            end: Int(iter.end_index),
            leftToRight: glyphItem.pointee.item.map { $0.pointee.analysis.level & 1 == 0 } ?? true,
            font: glyphItem.pointee.item?.pointee.analysis.font))
        more = pango_glyph_item_iter_next_cluster(&iter) != 0
      }
    }
    return out
  }

  private static func isSpaceText(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard start < end else { return false }
    return (start..<end).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 }
  }

  /// How much of an opening quotation mark's width hangs into the left margin.
  private static func leftProtrusion(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int)
    -> Double
  {
    switch scalar(bytes, start, end) {
    case "\u{201C}", "\u{2018}", "\u{201E}", "\"", "'", "\u{00AB}": return 0.7
    default: return 0
    }
  }

  /// How much of a hyphen, stop, comma or closing quotation mark hangs into the right margin.
  private static func rightProtrusion(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int)
    -> Double
  {
    switch scalar(bytes, start, end) {
    case "-", "\u{00AD}", "\u{2010}", ".", ",": return 0.6
    case "\u{201D}", "\u{2019}", "\"", "'", "\u{00BB}": return 0.7
    case "\u{2013}", ":", ";": return 0.3
    default: return 0
    }
  }

  /// The cluster's text when it is one character.
  private static func scalar(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int)
    -> Unicode.Scalar?
  {
    let text = String(
      decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
    let scalars = text.unicodeScalars
    return scalars.count == 1 ? scalars.first : nil
  }
}
