import CPango
import Frames

// MARK: - Setting the chosen lines

extension PangoShaper {
  /// Sets the lines of the paragraph made of `runs` over UTF-8 ranges `bounds` (in order, the
  /// whole text), the paragraph shaped unbroken in `whole`; nil in the unlikely case Pango does
  /// not keep the lines apart.
  ///
  /// Each line is cut out of `whole` where ``ParagraphCutter`` finds that gives the glyphs shaping
  /// it again would, or all of it but a word fragment at an end, shaped again and joined to it;
  /// the others are shaped again, each its own paragraph of one more layout (kerning, ligatures and
  /// the hyphen at a break come out right), in one pass. Then every line is justified
  /// (``LineJustifier``; `weights` nil: not justified) and copied out, in order.
  func setLines(
    _ bounds: [Range<Int>], of runs: [TextRun], shaped whole: LayoutHandle, spec: ParagraphSpec,
    justify weights: BreakWeights?, characters: LayoutCharacters
  ) -> [ShapedLine]? {
    let cutter = cutsLines ? ParagraphCutter(whole, neutral: spaceNeutralFonts) : nil
    let parts = cutter?.cutParts(bounds, characters: characters) ?? bounds.map { _ in nil }
    // A fragment that does not join its line's cut part: the lines not cut whole shaped again.
    let attempts = [parts, parts.indices.map { parts[$0] == bounds[$0] ? parts[$0] : nil }]
    for attempt in attempts.prefix(parts == attempts[1] ? 1 : 2) {
      guard
        let lines = setLines(
          bounds, parts: attempt, cutter: cutter, of: runs, shaped: whole, spec: spec,
          justify: weights, characters: characters)
      else { continue }
      lineCounts.set += bounds.count
      lineCounts.cut += zip(bounds, attempt).lazy.filter { $0 == $1 }.count
      lineCounts.spliced += zip(bounds, attempt).lazy.filter { $1 != nil && $0 != $1 }.count
      return lines
    }
    return nil
  }

  /// ``setLines(_:of:shaped:spec:justify:characters:)`` with each line's part cut out given
  /// (`parts`, nil: none); nil also when a fragment does not join its cut part.
  private func setLines(
    _ bounds: [Range<Int>], parts: [Range<Int>?], cutter: ParagraphCutter?, of runs: [TextRun],
    shaped whole: LayoutHandle, spec: ParagraphSpec, justify weights: BreakWeights?,
    characters: LayoutCharacters
  ) -> [ShapedLine]? {
    // What is shaped again: whole lines, and the fragments beside a part cut out.
    var pieces: [Range<Int>] = []
    for (line, part) in zip(bounds, parts) {
      guard let part else {
        pieces.append(line)
        continue
      }
      if line.lowerBound < part.lowerBound { pieces.append(line.lowerBound..<part.lowerBound) }
      if part.upperBound < line.upperBound { pieces.append(part.upperBound..<line.upperBound) }
    }
    var again: ReshapedLines?
    if let first = pieces.first, let last = pieces.last {
      again = ReshapedLines(
        pieces, afterBreak: first.lowerBound > bounds[0].lowerBound,
        beforeBreak: last.upperBound < bounds[bounds.count - 1].upperBound,
        of: runs, layout: { unwrappedLayout($0, spec: spec) })
      guard again != nil else { return nil }
    }
    guard let wholeSource = LineSource(whole.layout, runs: runs) else { return nil }
    var lines: [PendingLine] = []
    var next = 0
    func reshaped() -> UnsafeMutablePointer<PangoLayoutLine>? {
      defer { next += 1 }
      return again?.lines[next]
    }
    for (range, part) in zip(bounds, parts) {
      if let part, let cutter {
        if part == range {
          lines.append(.cut(cutter.cut(range), range: range))
          continue
        }
        let head = range.lowerBound < part.lowerBound ? reshaped() : nil
        let tail = part.upperBound < range.upperBound ? reshaped() : nil
        guard
          let spliced = cutter.splice(
            part, head: head.map { ReshapedPiece(line: $0, start: range.lowerBound) },
            tail: tail.map { ReshapedPiece(line: $0, start: part.upperBound) })
        else { return nil }
        lines.append(.cut(spliced, range: range))
      } else if let line = reshaped() {
        lines.append(.reshaped(line))
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
            in: reshapedSource, spec: spec, logical: logical, baseline: 0,
            x: Self.x(on: layoutLine))
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
    let all = Array(
      GListItems(pango_layout_get_lines_readonly(handle.layout), of: PangoLayoutLine.self))
    let skipped = afterBreak ? 1 : 0
    guard all.count == ranges.count + skipped + (beforeBreak ? 1 : 0) else { return nil }
    lines = Array(all[skipped..<(skipped + ranges.count)])
  }
}
