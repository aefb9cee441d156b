import CPango
import Frames

// MARK: - Optimum-fit paragraphs

extension PangoShaper {
  /// Whether the paragraph's breaks are chosen together (``LineBreaker``).
  ///
  /// Justified and left-aligned text without line separators. Centred and right-aligned text, and text holding
  /// newlines, is broken by Pango.
  static func breaksOptimally(_ paragraph: ParagraphSpec) -> Bool {
    guard paragraph.alignment == .justify || paragraph.alignment == .left else { return false }
    return !paragraph.runs.contains {
      $0.text.unicodeScalars.contains {
        $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}"
      }
    }
  }

  /// Whether `paragraph`'s text, when it fits, is set as one line that no width changes.
  ///
  /// Left-aligned text broken by ``LineBreaker``: text that fits is the one line of its unbroken
  /// layout, whatever the width that holds it (the first step of
  /// ``setOptimally(_:runs:hasLongWord:missing:overlong:)``), and a line the breaker sets keeps its
  /// natural width and hangs no punctuation, so one no wider than the width is that line. Not
  /// justified text: its last line is shrunk to the measure when a little too wide, so a line as
  /// wide as the measure may not be the text's natural one.
  static func setsFittingTextAlike(_ paragraph: ParagraphSpec) -> Bool {
    paragraph.alignment == .left && breaksOptimally(paragraph)
  }

  /// Shapes the paragraph once unbroken, chooses its breaks with ``LineBreaker``, then sets its
  /// lines (``setLines(_:of:shaped:spec:justify:characters:)``: cut out of that shaping, or shaped
  /// again); nil in the unlikely case Pango does not keep the lines apart.
  ///
  /// The characters no font has are added to `missing`, the start of each word wider than the
  /// measure to `overlong` (looked for only where ``ParagraphItems`` met such a word).
  func setOptimally(
    _ paragraph: ParagraphSpec, runs initial: [TextRun], hasLongWord: Bool,
    missing: inout [Unicode.Scalar], overlong: inout [String]
  ) -> ShapedParagraph? {
    var runs = initial
    var longWord = hasLongWord
    var whole = unwrappedLayout(runs, spec: paragraph)
    // Text that fits on one line is that line (the least demerits, too): no breaking to do.
    var extent = PangoRectangle()
    pango_layout_get_extents(whole.layout, nil, &extent)
    if Double(extent.width) / Double(PANGO_SCALE) <= paragraph.width {
      if pango_layout_get_unknown_glyphs_count(whole.layout) > 0 {
        findMissingCharacters(runs, into: &missing)
      }
      return ShapedParagraph(lines: readLines(whole, runs: runs, spec: paragraph).map(\.line))
    }
    var characters = LayoutCharacters(whole.layout, text: runs.map(\.text).joined())
    // Unhyphenated text: a word wider than the measure gets its dictionary's hyphenation points.
    if !paragraph.hyphenate, let hyphenator {
      let wide = characters.unbreakableStretches.filter { $0.width > paragraph.width }
      if !wide.isEmpty {
        let marked = WordSurgery.hyphenatingWords(
          at: wide.map { characters.byteOffsets[$0.start] }, in: runs, with: hyphenator)
        if marked != runs {
          runs = marked
          longWord = true
          whole = unwrappedLayout(runs, spec: paragraph)
          characters = LayoutCharacters(whole.layout, text: runs.map(\.text).joined())
        }
      }
    }
    if pango_layout_get_unknown_glyphs_count(whole.layout) > 0 {
      findMissingCharacters(runs, into: &missing)
    }
    let runEnds = Self.runEnds(runs)
    let weights = BreakWeights(hyphenPenalty: paragraph.hyphenPenalty)
    let items = ParagraphItems(
      characters: characters.scalars, advances: characters.advances,
      breakBefore: characters.breakBefore, graphemeStart: characters.graphemeStart,
      hyphenWidth: { [self] i in
        let byte = characters.byteOffsets[i]
        let run = runEnds.firstIndex { byte < $0 } ?? (runs.count - 1)
        return hyphenWidth(runs[run].font)
      }, measure: paragraph.width,
      weights: weights)
    let justified = paragraph.alignment == .justify
    let rules = LineBreakRules(
      measure: paragraph.width, ragged: !justified, raggedGap: max(1, paragraph.fontSize * 3),
      maxHyphenRun: longWord ? 0 : paragraph.maxHyphenRun, looseness: paragraph.looseness)
    let breaks = LineBreaker.breaks(items.items, rules: rules)
    var bounds: [Range<Int>] = []
    var start = 0
    for (k, b) in breaks.enumerated() {
      let end = k == breaks.count - 1 ? characters.scalars.count : items.ends[b]
      bounds.append(characters.byteOffsets[start]..<characters.byteOffsets[end])
      start = end
    }
    guard !bounds.isEmpty,
      let lines = setLines(
        bounds, of: runs, shaped: whole, spec: paragraph, justify: justified ? weights : nil,
        characters: characters)
    else { return nil }
    if items.hasOverlongWord {
      overlong = OverlongWords.starts(in: characters, measure: paragraph.width)
    }
    return ShapedParagraph(lines: lines)
  }

  /// The start of each word of `runs` wider than the paragraph's measure (``OverlongWords``),
  /// from one more unwrapped layout: only for paragraphs that hold such a word.
  func overlongWords(_ runs: [TextRun], spec: ParagraphSpec) -> [String] {
    let whole = unwrappedLayout(runs, spec: spec)
    return OverlongWords.starts(
      in: LayoutCharacters(whole.layout, text: runs.map(\.text).joined()), measure: spec.width)
  }

  /// A layout of `runs` on one line, as wide as the text.
  func unwrappedLayout(_ runs: [TextRun], spec: ParagraphSpec) -> LayoutHandle {
    let handle = makeLayout(runs: runs, spec: spec)
    pango_layout_set_width(handle.layout, -1)
    pango_layout_set_justify(handle.layout, 0)
    return handle
  }

  /// The width of a hyphen in `font` (what a break at a soft hyphen adds to its line).
  private func hyphenWidth(_ font: FontSpec) -> Double {
    if let hit = hyphenWidths[font] { return hit }
    let probe = makeLayout(
      runs: [TextRun("-", font: font)], spec: ParagraphSpec(runs: [], width: 1))
    pango_layout_set_width(probe.layout, -1)
    var logical = PangoRectangle()
    pango_layout_get_extents(probe.layout, nil, &logical)
    let width = Double(logical.width) / Double(PANGO_SCALE)
    hyphenWidths[font] = width
    return width
  }

  /// Where each run's text ends, in UTF-8 bytes of the paragraph's text.
  static func runEnds(_ runs: [TextRun]) -> [Int] {
    var ends: [Int] = []
    var offset = 0
    for run in runs {
      offset += run.text.utf8.count
      ends.append(offset)
    }
    return ends
  }

  /// The runs' text from UTF-8 offset `lo` to `hi` (character boundaries), each piece keeping its
  /// run's font, colour and link; at least one run, so an empty line keeps its font.
  static func slice(_ runs: [TextRun], from lo: Int, to hi: Int) -> [TextRun] {
    var out: [TextRun] = []
    var offset = 0
    for run in runs {
      let utf8 = run.text.utf8
      defer { offset += utf8.count }
      let a = max(lo, offset) - offset
      let b = min(hi, offset + utf8.count) - offset
      guard a < b else { continue }
      var piece = run
      let start = utf8.index(utf8.startIndex, offsetBy: a)
      let end = utf8.index(utf8.startIndex, offsetBy: b)
      piece.text = String(run.text[start..<end])
      out.append(piece)
    }
    if out.isEmpty, var first = runs.first {
      first.text = ""
      out.append(first)
    }
    return out
  }
}
