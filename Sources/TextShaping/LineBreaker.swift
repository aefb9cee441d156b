/// One element of a paragraph as the line breaker sees it (Knuth and Plass's boxes, glue and
/// penalties).
struct LineItem: Hashable, Sendable {
  /// What the item is.
  enum Kind: Hashable, Sendable {
    /// Text that is never broken (its letters may spread or close up a little).
    case box
    /// A space: a break opportunity; stretches and shrinks in justified lines.
    case glue
    /// A break opportunity of a given cost; its width counts only when the line breaks there (a
    /// hyphen).
    case penalty
  }

  var kind: Kind
  var width: Double
  var stretch = 0.0
  var shrink = 0.0
  /// The cost of breaking at a penalty (``LineItem/forbidden`` and more: never; negative: wanted).
  var cost = 0.0
  /// A hyphenated break: consecutive ones cost more, and their run has a limit.
  var flagged = false

  /// A penalty that high forbids the break.
  static let forbidden = 10_000.0

  static func box(_ width: Double, stretch: Double = 0, shrink: Double = 0) -> LineItem {
    LineItem(kind: .box, width: width, stretch: stretch, shrink: shrink)
  }
  static func glue(_ width: Double, stretch: Double, shrink: Double) -> LineItem {
    LineItem(kind: .glue, width: width, stretch: stretch, shrink: shrink)
  }
  static func penalty(_ width: Double, cost: Double, flagged: Bool) -> LineItem {
    LineItem(kind: .penalty, width: width, cost: cost, flagged: flagged)
  }
}

/// How the line breaker weighs a paragraph's breaks.
struct LineBreakRules: Hashable, Sendable {
  /// The line width.
  var measure: Double
  /// Ragged right: no glue stretches or shrinks, and a line's cost is its squared gap at the right
  /// edge (`raggedGap` is the gap that costs as much as a justified line stretched fully).
  var ragged = false
  var raggedGap = 30.0
  /// Most consecutive lines ending in a flagged break (0: no limit).
  ///
  /// A hard limit wherever the paragraph can meet it.
  var maxHyphenRun = 0
  /// Lines more (positive) or fewer (negative) than the best paragraph, when a feasible one exists.
  var looseness = 0
  /// Added to every line's badness before squaring (TeX's `\linepenalty`).
  var linePenalty = 10.0
  /// For consecutive flagged breaks.
  var doubleHyphenDemerits = 10_000.0
  /// For a flagged break ending the last full line.
  var finalHyphenDemerits = 5_000.0
  /// For a line whose fitness class is two or more from the previous line's (loose after tight).
  var adjacentDemerits = 10_000.0
  /// The worst badness the first pass accepts (a stretch ratio of about 2.15).
  var tolerance = 1_000.0
}

/// Knuth–Plass total-fit line breaking: the breaks of a whole paragraph chosen together, for the
/// least sum of demerits.
///
/// Pure code over ``LineItem``s. Active nodes are pruned as lines from them become overfull, so the
/// work is linear in the paragraph for a given measure. A first pass keeps lines within the
/// tolerance and never sets a very loose line after a tight one; if no paragraph fits, a second accepts
/// any stretch and, where nothing fits at all (a box wider than the measure), an overfull line; a
/// third, if even that fails, lets the hyphen run grow past its limit.
enum LineBreaker {
  /// The indices of the items the lines break at, in order; the last is `items.count` (the end).
  ///
  /// A break at glue leaves the glue out of both lines; at a penalty, the penalty's width ends the
  /// line. Discardable items (glue, penalties) after a break start no line.
  static func breaks(_ items: [LineItem], rules: LineBreakRules) -> [Int] {
    if items.isEmpty { return [0] }
    if let found = run(items, rules: rules, emergency: false, limitHyphens: true) { return found }
    if let found = run(items, rules: rules, emergency: true, limitHyphens: true) { return found }
    return run(items, rules: rules, emergency: true, limitHyphens: false) ?? [items.count]
  }

  /// A chosen break and the way to it.
  private struct Node {
    var index: Int
    /// Index of the first item of the line after this break.
    var start: Int
    var fitness: Int
    var hyphenRun: Int
    var line: Int
    var total: Double
    var flagged: Bool
    /// Index into `nodes` of the previous break (-1 for the paragraph's start).
    var previous: Int
  }

  private struct Key: Hashable {
    var fitness: Int
    var hyphenRun: Int
    var line: Int
  }

  private static func run(
    _ items: [LineItem], rules: LineBreakRules, emergency: Bool, limitHyphens: Bool
  ) -> [Int]? {
    let n = items.count
    var sumW = [Double](repeating: 0, count: n + 1)
    var sumY = sumW
    var sumZ = sumW
    for (i, item) in items.enumerated() {
      let counts = item.kind != .penalty
      sumW[i + 1] = sumW[i] + (counts ? item.width : 0)
      sumY[i + 1] = sumY[i] + (counts ? item.stretch : 0)
      sumZ[i + 1] = sumZ[i] + (counts ? item.shrink : 0)
    }
    var nodes = [
      Node(
        index: -1, start: firstBox(items, from: 0), fitness: 1, hyphenRun: 0, line: 0, total: 0,
        flagged: false, previous: -1)
    ]
    var active = [0]
    var lastDeactivated: Int?
    for b in 0...n where isBreak(items, at: b) {
      let final = b == n
      let item = final ? nil : items[b]
      let isPenalty = item?.kind == .penalty
      let extra = isPenalty ? item?.width ?? 0 : 0
      let cost = isPenalty ? item?.cost ?? 0 : 0
      let flagged = item?.flagged ?? false
      // The best node for each key, in a short list (a few fitness classes and hyphen runs).
      var best: [(key: Key, node: Node)] = []
      var kept: [Int] = []
      kept.reserveCapacity(active.count)
      for a in active {
        let from = nodes[a]
        let natural = sumW[b] - sumW[from.start] + extra
        let ratio = adjustment(
          natural: natural, stretch: sumY[b] - sumY[from.start],
          shrink: sumZ[b] - sumZ[from.start], final: final, rules: rules)
        if ratio < -1 {
          lastDeactivated = a
        } else {
          kept.append(a)
        }
        let badness = rules.ragged ? min(10_000, 100 * ratio * ratio) : badnessOf(ratio)
        guard ratio >= -1, emergency || badness <= rules.tolerance else { continue }
        let run = flagged ? from.hyphenRun + 1 : 0
        if limitHyphens, rules.maxHyphenRun > 0, run > rules.maxHyphenRun { continue }
        let fitness = rules.ragged ? 1 : fitnessClass(ratio)
        // A very loose line (spaces past their stretch) after a tight one (shrunk by more than
        // half) is never chosen while anything else fits.
        if !emergency, from.fitness == 0, fitness >= 3 { continue }
        var demerits = demeritsOf(badness: badness, cost: cost, rules: rules)
        if flagged, from.flagged { demerits += rules.doubleHyphenDemerits }
        if final, from.flagged { demerits += rules.finalHyphenDemerits }
        if abs(fitness - from.fitness) > 1 { demerits += rules.adjacentDemerits }
        let key = Key(
          fitness: fitness, hyphenRun: min(run, max(rules.maxHyphenRun, 0)),
          line: rules.looseness == 0 ? 0 : from.line + 1)
        let total = from.total + demerits
        let seen = best.firstIndex { $0.key == key }
        if let seen, best[seen].node.total <= total { continue }
        let node = Node(
          index: b, start: final ? n : firstBox(items, from: b + 1),
          fitness: fitness, hyphenRun: run, line: from.line + 1, total: total, flagged: flagged,
          previous: a)
        if let seen { best[seen] = (key, node) } else { best.append((key, node)) }
      }
      active = kept
      // Nothing fits: in the last passes, an overfull line from the last node that had to go (the
      // hyphen run still counted).
      if emergency, best.isEmpty, active.isEmpty, let a = lastDeactivated {
        let from = nodes[a]
        let run = flagged ? from.hyphenRun + 1 : 0
        if !limitHyphens || rules.maxHyphenRun == 0 || run <= rules.maxHyphenRun {
          let line = rules.looseness == 0 ? 0 : from.line + 1
          let key = Key(fitness: 1, hyphenRun: min(run, rules.maxHyphenRun), line: line)
          let node = Node(
            index: b, start: final ? n : firstBox(items, from: b + 1), fitness: 1, hyphenRun: run,
            line: from.line + 1, total: from.total + 1e9, flagged: flagged, previous: a)
          best.append((key, node))
        }
      }
      for (_, node) in best.sorted(by: { keyOrder($0.key, $1.key) }) {
        nodes.append(node)
        active.append(nodes.count - 1)
      }
      if cost <= -LineItem.forbidden { active.removeAll { nodes[$0].index != b } }
      if active.isEmpty { return nil }
    }
    let finals = active.filter { nodes[$0].index == n }
    guard let chosen = choose(finals, nodes: nodes, looseness: rules.looseness) else { return nil }
    var out: [Int] = []
    var k = chosen
    while k > 0 {
      out.append(nodes[k].index)
      k = nodes[k].previous
    }
    return out.reversed()
  }

  /// The final node with the least demerits, or with the line count nearest the best one's plus
  /// `looseness`.
  private static func choose(_ finals: [Int], nodes: [Node], looseness: Int) -> Int? {
    let byDemerits = finals.min { nodes[$0].total < nodes[$1].total }
    guard looseness != 0, let best = byDemerits else { return byDemerits }
    let wanted = nodes[best].line + looseness
    return finals.min {
      let (d0, d1) = (abs(nodes[$0].line - wanted), abs(nodes[$1].line - wanted))
      return d0 != d1 ? d0 < d1 : nodes[$0].total < nodes[$1].total
    }
  }

  /// A fixed order for the nodes made at one break (output must not depend on hashing).
  private static func keyOrder(_ a: Key, _ b: Key) -> Bool {
    (a.line, a.fitness, a.hyphenRun) < (b.line, b.fitness, b.hyphenRun)
  }

  /// Whether the paragraph may break at `b` (`items.count`: the end).
  private static func isBreak(_ items: [LineItem], at b: Int) -> Bool {
    if b == items.count { return true }
    switch items[b].kind {
    case .box: return false
    case .penalty: return items[b].cost < LineItem.forbidden
    case .glue: return b > 0 && items[b - 1].kind == .box
    }
  }

  /// The first item at or after `index` that is not discarded at a line's start.
  private static func firstBox(_ items: [LineItem], from index: Int) -> Int {
    var i = index
    while i < items.count, items[i].kind != .box { i += 1 }
    return i
  }

  /// How far the line's glue must stretch (positive) or shrink (negative), as a fraction of what it
  /// can.
  ///
  /// Below -1 the line is overfull. The last line has infinite stretch.
  static func adjustment(
    natural: Double, stretch: Double, shrink: Double, final: Bool, rules: LineBreakRules
  ) -> Double {
    let gap = rules.measure - natural
    if rules.ragged {
      if gap < -1e-9 { return -.infinity }
      return final ? 0 : gap / rules.raggedGap
    }
    if gap >= 0 {
      if final { return 0 }
      return stretch > 0 ? gap / stretch : (gap < 1e-9 ? 0 : .infinity)
    }
    if gap > -1e-9 { return 0 }
    return shrink > 0 ? gap / shrink : -.infinity
  }

  /// TeX's badness: 100 |r|³, at most 10 000.
  static func badnessOf(_ ratio: Double) -> Double {
    let r = abs(ratio)
    return r > 4.64 ? 10_000 : min(10_000, 100 * r * r * r)
  }

  /// Tight, decent, loose, very loose.
  static func fitnessClass(_ ratio: Double) -> Int {
    ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
  }

  private static func demeritsOf(badness: Double, cost: Double, rules: LineBreakRules) -> Double {
    let base = (rules.linePenalty + badness) * (rules.linePenalty + badness)
    if cost >= 0 { return base + cost * cost }
    if cost > -LineItem.forbidden { return base - cost * cost }
    return base
  }
}
