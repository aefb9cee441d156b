import Frames
import Geometry

/// Blocks flowed one after another inside one structure element per page: a list (`L` around its
/// `LI` items) or the table of contents (`TOC` around its `TOCI` lines).
///
/// It splits between its children and inside a child as the child itself splits (a list item as a
/// paragraph does, with widow and orphan control and its marker staying with its first lines).
public struct StructureBlock: Block {
  public var tag: StructureTag
  public var children: [any Block]
  public var breaks: BreakPolicy

  public init(tag: StructureTag, children: [any Block], breaks: BreakPolicy = BreakPolicy()) {
    self.tag = tag
    self.children = children
    self.breaks = breaks
  }

  public var leadHeight: Double { children.first?.leadHeight ?? 0 }

  public var overflowDescription: String {
    children.first?.overflowDescription ?? "an empty \(tag.rawValue)"
  }

  public func layout(in regions: Regions) -> LayoutResult {
    var frame = Frame(size: Size(width: regions.width, height: 0))
    var y = 0.0
    var previous: (any Block)?
    for (index, child) in children.enumerated() {
      let gap = previous.map { max($0.breaks.spaceAfter, child.breaks.spaceBefore) } ?? 0
      var room = regions
      room.available = regions.available - y - gap
      room.atPageTop = regions.atPageTop && previous == nil
      switch child.layout(in: room) {
      case .complete(let part):
        frame.push(frame: part, at: Point(x: 0, y: y + gap))
        y += gap + part.size.height
        previous = child
      case .partial(let part, let rest):
        frame.push(frame: part, at: Point(x: 0, y: y + gap))
        y += gap + part.size.height
        return .partial(tagged(frame, height: y), rest: remainder([rest], from: index + 1))
      case .deferred:
        guard previous != nil else { return .deferred }
        return .partial(tagged(frame, height: y), rest: remainder([], from: index))
      }
    }
    return .complete(tagged(frame, height: y))
  }

  /// The children from `index` on, after `first` (what is left of a split child).
  private func remainder(_ first: [any Block], from index: Int) -> StructureBlock {
    var rest = self
    rest.children = first + children[index...]
    rest.breaks.spaceBefore = 0
    return rest
  }

  private func tagged(_ content: Frame, height: Double) -> Frame {
    var inner = content
    inner.size.height = height
    var outer = Frame(size: inner.size)
    outer.push(.tagged(tag, inner), at: .zero)
    return outer
  }
}
