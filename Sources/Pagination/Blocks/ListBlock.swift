import Geometry

/// A list: its items (paragraph blocks tagged `LI`) flowed one after another inside one `L`
/// structure element per page. It splits between items, and inside an item as a paragraph does
/// (widow and orphan control, the marker staying with the item's first lines).
public struct ListBlock: Block {
    public var items: [ParagraphBlock]
    public var breaks: BreakPolicy

    public init(items: [ParagraphBlock], breaks: BreakPolicy = BreakPolicy()) {
        self.items = items; self.breaks = breaks
    }

    public var leadHeight: Double { items.first?.leadHeight ?? 0 }

    public var overflowDescription: String { items.first?.overflowDescription ?? "an empty list" }

    public func layout(in regions: Regions) -> LayoutResult {
        var frame = Frame(size: Size(width: regions.width, height: 0))
        var y = 0.0
        var previous: ParagraphBlock?
        for (index, item) in items.enumerated() {
            let gap = previous.map { max($0.breaks.spaceAfter, item.breaks.spaceBefore) } ?? 0
            let room = Regions(width: regions.width, available: regions.available - y - gap, full: regions.full,
                               atPageTop: regions.atPageTop && previous == nil)
            switch item.layout(in: room) {
            case .complete(let part):
                frame.push(frame: part, at: Point(x: 0, y: y + gap))
                y += gap + part.size.height
                previous = item
            case .partial(let part, let rest):
                frame.push(frame: part, at: Point(x: 0, y: y + gap))
                y += gap + part.size.height
                return .partial(tagged(frame, height: y), rest: remainder([rest as? ParagraphBlock ?? item], from: index + 1))
            case .deferred:
                guard previous != nil else { return .deferred }
                return .partial(tagged(frame, height: y), rest: remainder([], from: index))
            }
        }
        return .complete(tagged(frame, height: y))
    }

    /// The list from item `index` on, after `first` (what is left of a split item).
    private func remainder(_ first: [ParagraphBlock], from index: Int) -> ListBlock {
        var rest = self
        rest.items = first + items[index...]
        rest.breaks.spaceBefore = 0
        return rest
    }

    private func tagged(_ content: Frame, height: Double) -> Frame {
        var inner = content
        inner.size.height = height
        var outer = Frame(size: inner.size)
        outer.push(.tagged(.list, inner), at: .zero)
        return outer
    }
}
