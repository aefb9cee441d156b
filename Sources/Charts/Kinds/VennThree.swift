import Frames
import Geometry
import ReportModel
import TextShaping

/// The overlap of three roles: three equal circles, centres on an equilateral triangle (the first
/// role top left, the second top right, the third below), each role's traits in its own area, the
/// shared traits in the middle where all three meet.
///
/// The content names no traits shared by two roles only, so the three pairwise areas are drawn and
/// left empty. Each stack of words (header, then items) is placed by search: the nearest vertical
/// position to the area's middle at which every block, centred on one line if one fits them all
/// (else each as near that line as it can), lies inside its own circles and clear of the others by
/// the margins. The circles' size and overlap are searched as for two roles: the smallest that
/// holds every label, the cheapest by bounding box wins; smaller type only when nothing fits.
enum VennThree {
  static let inset = VennChart.inset
  static let padX = VennChart.padX
  static let padY = VennChart.padY
  /// Centre distance over radius.
  static let overlaps = [0.75, 0.9, 1.0, 1.1, 1.2]
  /// The fractions of an area's width at its middle that labels are wrapped to, widest first.
  static let wraps = [1.0, 0.8, 0.62]

  typealias RegionContent = VennDrawing.RegionContent

  struct Fit {
    var r: Double
    var s: Double
    /// Each worded region's blocks and rectangles, centred on the triangle's centroid.
    var placements: [VennDrawing.Placement]
  }

  static func part(
    spec: ChartSpec, roles: [Role], overlap: OverlapTraits, shared: [String], width: Double,
    setter: TextSetter
  ) throws -> PlotPart {
    let theme = setter.theme
    let distinct = roles.map {
      overlap.traits(of: $0.id).map(\.trimmingSpaces).filter { !$0.isEmpty }
    }
    guard !(distinct.allSatisfy(\.isEmpty) && shared.isEmpty) else {
      throw ChartError.noData(
        chart: spec.id, detail: "no traits for any role and no shared ones")
    }
    let words = setter.theme.words
    func count(_ key: Words.Key, _ n: Int) -> String { words.fill(key, ["count": String(n)]) }
    let worded =
      roles.indices.map { i in
        RegionContent(
          kind: .only(i), title: roles[i].shortName, count: count(.onlyCount, distinct[i].count),
          items: distinct[i])
      } + [
        RegionContent(
          kind: .all(3), title: words[.all], count: count(.sharedCount, shared.count),
          items: shared)
      ]

    var fit: Fit?
    for scale in [1.0, 0.9, 0.8, 0.7] {
      let size = max(theme.labelSize * scale, min(6, theme.labelSize))
      if let found = search(worded, width: width, labelSize: size, setter: setter) {
        fit = found
        break
      }
    }
    guard let fit else {
      throw ChartError.doesNotFit(
        chart: spec.id, width: width,
        detail: "the traits do not fit in the overlap diagram at this width")
    }

    // The circles' top at y 0, the triangle centred across the width.
    let offset = Point(x: width / 2, y: fit.s * 3.0.squareRoot() / 6 + fit.r)
    let boxes = centres(s: fit.s).map {
      Rect(
        x: $0.x + offset.x - fit.r, y: $0.y + offset.y - fit.r, width: 2 * fit.r,
        height: 2 * fit.r)
    }
    var canvas = VennDrawing.canvas(sets: boxes, theme: theme)
    var regions = VennDrawing.write(worded, fit.placements, offset: offset, on: &canvas)
    // The pairwise areas: drawn by the circles, with nothing in them.
    let pairs = [[0, 1], [0, 2], [1, 2]].map {
      VennMarks.Region(
        kind: VennRegion($0), count: 0, header: [], headerRect: nil, items: [], itemRects: [])
    }
    regions.insert(contentsOf: pairs, at: 3)
    let marks = VennMarks(sets: boxes, regions: regions)
    return PlotPart(canvas: canvas, legend: [], marks: .venn(marks))
  }

  /// The circles' centres for centre distance `s`, around the triangle's centroid: top left, top
  /// right, bottom.
  static func centres(s: Double) -> [Point] {
    let h = s * 3.0.squareRoot() / 6
    return [Point(x: -s / 2, y: -h), Point(x: s / 2, y: -h), Point(x: 0, y: 2 * h)]
  }

  // MARK: Fitting

  /// The cheapest fit (by bounding box) over the overlaps tried, labels at `labelSize`; nil when
  /// none fits in `width`.
  static func search(
    _ contents: [RegionContent], width: Double, labelSize: Double, setter: TextSetter
  ) -> Fit? {
    var best: (cost: Double, fit: Fit)?
    for alpha in overlaps {
      func attempt(_ r: Double) -> Fit? {
        VennThree.attempt(r: r, s: r * alpha, contents, labelSize: labelSize, setter: setter)
      }
      let rMax = (width - 2 * inset - 2) / (2 + alpha)
      guard rMax > 10, let found = VennChart.smallestFit(largest: rMax, size: \.r, attempt)
      else { continue }
      let cost = (2 * found.r + found.s) * (2 * found.r + found.s * 3.0.squareRoot() / 2)
      if best.map({ cost < $0.cost }) ?? true { best = (cost, found) }
    }
    return best?.fit
  }

  /// Every worded region's stack placed for circles of radius `r`, centres `s` apart; nil when
  /// some stack does not fit.
  static func attempt(
    r: Double, s: Double, _ contents: [RegionContent], labelSize: Double, setter: TextSetter
  ) -> Fit? {
    let circles = Circles(r: r, centres: centres(s: s))
    let theme = setter.theme
    let titleFont = setter.font(labelSize, bold: true)
    let font = setter.font(labelSize)
    var placements: [VennDrawing.Placement] = []
    for content in contents {
      guard let anchor = circles.anchor(content.kind) else { return nil }
      // The area's width through its middle.
      let middle = circles.centres(content.kind, width: 0, y0: anchor.y, y1: anchor.y)
      guard let span = middle.first(where: { $0.lo <= anchor.x && anchor.x <= $0.hi }) else {
        return nil
      }
      var placed: VennDrawing.Placement?
      for fraction in wraps {
        let wrap = (span.hi - span.lo) * fraction - 2
        guard wrap >= 24 else { break }
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
        if let rects = circles.place(blocks, gaps: gaps, in: content.kind, near: anchor) {
          placed = VennDrawing.Placement(blocks: blocks, rects: rects)
          break
        }
      }
      guard let placed else { return nil }
      placements.append(placed)
    }
    return Fit(r: r, s: s, placements: placements)
  }

  /// Three circles of radius `r` and where text may go in their areas.
  struct Circles {
    var r: Double
    var centres: [Point]

    /// The x of a block's centre at which a block `width` wide spanning y `y0`…`y1` lies inside
    /// every circle of `region` and clear of the others, by the margins: a sorted list of closed
    /// intervals.
    func centres(_ region: VennRegion, width: Double, y0: Double, y1: Double) -> [Interval] {
      let top = y0 - padY
      let bottom = y1 + padY
      var allowed = [Interval(lo: -.infinity, hi: .infinity)]
      for (i, c) in centres.enumerated() {
        if region.roles.contains(i) {
          // Inside: the corners farthest from the centre are inside the circle.
          let dy = max(abs(top - c.y), abs(bottom - c.y))
          guard dy < r else { return [] }
          let hw = (r * r - dy * dy).squareRoot() - padX - width / 2
          guard hw >= 0 else { return [] }
          allowed = allowed.compactMap { $0.clamped(lo: c.x - hw, hi: c.x + hw) }
        } else {
          // Outside: the nearest point of the block, margins included, is out of the circle.
          let dy = max(0, top - c.y, c.y - bottom)
          guard dy < r else { continue }
          let hw = (r * r - dy * dy).squareRoot() + padX + width / 2
          allowed = allowed.flatMap { $0.removing(lo: c.x - hw, hi: c.x + hw) }
        }
        if allowed.isEmpty { return [] }
      }
      return allowed
    }

    /// The middle of a region: the midpoint of the longest run of the ray from the centroid
    /// through the region's circles' mean centre (straight down the middle for the centre area)
    /// that lies in the region; nil when the ray misses it.
    func anchor(_ region: VennRegion) -> Point? {
      let members = region.roles.map { centres[$0] }
      guard !members.isEmpty else { return nil }
      let mx = members.map(\.x).reduce(0, +) / Double(members.count)
      let my = members.map(\.y).reduce(0, +) / Double(members.count)
      let length = (mx * mx + my * my).squareRoot()
      if length < 1e-9 { return Point(x: 0, y: 0) }
      let (ux, uy) = (mx / length, my / length)
      let step = max(0.25, r / 200)
      var best: (start: Double, end: Double)?
      var run: Double?
      var t = 0.0
      let limit = length + r
      while t <= limit + step {
        let p = Point(x: t * ux, y: t * uy)
        let inside = t <= limit && contains(region, p)
        if inside, run == nil { run = t }
        if !inside, let start = run {
          if best.map({ t - start > $0.end - $0.start }) ?? true { best = (start, t) }
          run = nil
        }
        t += step
      }
      guard let best else { return nil }
      let mid = (best.start + best.end) / 2
      return Point(x: mid * ux, y: mid * uy)
    }

    /// Whether `p` is inside exactly the circles of `region`.
    func contains(_ region: VennRegion, _ p: Point) -> Bool {
      centres.enumerated().allSatisfy { i, c in
        let inside = (p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y) < r * r
        return inside == region.roles.contains(i)
      }
    }

    /// The blocks stacked with `gaps` above each, the stack's middle as near `near.y` as allows,
    /// every block centred on one vertical line when one fits them all (the one nearest `near.x`),
    /// else each at the centre nearest `near.x` it accepts; nil when no height fits.
    func place(_ blocks: [TextBlock], gaps: [Double], in region: VennRegion, near: Point)
      -> [Rect]?
    {
      let height = zip(blocks, gaps).reduce(0) { $0 + $1.0.height + $1.1 }
      let step = max(1, r / 40)
      let reach = Int((2 * r / step).rounded(.up))
      var loose: [Rect]?
      for k in 0...(2 * reach) {
        // 0, +1, −1, +2, −2, … steps from the middle.
        let shift = Double((k + 1) / 2) * (k % 2 == 0 ? -step : step)
        var y = near.y + shift - height / 2
        var spans: [(y: Double, intervals: [Interval])] = []
        for (block, gap) in zip(blocks, gaps) {
          y += gap
          let intervals = centres(region, width: block.width, y0: y, y1: y + block.height)
          if intervals.isEmpty { break }
          spans.append((y, intervals))
          y += block.height
        }
        guard spans.count == blocks.count else { continue }
        // One common centre line.
        var common = spans[0].intervals
        for span in spans.dropFirst() {
          common = common.flatMap { a in
            span.intervals.compactMap { a.clamped(lo: $0.lo, hi: $0.hi) }
          }
        }
        func rects(_ centre: (Int) -> Double) -> [Rect] {
          zip(blocks, spans).enumerated().map { i, pair in
            Rect(
              x: centre(i) - pair.0.width / 2, y: pair.1.y, width: pair.0.width,
              height: pair.0.height)
          }
        }
        if let x = Interval.nearest(near.x, in: common) { return rects { _ in x } }
        if loose == nil {
          loose = rects { i in Interval.nearest(near.x, in: spans[i].intervals) ?? near.x }
        }
      }
      return loose
    }
  }

  /// A closed interval of x.
  struct Interval {
    var lo: Double
    var hi: Double

    /// The part within `lo`…`hi`; nil when there is none.
    func clamped(lo: Double, hi: Double) -> Interval? {
      let l = max(self.lo, lo)
      let h = min(self.hi, hi)
      return l <= h ? Interval(lo: l, hi: h) : nil
    }

    /// What is left outside the open interval `lo`…`hi`.
    func removing(lo: Double, hi: Double) -> [Interval] {
      var out: [Interval] = []
      if self.lo <= lo { out.append(Interval(lo: self.lo, hi: min(self.hi, lo))) }
      if self.hi >= hi { out.append(Interval(lo: max(self.lo, hi), hi: self.hi)) }
      return out
    }

    /// The point of `intervals` nearest `x`; nil when there are none.
    static func nearest(_ x: Double, in intervals: [Interval]) -> Double? {
      intervals.map { min(max(x, $0.lo), $0.hi) }.min { abs($0 - x) < abs($1 - x) }
    }
  }
}
