import Frames
import Geometry

/// A finished frame that never splits: a chart with its caption, a title block, a rule.
public struct FigureBlock: Block {
  public var frame: Frame
  public var breaks: BreakPolicy
  /// Horizontal placement inside the text width.
  public var centered: Bool
  /// May move to the next page top while the text after it fills this page.
  public var floats: Bool

  public init(
    frame: Frame, breaks: BreakPolicy = BreakPolicy(), centered: Bool = false, floats: Bool = false
  ) {
    self.frame = frame
    self.breaks = breaks
    self.centered = centered
    self.floats = floats
  }

  public var leadHeight: Double { frame.size.height }
  public var overflowDescription: String { "a figure taller than the page body" }

  public func layout(in regions: Regions) -> LayoutResult {
    if frame.size.height > regions.available + 0.0001, !regions.atPageTop { return .deferred }
    var out = Frame(size: Size(width: regions.width, height: frame.size.height))
    let x = centered ? max(0, (regions.width - frame.size.width) / 2) : 0
    out.push(frame: frame, at: Point(x: x, y: 0))
    return .complete(out)
  }
}

/// Blocks kept on one page when they fit on one (a short FAQ entry).
///
/// When they cannot fit even a whole page, the paginator flows them one by one instead.
public struct KeepTogetherBlock: Block {
  public var children: [any Block]
  public var breaks: BreakPolicy

  public init(children: [any Block], breaks: BreakPolicy = BreakPolicy()) {
    self.children = children
    self.breaks = breaks
  }

  /// The children stacked with collapsed spacing, laid out without a height limit.
  public func stacked(width: Double) -> Frame {
    var frame = Frame(size: Size(width: width, height: 0))
    var y = 0.0
    var previousAfter: Double?
    for child in children {
      if let previousAfter { y += max(previousAfter, child.breaks.spaceBefore) }
      let region = Regions(width: width, available: .infinity, full: .infinity, atPageTop: true)
      if case .complete(let f) = child.layout(in: region) {
        frame.push(frame: f, at: Point(x: 0, y: y))
        y += f.size.height
      }
      previousAfter = child.breaks.spaceAfter
    }
    frame.size.height = y
    return frame
  }

  public var leadHeight: Double { height(width: .infinity) }

  /// The stacked height at `width` (children are already shaped, so width only positions them).
  public func height(width: Double) -> Double { stacked(width: width).size.height }

  public func layout(in regions: Regions) -> LayoutResult {
    let frame = stacked(width: regions.width)
    if frame.size.height > regions.available + 0.0001, !regions.atPageTop { return .deferred }
    return .complete(frame)
  }
}
