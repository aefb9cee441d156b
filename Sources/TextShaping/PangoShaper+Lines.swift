import CPango
import Frames

// MARK: - Setting the chosen lines

extension PangoShaper {
  /// Sets the lines of the paragraph made of `runs` over UTF-8 ranges `bounds` (in order, the
  /// whole text), the paragraph shaped unbroken in `whole`; nil in the unlikely case Pango does
  /// not keep the lines apart.
  ///
  /// Each line is cut out of `whole` where ``ParagraphCutter`` finds that gives the glyphs shaping
  /// it again would; the others are shaped again, each its own paragraph of one more layout
  /// (kerning, ligatures and the hyphen at a break come out right), in one pass. Then every line
  /// is justified (``LineJustifier``; `weights` nil: not justified) and copied out, in order.
  func setLines(
    _ bounds: [Range<Int>], of runs: [TextRun], shaped whole: LayoutHandle, spec: ParagraphSpec,
    justify weights: BreakWeights?, characters: LayoutCharacters
  ) -> [ShapedLine]? {
    let cutter = cutsLines ? ParagraphCutter(whole, neutral: spaceNeutralFonts) : nil
    let cuttable = cutter?.cuttable(bounds, characters: characters) ?? bounds.map { _ in false }
    let reshaped = bounds.indices.filter { !cuttable[$0] }
    lineCounts.set += bounds.count
    lineCounts.cut += bounds.count - reshaped.count
    var again: ReshapedLines?
    if let first = reshaped.first, let last = reshaped.last {
      again = ReshapedLines(
        reshaped.map { bounds[$0] }, afterBreak: first > 0, beforeBreak: last < bounds.count - 1,
        of: runs, layout: { unwrappedLayout($0, spec: spec) })
      guard again != nil else { return nil }
    }
    guard let wholeSource = LineSource(whole.layout, runs: runs) else { return nil }
    var lines: [PendingLine] = []
    var next = 0
    for (k, range) in bounds.enumerated() {
      if cuttable[k], let cutter {
        lines.append(.cut(cutter.cut(range), range: range))
      } else if let again {
        lines.append(.reshaped(again.lines[next]))
        next += 1
      }
    }
    let reshapedSource = again?.source ?? wholeSource
    let fits = lines.enumerated().map { k, line in
      LineJustifier.fit(
        line.runs, from: line.range.lowerBound, to: line.range.upperBound,
        text: line.isCut ? wholeSource.text : reshapedSource.text, measure: spec.width,
        justify: weights, hang: spec.hangingPunctuation && weights != nil,
        last: k == lines.count - 1)
    }
    var count: Int32 = 0
    let logAttrs = UnsafeMutablePointer(
      mutating: pango_layout_get_log_attrs_readonly(whole.layout, &count))
    return withExtendedLifetime(again) {
      zip(lines, fits).map { line, fit in
        var shaped: ShapedLine
        switch line {
        case .cut(let cut, let range):
          shaped = readLine(
            cut.runs, from: range.lowerBound, to: range.upperBound, in: wholeSource, spec: spec,
            logical: cut.logicalExtents, baseline: 0
          ) { index in
            guard let logAttrs else { return 0 }
            return cut.x(
              of: index, text: wholeSource.text, lineStart: range.lowerBound, logAttrs: logAttrs,
              charIndex: characters.characterIndex(ofByte:))
          }
        case .reshaped(let layoutLine):
          var logical = PangoRectangle()
          pango_layout_line_get_extents(layoutLine, nil, &logical)
          shaped = readLine(
            layoutLine.pointee.runs, from: line.range.lowerBound, to: line.range.upperBound,
            in: reshapedSource, spec: spec, logical: logical, baseline: 0
          ) { index in
            var x: Int32 = 0
            pango_layout_line_index_to_x(layoutLine, Int32(index), 0, &x)
            return x
          }
        }
        shaped.width = fit.width
        shaped.offset = fit.offset
        return shaped
      }
    }
  }
}

/// A line of a paragraph being set: cut out of the paragraph's unbroken shaping, or shaped again.
private enum PendingLine {
  case cut(CutLine, range: Range<Int>)
  case reshaped(UnsafeMutablePointer<PangoLayoutLine>)

  var isCut: Bool {
    if case .cut = self { return true }
    return false
  }

  /// Its glyph items, in visual order.
  var runs: UnsafeMutablePointer<GSList>? {
    switch self {
    case .cut(let cut, _): return cut.runs
    case .reshaped(let line): return line.pointee.runs
    }
  }

  /// Its UTF-8 range in the text its runs index into.
  var range: Range<Int> {
    switch self {
    case .cut(_, let range): return range
    case .reshaped(let line):
      let start = Int(line.pointee.start_index)
      return start..<(start + Int(line.pointee.length))
    }
  }
}

/// Some lines of a paragraph shaped again, each its own paragraph of one layout, as they would
/// be in a layout of all the paragraph's lines (each after a line break but the paragraph's first,
/// each followed by one but its last: what HarfBuzz sees around a line is the same).
private struct ReshapedLines {
  let handle: LayoutHandle
  let source: LineSource
  /// The layout's lines that are the paragraph's, in order.
  let lines: [UnsafeMutablePointer<PangoLayoutLine>]

  /// The lines over `ranges` of the text of `runs`, set in a layout `layout` makes.
  ///
  /// Nil when it does not keep them apart. `afterBreak`: the first is not the paragraph's first
  /// line; `beforeBreak`: the last is not its last.
  init?(
    _ ranges: [Range<Int>], afterBreak: Bool, beforeBreak: Bool, of runs: [TextRun],
    layout: ([TextRun]) -> LayoutHandle
  ) {
    var pieces: [TextRun] = []
    for (k, range) in ranges.enumerated() {
      var line = PangoShaper.slice(runs, from: range.lowerBound, to: range.upperBound)
      if k == 0, afterBreak { line[0].text = "\n" + line[0].text }
      if k < ranges.count - 1 || beforeBreak { line[line.count - 1].text += "\n" }
      pieces += line
    }
    handle = layout(pieces)
    guard let source = LineSource(handle.layout, runs: pieces) else { return nil }
    self.source = source
    var all: [UnsafeMutablePointer<PangoLayoutLine>] = []
    var node = pango_layout_get_lines_readonly(handle.layout)
    while let current = node {
      node = current.pointee.next
      guard let data = current.pointee.data else { return nil }
      all.append(data.assumingMemoryBound(to: PangoLayoutLine.self))
    }
    let skipped = afterBreak ? 1 : 0
    guard all.count == ranges.count + skipped + (beforeBreak ? 1 : 0) else { return nil }
    lines = Array(all[skipped..<(skipped + ranges.count)])
  }
}
