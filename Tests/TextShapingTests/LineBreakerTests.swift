import Testing

@testable import TextShaping

/// Knuth–Plass line breaking as pure code, over a fixed-advance fake: every character 1 pt wide
/// (soft hyphens none), a hyphen 1 pt, breaks after spaces, soft hyphens and hyphens; letters
/// fixed unless a test says otherwise.
@Suite struct LineBreakerTests {
  /// The fake's items for `text`.
  static func items(
    _ text: String, measure: Double, weights: BreakWeights = BreakWeights(letterSpacing: 0)
  )
    -> (ParagraphItems, [Unicode.Scalar])
  {
    let cs = Array(text.unicodeScalars)
    let breakBefore = (0...cs.count).map { i in
      i > 0 && i < cs.count && !ParagraphItems.isSpace(cs[i])
        && (ParagraphItems.isSpace(cs[i - 1]) || cs[i - 1] == "\u{AD}" || cs[i - 1] == "-")
    }
    let items = ParagraphItems(
      characters: cs, advances: cs.map { $0 == "\u{AD}" ? 0 : 1 }, breakBefore: breakBefore,
      graphemeStart: Array(repeating: true, count: cs.count + 1), hyphenWidth: { _ in 1 },
      measure: measure, weights: weights)
    return (items, cs)
  }

  /// The lines `text` breaks into: trailing spaces dropped, soft hyphens gone, "-" where a line
  /// breaks at one.
  static func lines(
    _ text: String, measure: Double, weights: BreakWeights = BreakWeights(letterSpacing: 0),
    rules: LineBreakRules? = nil
  ) -> [String] {
    let (items, cs) = items(text, measure: measure, weights: weights)
    let breaks = LineBreaker.breaks(items.items, rules: rules ?? LineBreakRules(measure: measure))
    var out: [String] = []
    var start = 0
    for b in breaks {
      let end = b == items.items.count ? cs.count : items.ends[b]
      var line = String(String.UnicodeScalarView(cs[start..<end]))
      if line.hasSuffix("\u{AD}") { line += "-" }
      line = line.replacingOccurrences(of: "\u{AD}", with: "")
      while line.hasSuffix(" ") { line.removeLast() }
      out.append(line)
      start = end
    }
    return out
  }

  @Test func aSmallParagraphBreaksWhereTheLeastDemeritsAre() {
    // Greedy filling sets "aaaaaaa bbbbb cc dd ee" (exactly 22), then "fffff ggggggg hhhhh" has
    // 3 pt to find in two spaces of 0.5 pt stretch each (ratio 3: past the tolerance). Total fit
    // moves "ee" down: both lines within it (the first at ratio 2, the second exact).
    let text = "aaaaaaa bbbbb cc dd ee fffff ggggggg hhhhh iiiii"
    #expect(
      Self.lines(text, measure: 22) == ["aaaaaaa bbbbb cc dd", "ee fffff ggggggg hhhhh", "iiiii"])
    // Spaces shrink (to 80 % at most): "aa bb cc dd ee ff" (17) fits 16.5, half shrunk, rather
    // than "aa bb cc dd ee" stretched by more than its spaces' stretch.
    #expect(Self.lines("aa bb cc dd ee ff gg", measure: 16.5) == ["aa bb cc dd ee ff", "gg"])
    #expect(Self.lines("aa bb cc dd ee ff gg", measure: 15.5) == ["aa bb cc dd ee", "ff gg"])
  }

  @Test func aVeryLooseLineNeverFollowsATightOne() {
    // Word lengths from a fixed generator: many paragraphs, every pair of lines checked.
    var seed: UInt64 = 7
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    var checked = 0
    for _ in 0..<200 {
      let words = (0..<(20 + next(30))).map { _ in String(repeating: "x", count: 1 + next(9)) }
      let text = words.joined(separator: " ")
      let measure = Double(18 + next(20))
      let (items, cs) = Self.items(text, measure: measure)
      let breaks = LineBreaker.breaks(items.items, rules: LineBreakRules(measure: measure))
      var start = 0
      var classes: [Int] = []
      var withinTolerance = true
      for b in breaks.dropLast() {
        let end = items.ends[b]
        let line = cs[start..<end].split(separator: " ", omittingEmptySubsequences: true)
        let natural = Double(line.reduce(0) { $0 + $1.count } + line.count - 1)
        let spaces = Double(line.count - 1)
        let ratio = LineBreaker.adjustment(
          natural: natural, stretch: spaces * 0.5, shrink: spaces * 0.2, final: false,
          rules: LineBreakRules(measure: measure))
        withinTolerance = withinTolerance && LineBreaker.badnessOf(ratio) <= 1_000
        classes.append(LineBreaker.fitnessClass(ratio))
        start = end
      }
      // Paragraphs the first pass could set (the rule gives way only where nothing else fits).
      guard withinTolerance else { continue }
      for (previous, fitness) in zip(classes, classes.dropFirst()) {
        #expect(!(previous == 0 && fitness == 3), "\(text) at \(measure)")
        checked += 1
      }
    }
    #expect(checked > 50)
  }

  @Test func theHyphenRunLimitHolds() {
    // Hyphenation points everywhere, and breaking at them wanted (a negative penalty): without a
    // limit the lines end in hyphens many times in a row.
    let word = "ab\u{AD}cd\u{AD}ef\u{AD}gh"
    let text = Array(repeating: word, count: 40).joined(separator: " ")
    let eager = BreakWeights(hyphenPenalty: -500)
    func longestRun(_ lines: [String]) -> Int {
      var run = 0
      var longest = 0
      for line in lines.dropLast() {
        run = line.hasSuffix("-") ? run + 1 : 0
        longest = max(longest, run)
      }
      return longest
    }
    let free = Self.lines(text, measure: 20, weights: eager)
    #expect(longestRun(free) > 2)
    let limited = Self.lines(
      text, measure: 20, weights: eager, rules: LineBreakRules(measure: 20, maxHyphenRun: 2))
    #expect(longestRun(limited) <= 2)
    #expect(limited.joined().replacingOccurrences(of: "-", with: "").count > 0)
  }

  @Test func aHundredThousandLetterParagraphFinishes() {
    var seed: UInt64 = 11
    var text = ""
    var letters = 0
    while letters < 100_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let n = 1 + Int((seed >> 33) % 11)
      text += String(repeating: "y", count: n) + " "
      letters += n
    }
    let lines = Self.lines(text, measure: 70)
    #expect(lines.count > 1_000)
    #expect(lines.allSatisfy { Double($0.count) <= 70 / 0.8 })
    #expect(lines.joined().filter { $0 == "y" }.count == letters)
  }

  @Test func anUnbreakableTokenWiderThanTheMeasureStillBreaks() {
    let token = String(repeating: "z", count: 45)
    let lines = Self.lines("aa " + token + " bb", measure: 10)
    #expect(lines.allSatisfy { $0.count <= 10 })
    #expect(lines.joined().filter { $0 == "z" }.count == 45)
    #expect(lines.count >= 5)
  }

  @Test func aCompoundGetsNoSecondHyphen() {
    // "business-related" may break at its hyphen, never inside "related".
    let text = "aa business-re\u{AD}lat\u{AD}ed bb business-re\u{AD}lat\u{AD}ed"
    for measure in stride(from: 9.0, through: 20, by: 1) {
      let lines = Self.lines(
        text, measure: measure, rules: LineBreakRules(measure: measure, ragged: true))
      #expect(!lines.contains { $0.hasSuffix("re-") || $0.hasSuffix("lat-") }, "\(lines)")
    }
  }

  @Test func raggedLinesEvenOutTheirGaps() {
    // Greedy: "aaa bbb cc" (gap 0), "dddd" (gap 6), "eeeeeeeee" (gap 1), "f": squared gaps 37.
    // The least squared gaps: 3, 3 and 1 (19).
    let text = "aaa bbb cc dddd eeeeeeeee f"
    let rules = LineBreakRules(measure: 10, ragged: true, raggedGap: 10)
    #expect(
      Self.lines(text, measure: 10, rules: rules) == ["aaa bbb", "cc dddd", "eeeeeeeee", "f"])
  }
}
