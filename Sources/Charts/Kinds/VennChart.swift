import Frames
import Geometry
import ReportModel
import TextShaping

/// The overlap of two roles: two ellipses, each role's traits in its crescent, shared in the lens.
///
/// The first role's crescent is on the left, the second's on the right; three roles are drawn by
/// ``VennThree``. The shared traits are the labels of the labelled list in section
/// `overlap.sharedSection`, and each region's header counts its items, so no number is typed. The
/// ellipses are sized by search: over a few shapes (circles, then taller ellipses) and overlaps,
/// the smallest size at which every label, stacked in its region, lies inside that region with a
/// margin; the cheapest (by area, circles favoured) wins. A tidier arrangement — the three headers
/// on one line, each region's labels on one centre line — is taken when it needs at most 45% more
/// area; smaller type is tried only when nothing fits.
enum VennChart {
  static let inset = 2.0
  /// Horizontal and vertical margins between text and the outlines.
  static let padX = 6.0
  static let padY = 3.0
  static let aspects = [1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.4]
  static let overlaps = [0.8, 1.0, 1.2]

  typealias RegionContent = VennDrawing.RegionContent
  typealias Placement = VennDrawing.Placement

  struct Fit {
    var a: Double, b: Double, d: Double
    var regions: [Placement]
  }

  static func part(spec: ChartSpec, content: Comparison, width: Double, setter: TextSetter) throws
    -> PlotPart
  {
    let theme = setter.theme
    let roles = try ChartError.roles(of: content, for: spec)
    guard let overlap = content.charts.overlap else {
      throw ChartError.noData(chart: spec.id, detail: "the content gives no overlap traits")
    }
    guard let section = content.section(id: overlap.sharedSection) else {
      throw ChartError.missingSection(chart: spec.id, section: overlap.sharedSection)
    }
    let shared = sharedTraits(in: section)
    if roles.count == 3 {
      return try VennThree.part(
        spec: spec, roles: roles, overlap: overlap, shared: shared, width: width, setter: setter)
    }
    let left = overlap.traits(of: roles[0].id).map(\.trimmingSpaces).filter { !$0.isEmpty }
    let right = overlap.traits(of: roles[1].id).map(\.trimmingSpaces).filter { !$0.isEmpty }
    guard !(left.isEmpty && right.isEmpty && shared.isEmpty) else {
      throw ChartError.noData(
        chart: spec.id, detail: "no traits for either role and no shared ones")
    }
    let words = theme.words
    func count(_ key: Words.Key, _ n: Int) -> String { words.fill(key, ["count": String(n)]) }
    let contents = [
      RegionContent(
        kind: .only(0), title: roles[0].shortName, count: count(.onlyCount, left.count),
        items: left),
      RegionContent(
        kind: .all(2), title: words[.both], count: count(.sharedCount, shared.count),
        items: shared),
      RegionContent(
        kind: .only(1), title: roles[1].shortName, count: count(.onlyCount, right.count),
        items: right),
    ]

    // The most compact shape that holds every label; smaller type only when nothing else fits.
    var fit: Fit?
    search: for scale in [1.0, 0.9, 0.8, 0.7] {
      let size = max(theme.labelSize * scale, min(6, theme.labelSize))
      // Prefer headers on one line and each region's labels on one centre line, unless that
      // costs much more room than stacks centred label by label (the most compact arrangement).
      func search(_ alignHeaders: Bool, _ columnar: Bool) -> (cost: Double, fit: Fit)? {
        VennChart.search(
          contents, width: width, labelSize: size,
          arrangement: Arrangement(alignHeaders: alignHeaders, columnar: columnar), setter: setter)
      }
      guard let loose = search(false, false) else { continue search }
      fit = loose.fit
      for (alignHeaders, columnar) in [(true, true), (false, true), (true, false)] {
        if let found = search(alignHeaders, columnar), found.cost <= loose.cost * 1.45 {
          fit = found.fit
          break
        }
      }
      break search
    }
    guard let fit else {
      throw ChartError.doesNotFit(
        chart: spec.id, width: width,
        detail: "the traits do not fit in the overlap diagram at this width")
    }

    // Draw: fills, then outlines (so neither fill hides the other outline), then words.
    let cx = width / 2
    let offset = Point(x: cx, y: fit.b)
    let leftBox = Rect(x: cx - fit.d / 2 - fit.a, y: 0, width: 2 * fit.a, height: 2 * fit.b)
    let rightBox = Rect(x: cx + fit.d / 2 - fit.a, y: 0, width: 2 * fit.a, height: 2 * fit.b)
    var canvas = VennDrawing.canvas(sets: [leftBox, rightBox], theme: theme)
    let regions = VennDrawing.write(contents, fit.regions, offset: offset, on: &canvas)
    let marks = VennMarks(sets: [leftBox, rightBox], regions: regions)
    return PlotPart(canvas: canvas, legend: [], marks: .venn(marks))
  }

  /// The labels of the labelled lists in `section` (its own blocks, not its subsections').
  static func sharedTraits(in section: Section) -> [String] {
    section.blocks.flatMap { block -> [String] in
      if case .labelledList(let items) = block {
        return items.map(\.label.trimmingSpaces).filter { !$0.isEmpty }
      }
      return []
    }
  }

  // MARK: Fitting

  /// The three areas of a two-set diagram.
  enum Side { case left, shared, right }

  /// The side of a two-set diagram's region.
  static func side(_ region: VennRegion) -> Side {
    region.roles.count > 1 ? .shared : region.roles.first == 0 ? .left : .right
  }

  /// How a region's words are stacked.
  struct Arrangement {
    /// The three stacks start on one line (the tallest one's, centred), so the headers align.
    var alignHeaders: Bool
    /// Every label of a region is centred on one vertical line.
    var columnar: Bool
  }

  /// The most compact fit over the shapes and overlaps tried, labels set at `labelSize`; nil when
  /// none fits in `width`.
  static func search(
    _ contents: [RegionContent], width: Double, labelSize: Double, arrangement: Arrangement,
    setter: TextSetter
  ) -> (cost: Double, fit: Fit)? {
    var best: (cost: Double, fit: Fit)?
    for aspect in aspects {
      for alpha in overlaps {
        func attempt(_ a: Double) -> Fit? {
          VennChart.attempt(
            a: a, aspect: aspect, alpha: alpha, contents, labelSize: labelSize,
            arrangement: arrangement, setter)
        }
        let aMax = (width - 2 * inset - 2) / (2 + alpha)
        // The cost grows with a²: a shape that does not fit at the size where it would cost
        // as much as the best so far cannot beat it (fitting only gets easier as a grows).
        let weight = (2 + alpha) * 2 * aspect * (1 + 0.3 * (aspect - 1))
        if let best, best.cost / weight < aMax * aMax,
          attempt((best.cost / weight).squareRoot()) == nil
        {
          continue
        }
        guard let found = smallestFit(largest: aMax, size: \.a, attempt) else { continue }
        let cost = (2 * found.a + found.d) * 2 * found.b * (1 + 0.3 * (aspect - 1))
        if best.map({ cost < $0.cost }) ?? true { best = (cost, found) }
      }
    }
    return best
  }

  /// The smallest size from 10 up to `largest` at which `attempt` fits (bisected ten times),
  /// then 6 % larger when that still fits (a little air); nil when it does not fit at `largest`.
  static func smallestFit<Fitted>(
    largest: Double, size: (Fitted) -> Double, _ attempt: (Double) -> Fitted?
  ) -> Fitted? {
    guard var found = attempt(largest) else { return nil }
    var lo = 10.0
    var hi = largest
    for _ in 0..<10 {
      let mid = (lo + hi) / 2
      if let f = attempt(mid) {
        hi = mid
        found = f
      } else {
        lo = mid
      }
    }
    if let roomier = attempt(min(largest, size(found) * 1.06)) { found = roomier }
    return found
  }

  /// Every region's labels placed for ellipses of semi-axes `a` × `a·aspect`, centres `a·alpha`
  /// apart; nil when some label does not fit.
  static func attempt(
    a: Double, aspect: Double, alpha: Double, _ contents: [RegionContent],
    labelSize: Double, arrangement: Arrangement, _ setter: TextSetter
  ) -> Fit? {
    let b = a * aspect
    let d = a * alpha
    let crescentWrap = d - 2 * padX - 2
    let lensWrap = 2 * a - d - 2 * padX - 2
    guard crescentWrap >= 24, lensWrap >= 24 else { return nil }
    let theme = setter.theme
    let titleFont = setter.font(labelSize, bold: true)
    let font = setter.font(labelSize)
    var stacks: [(blocks: [TextBlock], gaps: [Double])] = []
    for content in contents {
      let wrap = content.kind == .all(2) ? lensWrap : crescentWrap
      var blocks = [
        setter.block(
          content.title, font: titleFont, color: theme.text, maxWidth: wrap, alignment: .center),
        setter.block(
          content.count, font: font, color: theme.muted, maxWidth: wrap, alignment: .center),
      ]
      blocks += content.items.map {
        setter.block(
          $0, font: font, color: theme.text, maxWidth: wrap, alignment: .center, leading: 1.15)
      }
      let gaps = blocks.indices.map { $0 == 0 || $0 == 1 ? 0.0 : $0 == 2 ? 5.0 : 3.0 }
      stacks.append((blocks, gaps))
    }
    let heights = stacks.map { zip($0.blocks, $0.gaps).reduce(0) { $0 + $1.0.height + $1.1 } }
    let tallest = heights.max() ?? 0
    var placements: [Placement] = []
    for (i, content) in contents.enumerated() {
      let top = arrangement.alignHeaders ? -tallest / 2 : -heights[i] / 2
      guard
        let rects = place(
          stacks[i].blocks, gaps: stacks[i].gaps, top: top, region: side(content.kind),
          a: a, b: b, d: d, columnar: arrangement.columnar)
      else { return nil }
      placements.append(Placement(blocks: stacks[i].blocks, rects: rects))
    }
    return Fit(a: a, b: b, d: d, regions: placements)
  }

  /// Stacks `blocks` down from `top` on one common centre line when one fits every block (the one
  /// nearest the region's middle; with `columnar`, nil when there is none), else each centred in
  /// the widest interval its region offers over the block's height; nil when a block is too wide
  /// for its interval.
  ///
  /// The ellipses' centres are at x = ∓d/2, y = 0.
  static func place(
    _ blocks: [TextBlock], gaps: [Double], top: Double, region: Side, a: Double,
    b: Double, d: Double, columnar: Bool
  ) -> [Rect]? {
    let cxL = -d / 2
    let cxR = d / 2
    var y = top
    var slots: [(lo: Double, hi: Double, y: Double)] = []
    for (block, gap) in zip(blocks, gaps) {
      y += gap
      let y0 = y
      let y1 = y + block.height
      let tmax = max(abs(y0), abs(y1)) + padY
      let tmin = (y0 <= 0 && y1 >= 0) ? 0 : max(0, min(abs(y0), abs(y1)) - padY)
      let outer = ChartGeometry.ellipseHalfWidth(a: a, b: b, atOffset: tmax)
      let inner = ChartGeometry.ellipseHalfWidth(a: a, b: b, atOffset: tmin)
      guard outer > 0 else { return nil }
      let lo: Double
      let hi: Double
      switch region {
      case .left:
        lo = cxL - outer + padX
        hi = min(cxR - inner - padX, cxL + outer - padX)
      case .shared:
        lo = cxR - outer + padX
        hi = cxL + outer - padX
      case .right:
        lo = max(cxL + inner + padX, cxR - outer + padX)
        hi = cxR + outer - padX
      }
      guard hi - lo >= block.width else { return nil }
      slots.append((lo, hi, y0))
      y = y1
    }
    // The centres every block accepts, and the one nearest the middle of the region's widest part.
    let commonLo = zip(blocks, slots).map { $1.lo + $0.width / 2 }.max() ?? 0
    let commonHi = zip(blocks, slots).map { $1.hi - $0.width / 2 }.min() ?? 0
    let middle: Double =
      switch region {
      case .left: -a
      case .shared: 0
      case .right: a
      }
    let common: Double? = commonLo <= commonHi ? min(max(middle, commonLo), commonHi) : nil
    if columnar, common == nil { return nil }
    return zip(blocks, slots).map { block, slot in
      let c = common ?? (slot.lo + slot.hi) / 2
      return Rect(x: c - block.width / 2, y: slot.y, width: block.width, height: block.height)
    }
  }
}
