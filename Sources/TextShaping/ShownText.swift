import Frames

/// Whether a paragraph's lines show exactly its text: how the shape cache makes sure that an entry
/// changes at most how glyphs look, never what a reader gets (a PDF's text layer, what search and
/// screen readers find, is the lines' text).
enum ShownText {
  /// Whether `lines` show `text`, soft hyphens aside (shaping adds them where a word may break,
  /// and leaves out those it does not break at).
  ///
  /// Each line's runs, in whatever order they are drawn (a line mixing directions draws its runs
  /// in visual order), must cover the next stretch of the text, and the lines all of it but the
  /// paragraph separators between them (which Pango keeps out of every line).
  static func matches(_ lines: [ShapedLine], text: String) -> Bool {
    var cursor = 0
    let plain = withoutSoftHyphens(Array(text.utf8))
    for (number, line) in lines.enumerated() {
      if number > 0 { cursor = skippingSeparator(in: plain, at: cursor) }
      guard let glyphs = line.glyphs,
        glyphs.withUTF8({ cover(glyphs, $0, plain, from: &cursor) })
      else { return false }
    }
    return cursor == plain.count
  }

  /// Whether the runs of `glyphs` (whose text is `utf8`), taken in some order, show `plain` from
  /// `cursor` on; moves `cursor` past what they show.
  private static func cover(
    _ glyphs: GlyphRuns, _ utf8: UnsafeBufferPointer<UInt8>, _ plain: [UInt8],
    from cursor: inout Int
  ) -> Bool {
    var left = (0..<glyphs.count).map { glyphs.run($0).text }
    while !left.isEmpty {
      var matched = false
      for (index, range) in left.enumerated() {
        if let end = end(of: utf8[range], in: plain, from: cursor) {
          cursor = end
          left.remove(at: index)
          matched = true
          break
        }
      }
      guard matched else { return false }
    }
    return true
  }

  /// Where `bytes`, soft hyphens aside, end in `plain` when they are what it holds from `start`.
  private static func end(
    of bytes: Slice<UnsafeBufferPointer<UInt8>>, in plain: [UInt8], from start: Int
  ) -> Int? {
    var at = start
    var i = bytes.startIndex
    while i < bytes.endIndex {
      if isSoftHyphen(bytes, at: i) {
        i += 2
        continue
      }
      guard at < plain.count, plain[at] == bytes[i] else { return nil }
      at += 1
      i += 1
    }
    return at
  }

  /// Past the paragraph separator at `at` in `plain` (`\r\n`, `\n`, `\r` or U+2029), if one
  /// is there.
  private static func skippingSeparator(in plain: [UInt8], at: Int) -> Int {
    let rest = plain[at...]
    if rest.starts(with: [0x0D, 0x0A]) { return at + 2 }
    if rest.first == 0x0A || rest.first == 0x0D { return at + 1 }
    if rest.starts(with: [0xE2, 0x80, 0xA9]) { return at + 3 }
    return at
  }

  private static func withoutSoftHyphens(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if isSoftHyphen(bytes, at: i) {
        i += 2
        continue
      }
      out.append(bytes[i])
      i += 1
    }
    return out
  }

  /// Whether a soft hyphen (U+00AD, C2 AD in UTF-8) starts at `i`.
  private static func isSoftHyphen<C: Collection<UInt8>>(_ bytes: C, at i: C.Index) -> Bool
  where C.Index == Int {
    bytes[i] == 0xC2 && i + 1 < bytes.endIndex && bytes[i + 1] == 0xAD
  }
}
