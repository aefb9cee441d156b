import Frames
import Geometry
import TextShaping

/// Shaped lines that split between lines, with widow and orphan control: a paragraph, a heading,
/// a list item (with its marker hanging in the left margin of the text) or a caption.
public struct ParagraphBlock: Block {
  public var lines: [ShapedLine]
  /// Left indent of every line.
  public var indent: Double
  /// A marker (bullet, number) set on the first line's baseline, its right edge `markerGap` before the text.
  public var marker: ShapedLine?
  public var markerGap: Double
  /// A vertical rule down the left of every part, `sideRule.offset` left of the text (a quote).
  public var sideRule: (color: Color, offset: Double)?
  public var color: Color
  public var tag: StructureTag
  /// Destinations placed at the top of the first line (only with the first part).
  public var anchors: [Anchor]
  /// Where the text was written: every part's item carries it (nothing draws it).
  public var source: SourceSpan?
  public var breaks: BreakPolicy
  /// Least lines left at the foot of a page.
  public var orphans: Int
  /// Least lines carried to the head of the next page.
  public var widows: Int
  /// At most this many lines: the paragraph never splits (short code blocks).
  ///
  /// It moves whole to the next page, and splits only at a page top when taller than the page.
  /// 0: no such rule.
  public var unsplitLines = 0
  /// Whether this part continues a paragraph begun on an earlier page.
  var isContinuation = false
  /// What the lines were set from, when the widow rule may set them again (nil: it may not).
  ///
  /// Before lines move to the next page for the widow rule, the paragraph is set again
  /// (`Regions.setParagraph`) a line tighter or looser, where its breaks allow.
  public var setting: ParagraphSpec?

  public init(
    lines: [ShapedLine], indent: Double = 0, marker: ShapedLine? = nil, markerGap: Double = 6,
    color: Color = .black, tag: StructureTag = .paragraph, anchors: [Anchor] = [],
    breaks: BreakPolicy = BreakPolicy(), orphans: Int = 2, widows: Int = 2
  ) {
    self.lines = lines
    self.indent = indent
    self.marker = marker
    self.markerGap = markerGap
    self.color = color
    self.tag = tag
    self.anchors = anchors
    self.breaks = breaks
    self.orphans = max(1, orphans)
    self.widows = max(1, widows)
  }

  /// The total height of the lines.
  public var height: Double { lines.reduce(0) { $0 + $1.height } }

  public var leadHeight: Double {
    let whole = breaks.keepWithNext || lines.count <= unsplitLines
    return lines.prefix(min(lines.count, whole ? lines.count : orphans)).reduce(0) {
      $0 + $1.height
    }
  }

  public var overflowDescription: String {
    "a line taller than the page body (\(lines.first?.text.prefix(40) ?? ""))"
  }

  public func layout(in regions: Regions) -> LayoutResult {
    let fitting = Self.linesFitting(lines, in: regions.available)
    if fitting >= lines.count { return .complete(frame(lines[...], width: regions.width)) }
    let count = splitPoint(fitting: fitting, atPageTop: regions.atPageTop)
    if count < fitting, fitting >= orphans, let refitted = refitted(in: regions) {
      return refitted.layout(in: regions)
    }
    guard count > 0 else { return .deferred }
    var rest = self
    rest.lines = Array(lines[count...])
    rest.marker = nil
    rest.anchors = []
    rest.isContinuation = true
    rest.breaks.spaceBefore = 0
    return .partial(frame(lines[..<count], width: regions.width), rest: rest)
  }

  /// The paragraph set a line tighter, or else a line looser, when that setting lets the page
  /// take all its lines, or all but at least `widows` of them, so that no line moves for the
  /// widow rule.
  func refitted(in regions: Regions) -> ParagraphBlock? {
    guard let setting, let setParagraph = regions.setParagraph, !isContinuation,
      !breaks.keepWithNext, lines.count > unsplitLines
    else {
      return nil
    }
    for delta in [-1, 1] {
      var again = setting
      again.looseness += delta
      let other = setParagraph(again)
      guard other.count == lines.count + delta else { continue }
      var candidate = self
      candidate.lines = other
      candidate.setting = nil
      let fitting = Self.linesFitting(other, in: regions.available)
      if fitting >= other.count
        || candidate.splitPoint(fitting: fitting, atPageTop: regions.atPageTop) == fitting
      {
        return candidate
      }
    }
    return nil
  }

  /// How many lines to place when only `fitting` of them fit: 0 to move the whole paragraph on.
  func splitPoint(fitting: Int, atPageTop: Bool) -> Int {
    // Headings and other keep-together text never split, unless a page cannot hold them.
    if breaks.keepWithNext || lines.count <= unsplitLines { return atPageTop ? max(1, fitting) : 0 }
    let keep = min(fitting, lines.count - widows)
    if keep >= orphans { return keep }
    // No split honours both rules: move on, or, at a page top, place what fits.
    return atPageTop ? max(1, fitting) : 0
  }

  /// How many of `lines`, from the first, fit in `height`.
  static func linesFitting(_ lines: [ShapedLine], in height: Double) -> Int {
    var used = 0.0
    for (i, line) in lines.enumerated() {
      used += line.height
      if used > height + 0.0001 { return i }
    }
    return lines.count
  }

  private func frame(_ part: ArraySlice<ShapedLine>, width: Double) -> Frame {
    var inner = Frame(size: Size(width: width, height: part.reduce(0) { $0 + $1.height }))
    inner.reserveCapacity(part.count + anchors.count + 1)
    if !isContinuation {
      for anchor in anchors { inner.push(.anchor(anchor), at: Point(x: indent, y: 0)) }
    }
    var label: Frame?
    if let marker, let first = part.first {
      let x = indent - markerGap - marker.width
      var frame = Frame(size: inner.size)
      frame.push(.text(marker, color), at: Point(x: x, y: first.baseline - marker.baseline))
      label = frame
      // A list item's label is an element of its own (below); elsewhere it is a line of the text.
      if tag != .listItem { inner.push(frame: frame, at: .zero) }
    }
    if let sideRule {
      let x = indent - sideRule.offset
      var rule = Frame(size: inner.size)
      rule.push(
        .shape(
          .line(
            from: Point(x: x, y: 0), to: Point(x: x, y: inner.size.height),
            stroke: Stroke(color: sideRule.color, width: 2))), at: .zero)
      inner.push(.tagged(.artifact, rule), at: .zero)
    }
    var y = 0.0
    for line in part {
      inner.push(.text(line, color), at: Point(x: indent, y: y))
      for link in line.links {
        inner.push(
          .linkArea(target: link.target, Size(width: link.width, height: line.height)),
          at: Point(x: indent + line.offset + link.x, y: y))
      }
      y += line.height
    }
    var outer = Frame(size: inner.size)
    if tag == .listItem {
      // A list item is a label (its marker) and a body; a continuation has only the body.
      var item = Frame(size: inner.size)
      if let label { item.push(.tagged(.listLabel, label), at: .zero) }
      item.push(.tagged(.listBody, inner), at: .zero)
      outer.push(.tagged(.listItem, item, source: source), at: .zero)
    } else {
      outer.push(.tagged(tag, inner, source: source), at: .zero)
    }
    return outer
  }
}
