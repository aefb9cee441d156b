import CPango

/// A paragraph shaped once on one line (Pango's unwrapped layout), cut into the lines
/// ``LineBreaker`` chose where that gives the glyphs shaping each line again would give.
///
/// Pango shapes each line of a layout alone: its items (font, script, level) come from that
/// line's text, and HarfBuzz sees only the item. A line cut out of the unbroken line gets the same
/// glyphs when it starts and ends at a break after a space (or at the paragraph's ends) and
/// itemizes as it did in the paragraph. So only these are cut:
/// - text set left to right (every item at bidi level 0), of one script, without tabs (their
///   widths depend on where the line starts);
/// - a line whose first character of a script is in the paragraph's script (the characters common
///   to all scripts that start it resolve to the same script alone);
/// - at a break after a space U+0020 that falls between two glyph clusters, where the item
///   holding the space also holds the character before it (Pango moves the spaces before a change
///   of font to the next item; alone, the line keeps them in its last item), both items set in
///   fonts that neither kern nor substitute across a space (``SpaceNeutralFonts``).
///
/// At a break at a soft hyphen, an explicit hyphen or inside a word (where a hyphen is drawn and
/// the letters around it kern differently) only the word fragment between the break and the clean
/// break nearest it is shaped again, and joined to the rest of its line cut out
/// (``splice(_:head:tail:)``); a line with no clean break inside is shaped again whole.
struct ParagraphCutter {
  /// The unbroken line's runs (glyph items, visual order = logical order here).
  private let items: [UnsafeMutablePointer<PangoGlyphItem>]
  /// The layout's text.
  let text: UnsafePointer<CChar>
  private let bytes: UnsafeBufferPointer<UInt8>
  /// The script every item is in.
  private let script: Int
  /// The layout, held while its runs are read.
  private let handle: LayoutHandle
  /// The fonts a break after a space may be cut in.
  private let neutral: SpaceNeutralFonts

  /// Reads `handle`'s single line; nil when the paragraph cannot be cut (more than one line, a
  /// level other than 0, more than one script, a tab); `neutral` tells the fonts a break may be
  /// cut in.
  init?(_ handle: LayoutHandle, neutral: SpaceNeutralFonts) {
    let layout = handle.layout
    guard pango_layout_get_line_count(layout) == 1,
      let line = pango_layout_get_line_readonly(layout, 0),
      let text = pango_layout_get_text(layout)
    else { return nil }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    guard !bytes.contains(0x09) else { return nil }
    var items: [UnsafeMutablePointer<PangoGlyphItem>] = []
    for run in GlyphItems(line.pointee.runs) {
      guard let item = run.pointee.item, run.pointee.glyphs != nil,
        item.pointee.analysis.level == 0
      else { return nil }
      items.append(run)
    }
    guard let first = items.first?.pointee.item?.pointee.analysis.script,
      items.allSatisfy({ $0.pointee.item?.pointee.analysis.script == first })
    else { return nil }
    self.items = items
    self.text = text
    self.bytes = bytes
    self.script = Int(first)
    self.handle = handle
    self.neutral = neutral
  }

  /// The part of each line of the paragraph, given by its UTF-8 range (in order, together the
  /// whole text), that is cut out rather than shaped again; `characters` are the paragraph's.
  ///
  /// The whole line where both its ends are clean breaks; where one is not (a break at a soft
  /// hyphen, an explicit hyphen or inside a word), the line from (or to) the clean break nearest
  /// that end, the word fragment beyond it shaped again (``splice(_:head:tail:)``); nil: the line
  /// is shaped again whole.
  func cutParts(_ lines: [Range<Int>], characters: LayoutCharacters) -> [Range<Int>?] {
    let clean = lines.dropLast().map { isCleanBreak(at: $0.upperBound) }
    return lines.indices.map { k in
      let line = lines[k]
      guard !line.isEmpty, leadingScript(line, in: characters) == script else { return nil }
      var lower = line.lowerBound
      if k > 0, !clean[k - 1] {
        guard let inner = innerBreak(in: line, first: true),
          leadingScript(lower..<inner, in: characters) == script
        else { return nil }
        lower = inner
      }
      var upper = line.upperBound
      if k < lines.count - 1, !clean[k] {
        guard let inner = innerBreak(in: lower..<upper, first: false),
          leadingScript(inner..<upper, in: characters) == script
        else { return nil }
        upper = inner
      }
      return lower..<upper
    }
  }

  /// The runs of the line over UTF-8 range `range`, a part ``cutParts(_:characters:)`` gave,
  /// copied out of the paragraph's.
  func cut(_ range: Range<Int>) -> CutLine { CutLine(cutRuns(range)) }

  /// The runs of the line whose part `cut` is cut out of the paragraph and whose fragments before
  /// and after it, `head` and `tail`, were shaped again, joined as shaping the line alone joins
  /// them: a fragment's item and the cut item beside it are one item where the paragraph holds both
  /// sides of the break in one.
  ///
  /// Nil when they cannot be joined so (the items' fonts or analyses differ): then the line is
  /// shaped again whole.
  func splice(_ cut: Range<Int>, head: ReshapedPiece?, tail: ReshapedPiece?) -> CutLine? {
    var pieces = head?.copiedRuns() ?? []
    var joined = join(&pieces, cutRuns(cut), at: cut.lowerBound)
    if joined, let tail { joined = join(&pieces, tail.copiedRuns(), at: cut.upperBound) }
    guard joined else {
      for piece in pieces { pango_glyph_item_free(piece) }
      return nil
    }
    return CutLine(pieces)
  }

  /// Appends `next` (owned) to `pieces` (owned), the runs before and after offset `at` of the
  /// text, the two runs beside it made one where the paragraph holds `at - 1` and `at` in one
  /// item; false when those two are not alike.
  private func join(
    _ pieces: inout [UnsafeMutablePointer<PangoGlyphItem>],
    _ next: [UnsafeMutablePointer<PangoGlyphItem>], at offset: Int
  ) -> Bool {
    guard let left = pieces.last, let right = next.first,
      let holder = items.first(where: { Self.holds($0, offset) }), Self.holds(holder, offset - 1)
    else {
      pieces += next
      return true
    }
    guard let joined = GlyphItemPieces.join(left, right) else {
      pieces += next
      return false
    }
    pango_glyph_item_free(left)
    pango_glyph_item_free(right)
    pieces[pieces.count - 1] = joined
    pieces += next.dropFirst()
    return true
  }

  /// The paragraph's runs over UTF-8 range `range`, copied (owned).
  private func cutRuns(_ range: Range<Int>) -> [UnsafeMutablePointer<PangoGlyphItem>] {
    var pieces: [UnsafeMutablePointer<PangoGlyphItem>] = []
    for run in items {
      guard let item = run.pointee.item else { continue }
      let start = Int(item.pointee.offset)
      let end = start + Int(item.pointee.length)
      guard start < range.upperBound, end > range.lowerBound,
        let piece = GlyphItemPieces.piece(
          of: run, bytes: max(start, range.lowerBound)..<min(end, range.upperBound), text: text)
      else { continue }
      pieces.append(piece)
    }
    return pieces
  }

  /// The clean break (``isCleanBreak(at:)``) strictly inside `range` after a space and before a
  /// character that is not one: its first (`first`) or its last; nil when there is none.
  private func innerBreak(in range: Range<Int>, first: Bool) -> Int? {
    guard range.count > 1 else { return nil }
    let inside = (range.lowerBound + 1)..<range.upperBound
    let isBreak = { (offset: Int) in
      self.bytes[offset] != 0x20 && self.bytes[offset - 1] == 0x20 && self.isCleanBreak(at: offset)
    }
    return first ? inside.first(where: isBreak) : inside.reversed().first(where: isBreak)
  }

  /// Whether a line may end at UTF-8 offset `at` (and the next start) cut out of the paragraph.
  private func isCleanBreak(at offset: Int) -> Bool {
    guard offset > 0, offset < bytes.count, bytes[offset - 1] == 0x20,
      let holder = items.first(where: { Self.holds($0, offset) })
    else { return false }
    // The item holding the spaces the line ends with must hold the character before them.
    var lastLetter = offset - 1
    while lastLetter > 0, bytes[lastLetter] == 0x20 { lastLetter -= 1 }
    guard let spaces = items.first(where: { Self.holds($0, offset - 1) }),
      Int(spaces.pointee.item.pointee.offset) <= lastLetter,
      [spaces, holder].allSatisfy({
        $0.pointee.item.pointee.analysis.font.map(neutral.contains) ?? false
      })
    else { return false }
    return Self.startsCluster(holder, at: offset)
  }

  /// Whether the glyph item covers UTF-8 offset `offset`.
  private static func holds(_ run: UnsafeMutablePointer<PangoGlyphItem>, _ offset: Int) -> Bool {
    let item = run.pointee.item.pointee
    return Int(item.offset) <= offset && offset < Int(item.offset) + Int(item.length)
  }

  /// Whether a glyph cluster of the (left-to-right) glyph item starts at UTF-8 offset `offset`.
  private static func startsCluster(_ run: UnsafeMutablePointer<PangoGlyphItem>, at offset: Int)
    -> Bool
  {
    let relative = Int32(offset - Int(run.pointee.item.pointee.offset))
    guard relative > 0 else { return true }
    let glyphs = run.pointee.glyphs.pointee
    for i in 0..<Int(glyphs.num_glyphs) where glyphs.log_clusters[i] >= relative {
      return glyphs.log_clusters[i] == relative
    }
    return false
  }

  /// The script of the first character of the range that has one of its own (not common to
  /// several scripts, nor inherited), as Pango's script iterator resolves the text alone: Common
  /// when none has.
  ///
  /// `characters` are the paragraph's, already decoded.
  private func leadingScript(_ range: Range<Int>, in characters: LayoutCharacters) -> Int {
    var i = characters.characterIndex(ofByte: range.lowerBound)
    while i < characters.scalars.count, characters.byteOffsets[i] < range.upperBound {
      let script = g_unichar_get_script(characters.scalars[i].value)
      if script != G_UNICODE_SCRIPT_COMMON, script != G_UNICODE_SCRIPT_INHERITED,
        script != G_UNICODE_SCRIPT_UNKNOWN
      {
        return Int(script.rawValue)
      }
      i += 1
    }
    return Int(G_UNICODE_SCRIPT_COMMON.rawValue)
  }
}

/// A line's glyph runs cut out of its paragraph's unbroken shaping (``ParagraphCutter``), in the
/// list form a `PangoLayoutLine` holds them: what ``LineJustifier`` and ``LineCopier`` read.
final class CutLine {
  /// The runs, in visual order (owned).
  let runs: UnsafeMutablePointer<GSList>?

  init(_ pieces: [UnsafeMutablePointer<PangoGlyphItem>]) {
    var list: UnsafeMutablePointer<GSList>?
    for piece in pieces.reversed() { list = g_slist_prepend(list, piece) }
    runs = list
  }

  deinit {
    g_slist_free_full(runs) {
      pango_glyph_item_free($0?.assumingMemoryBound(to: PangoGlyphItem.self))
    }
  }

  /// The line's logical extents, from its baseline, as Pango measures a layout line: the union of
  /// its runs' logical rectangles (and of the empty one at the origin).
  var logicalExtents: PangoRectangle {
    var rect = PangoRectangle()
    var x: Int32 = 0
    for run in GlyphItems(runs) {
      var logical = PangoRectangle()
      pango_glyph_string_extents(
        run.pointee.glyphs, run.pointee.item.pointee.analysis.font, nil, &logical)
      logical.y -= run.pointee.y_offset
      let left = min(rect.x, x + logical.x)
      rect.width = max(rect.x + rect.width, x + logical.x + logical.width) - left
      rect.x = left
      let top = min(rect.y, logical.y)
      rect.height = max(rect.y + rect.height, logical.y + logical.height) - top
      rect.y = top
      x += logical.width
    }
    return rect
  }

  /// Where the character at UTF-8 offset `index` of `text` starts on the line, from its start.
  ///
  /// As `pango_layout_line_index_to_x` finds it (leading edge): at the start of the grapheme
  /// holding it. `logAttrs` are the paragraph's, `charIndex` the character index of an offset,
  /// `lineStart` the line's first byte.
  func x(
    of index: Int, text: UnsafePointer<CChar>, lineStart: Int,
    logAttrs: UnsafeMutablePointer<PangoLogAttr>, charIndex: (Int) -> Int
  ) -> Int32 {
    var width: Int32 = 0
    for run in GlyphItems(runs) {
      let item = run.pointee.item.pointee
      let start = Int(item.offset)
      guard start <= index, index < start + Int(item.length) else {
        width += pango_glyph_string_get_width(run.pointee.glyphs)
        continue
      }
      var at = index
      var char = charIndex(at)
      while at > lineStart, logAttrs[char].is_cursor_position == 0 {
        char -= 1
        at -= 1
        while at > 0, UInt8(bitPattern: text[at]) & 0xC0 == 0x80 { at -= 1 }
      }
      var analysis = item.analysis
      var x: Int32 = 0
      pango_glyph_string_index_to_x_full(
        run.pointee.glyphs, text + start, item.length, &analysis, logAttrs + charIndex(start),
        Int32(at - start), 0, &x)
      return width + x
    }
    return width
  }
}
