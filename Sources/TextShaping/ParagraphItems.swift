/// How a paragraph's spaces and hyphens weigh in line breaking.
struct BreakWeights: Hashable, Sendable {
  /// The cost of breaking at a hyphenation point (a soft hyphen).
  var hyphenPenalty = 50.0
  /// The cost of breaking after a hyphen in the text.
  var explicitHyphenPenalty = 50.0
  /// The cost of breaking inside a word at no hyphenation point (a token wider than the measure).
  var letterBreakPenalty = 1_000.0
  /// How far a space may stretch, as a fraction of its width.
  var stretch = 0.5
  /// How far a space may shrink, as a fraction of its width (0.2: to 80 %).
  var shrink = 0.2
  /// How far the letters of a justified line may spread or close up, as a fraction of their
  /// advances (0.02: 2 %, a tenth of a point for a letter of 5 pt).
  var letterSpacing = 0.02
}

/// A paragraph's characters as boxes, glue and penalties for ``LineBreaker``, with the character
/// each break ends a line at.
///
/// Pure code: the characters' advances and break opportunities come from the shaper (Pango's
/// logical widths and log attributes), or from a fake in tests.
struct ParagraphItems {
  private(set) var items: [LineItem] = []
  /// For each item, the character index where a line broken there ends and the next one starts
  /// (a line keeps the spaces it breaks at, and the soft hyphen).
  private(set) var ends: [Int] = []
  /// Whether a word (from one space, hyphen or other break opportunity to the next; a soft
  /// hyphen does not end it) is wider than the measure: no line holds it (``OverlongWords``).
  private(set) var hasOverlongWord = false

  /// - Parameters:
  ///   - characters: the text, soft hyphens (U+00AD) marking hyphenation points.
  ///   - advances: each character's advance.
  ///   - breakBefore: whether a line may start at each index (`characters.count + 1` entries).
  ///   - graphemeStart: whether each index starts a grapheme cluster (`characters.count + 1`).
  ///   - hyphenWidth: the width of the hyphen drawn at the soft hyphen at an index.
  ///   - measure: the line width; a token wider than it may break between any two letters.
  ///   - weights: what spaces stretch and shrink, and what breaks cost.
  init(
    characters: [Unicode.Scalar], advances: [Double], breakBefore: [Bool], graphemeStart: [Bool],
    hyphenWidth: (Int) -> Double, measure: Double, weights: BreakWeights
  ) {
    let count = characters.count
    let words = Self.hyphenatedWords(characters)
    var boxWidth = 0.0
    var boxStart = 0
    var wordWidth = 0.0
    func flushBox(to end: Int) {
      guard end > boxStart else { return }
      if boxWidth > measure {
        addLetterBreaks(
          from: boxStart, to: end, advances: advances, graphemeStart: graphemeStart,
          cost: weights.letterBreakPenalty)
      } else {
        append(
          .box(
            boxWidth, stretch: boxWidth * weights.letterSpacing,
            shrink: boxWidth * weights.letterSpacing), end: end)
      }
      boxWidth = 0
      boxStart = end
    }
    var i = 0
    while i < count {
      let c = characters[i]
      if Self.isSpace(c) {
        wordWidth = 0
        flushBox(to: i)
        var e = i
        var width = 0.0
        while e < count, Self.isSpace(characters[e]) {
          width += advances[e]
          e += 1
        }
        if !breakBefore[e] || e == count {
          append(.penalty(0, cost: LineItem.forbidden, flagged: false), end: i)
        }
        append(
          .glue(width, stretch: width * weights.stretch, shrink: width * weights.shrink), end: e)
        boxStart = e
        i = e
        continue
      }
      boxWidth += advances[i]
      wordWidth += advances[i]
      if wordWidth > measure { hasOverlongWord = true }
      i += 1
      guard i < count, breakBefore[i], !Self.isSpace(characters[i]) else { continue }
      if c != "\u{00AD}" { wordWidth = 0 }
      if c == "\u{00AD}" {
        guard !words.contains(i - 1) else { continue }
        flushBox(to: i)
        append(.penalty(hyphenWidth(i - 1), cost: weights.hyphenPenalty, flagged: true), end: i)
      } else if c == "-" || c == "\u{2010}" {
        flushBox(to: i)
        append(.penalty(0, cost: weights.explicitHyphenPenalty, flagged: true), end: i)
      } else {
        flushBox(to: i)
        append(.penalty(0, cost: 0, flagged: false), end: i)
      }
    }
    flushBox(to: count)
  }

  private mutating func append(_ item: LineItem, end: Int) {
    items.append(item)
    ends.append(end)
  }

  /// A token wider than the measure: a box a grapheme, with a costly break between each two.
  private mutating func addLetterBreaks(
    from start: Int, to end: Int, advances: [Double], graphemeStart: [Bool], cost: Double
  ) {
    var width = 0.0
    for k in start..<end {
      width += advances[k]
      guard k + 1 == end || graphemeStart[k + 1] else { continue }
      append(.box(width), end: k + 1)
      if k + 1 < end { append(.penalty(0, cost: cost, flagged: false), end: k + 1) }
      width = 0
    }
  }

  /// Spaces a line may break at and justification stretches (not the no-break space).
  static func isSpace(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "\u{2002}" || c == "\u{2003}" || c == "\u{2009}"
  }

  /// The indices of the soft hyphens inside words that already hold a hyphen: no second hyphen
  /// goes into a compound ("business-re-lated").
  static func hyphenatedWords(_ characters: [Unicode.Scalar]) -> Set<Int> {
    var out = Set<Int>()
    var hasHyphen = false
    var softs: [Int] = []
    for i in 0...characters.count {
      let c = i < characters.count ? characters[i] : " "
      if isSpace(c) || c == "\u{00A0}" {
        if hasHyphen { out.formUnion(softs) }
        hasHyphen = false
        softs.removeAll()
      } else if c == "-" || c == "\u{2010}" {
        hasHyphen = true
      } else if c == "\u{00AD}" {
        softs.append(i)
      }
    }
    return out
  }
}
