import CPango

/// The characters of an unwrapped layout's text with their advances and break opportunities: what
/// line breaking and table widths measure with.
struct LayoutCharacters {
  let scalars: [Unicode.Scalar]
  /// Each character's logical advance (a ligature's width shared among its characters).
  let advances: [Double]
  /// Whether a line may start at each index (`scalars.count + 1` entries).
  let breakBefore: [Bool]
  /// Whether each index starts a grapheme cluster (`scalars.count + 1` entries).
  let graphemeStart: [Bool]
  /// The UTF-8 offset of each index (`scalars.count + 1` entries).
  let byteOffsets: [Int]

  /// Reads `layout` (set with `text`, on one line).
  init(_ layout: OpaquePointer, text: String) {
    let scalars = Array(text.unicodeScalars)
    self.scalars = scalars
    var offsets = [Int](repeating: 0, count: scalars.count + 1)
    var charIndexOfByte = [Int](repeating: 0, count: text.utf8.count + 1)
    var b = 0
    for (c, scalar) in scalars.enumerated() {
      offsets[c] = b
      for _ in 0..<scalar.utf8.count {
        charIndexOfByte[b] = c
        b += 1
      }
    }
    offsets[scalars.count] = b
    charIndexOfByte[b] = scalars.count
    byteOffsets = offsets
    var advances = [Double](repeating: 0, count: scalars.count)
    let scale = Double(PANGO_SCALE)
    if let iter = pango_layout_get_iter(layout) {
      defer { pango_layout_iter_free(iter) }
      repeat {
        guard let run = pango_layout_iter_get_run_readonly(iter), let item = run.pointee.item else {
          continue
        }
        let offset = Int(item.pointee.offset)
        let chars = Int(item.pointee.num_chars)
        var widths = [Int32](repeating: 0, count: chars)
        if let base = pango_layout_get_text(layout) {
          pango_glyph_string_get_logical_widths(
            run.pointee.glyphs, base + offset, item.pointee.length,
            Int32(item.pointee.analysis.level), &widths)
        }
        let first = charIndexOfByte[min(offset, charIndexOfByte.count - 1)]
        for k in 0..<chars where first + k < advances.count {
          advances[first + k] = Double(widths[k]) / scale
        }
      } while pango_layout_iter_next_run(iter) != 0
    }
    self.advances = advances
    var breaks = [Bool](repeating: false, count: scalars.count + 1)
    var graphemes = [Bool](repeating: true, count: scalars.count + 1)
    var count: Int32 = 0
    if let attrs = pango_layout_get_log_attrs_readonly(layout, &count) {
      for i in 0..<min(Int(count), scalars.count + 1) {
        breaks[i] = attrs[i].is_line_break != 0
        graphemes[i] = attrs[i].is_cursor_position != 0
      }
    }
    breakBefore = breaks
    graphemeStart = graphemes
  }

  /// The index of the character that starts at UTF-8 offset `byte` (a character boundary).
  func characterIndex(ofByte byte: Int) -> Int {
    var low = 0
    var high = byteOffsets.count - 1
    while low < high {
      let middle = (low + high) / 2
      if byteOffsets[middle] < byte { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The stretches between two break opportunities (trailing spaces not counted), by character
  /// index, with their widths.
  var unbreakableStretches: [(start: Int, end: Int, width: Double)] {
    let n = scalars.count
    guard n > 0 else { return [] }
    var xs = [0.0]
    xs.reserveCapacity(n + 1)
    for a in advances { xs.append(xs[xs.count - 1] + a) }
    var out: [(start: Int, end: Int, width: Double)] = []
    var start = 0
    for i in 1...n where i == n || breakBefore[i] {
      var end = i
      while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
      out.append((start, end, xs[end] - xs[start]))
      start = i
    }
    return out
  }

  /// The widest stretch between two break opportunities.
  var widestUnbreakable: Double { unbreakableStretches.map(\.width).max() ?? 0 }
}
