import CPango
import Frames

/// The changes made to a paragraph's words between two breaks: where Pango broke inside a word,
/// and that word rewritten (hyphenated, or its hyphenation points taken out).
enum WordSurgery {
  /// The UTF-8 offsets in the layout's text where a line ends at no line-break opportunity: where
  /// Pango broke a word too wide for the measure at a letter of its choosing.
  static func breaksInsideWords(_ layout: OpaquePointer) -> [Int] {
    var count: Int32 = 0
    guard pango_layout_get_line_count(layout) > 1,
      let attrs = pango_layout_get_log_attrs_readonly(layout, &count),
      let textPointer = pango_layout_get_text(layout)
    else { return [] }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(textPointer).assumingMemoryBound(to: UInt8.self),
      count: strlen(textPointer))
    var out: [Int] = []
    var charIndex = 0
    var scanned = 0
    let lines = pango_layout_get_line_count(layout)
    for l in 0..<(lines - 1) {
      guard let line = pango_layout_get_line_readonly(layout, l) else { continue }
      let end = min(Int(line.pointee.start_index + line.pointee.length), bytes.count)
      // Characters up to `end` (lead bytes only).
      while scanned < end {
        if bytes[scanned] & 0xC0 != 0x80 { charIndex += 1 }
        scanned += 1
      }
      if end < bytes.count, charIndex < Int(count), attrs[charIndex].is_line_break == 0 {
        out.append(end)
      }
    }
    return out
  }

  /// The index of the first hyphenated line that makes a run longer than `limit`.
  static func firstLineExceedingHyphenRun(_ lines: [(line: ShapedLine, endByte: Int)], limit: Int)
    -> Int?
  {
    var run = 0
    for (i, l) in lines.enumerated() {
      run = l.line.hyphenated ? run + 1 : 0
      if run > limit { return i }
    }
    return nil
  }

  /// `runs` with the words that hold the UTF-8 offsets `bytes` of their text hyphenated (their
  /// soft hyphens so far replaced by the dictionary's, then very long pieces broken as usual).
  static func hyphenatingWords(at bytes: [Int], in runs: [TextRun], with hyphenator: Hyphenator)
    -> [TextRun]
  {
    rewritingWords(at: bytes, in: runs) { Hyphenator.breakingLongWords(hyphenator.hyphenate($0)) }
  }

  /// `runs` without the soft hyphens of the word that holds the UTF-8 offset `byte` of their text.
  static func removingSoftHyphens(around byte: Int, in runs: [TextRun]) -> [TextRun] {
    rewritingWords(at: [byte], in: runs) { $0 }
  }

  /// `runs` with each word (a stretch between spaces) that holds one of the UTF-8 offsets `bytes`
  /// of their text replaced by `rewrite` of it, its soft hyphens taken out first.
  private static func rewritingWords(
    at bytes: [Int], in runs: [TextRun], _ rewrite: (String) -> String
  ) -> [TextRun] {
    var offset = 0
    return runs.map { run in
      var r = run
      var utf8 = Array(run.text.utf8)
      defer { offset += run.text.utf8.count }
      // From the last offset back, so that earlier offsets stay valid while words grow.
      for byte in bytes.reversed() where byte >= offset && byte <= offset + utf8.count {
        let local = byte - offset
        var lo = local
        var hi = local
        while lo > 0, utf8[lo - 1] != 0x20 { lo -= 1 }
        while hi < utf8.count, utf8[hi] != 0x20 { hi += 1 }
        guard lo < hi else { continue }
        let word = String(decoding: utf8[lo..<hi], as: UTF8.self).withoutSoftHyphens
        utf8.replaceSubrange(lo..<hi, with: Array(rewrite(word).utf8))
      }
      r.text = String(decoding: utf8, as: UTF8.self)
      return r
    }
  }
}

extension String {
  /// The string with every soft hyphen (U+00AD) removed.
  var withoutSoftHyphens: String {
    guard utf8.contains(0xAD) else { return self }
    var out = String.UnicodeScalarView()
    for scalar in unicodeScalars where scalar != "\u{00AD}" { out.append(scalar) }
    return String(out)
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
