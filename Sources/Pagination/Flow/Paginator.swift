import Frames
import Geometry
import TextShaping

/// One page's body: the frame poured into the text area, before headers and footers are added.
public struct PageBody: Sendable {
  public var frame: Frame
  public init(frame: Frame) { self.frame = frame }
}

/// Pours blocks into page bodies of a fixed size, honouring splits, keeps and page breaks.
///
/// The algorithm follows Typst's flow layout: offer each block the space left on the page; place
/// what it returns; carry its rest to the next page. A block that cannot place anything on an empty
/// page is placed anyway, overflowing, with a warning: never an endless loop, never a dropped block.
public struct Paginator {
  public var bodySize: Size
  /// Sets a paragraph again for the widow rule (see ``Regions/setParagraph``); nil: none is.
  public var setParagraph: ((ParagraphSpec) -> [ShapedLine])?

  public init(bodySize: Size, setParagraph: ((ParagraphSpec) -> [ShapedLine])? = nil) {
    self.bodySize = bodySize
    self.setParagraph = setParagraph
  }

  /// The pages, and warnings about anything that had to overflow.
  public func paginate(_ blocks: [any Block]) -> (pages: [PageBody], warnings: [String]) {
    var state = FlowState(size: bodySize)
    var queue = blocks[...]
    var queueHead: (any Block)? = nil
    // Figures that did not fit where they stood wait here for the top of the next page, while
    // the text after them fills the rest of this one (as LaTeX floats do).
    var floating: [any Block] = []
    func newPage() {
      state.newPage()
      while let figure = floating.first {
        let space = state.spacing(before: figure)
        let regions = Regions(
          width: bodySize.width, available: state.available - space,
          full: bodySize.height, atPageTop: state.isEmpty, setParagraph: setParagraph)
        guard case .complete(let frame) = figure.layout(in: regions) else { break }
        state.place(frame, space: space, after: figure.breaks.spaceAfter)
        floating.removeFirst()
      }
    }
    while let block = queueHead ?? queue.popFirst() {
      queueHead = nil
      if block.floats, !floating.isEmpty {
        floating.append(block)
        continue
      }
      if block.breaks.pageBreakBefore, !state.isEmpty { newPage() }
      if block.breaks.startsOnRightPage, state.isEmpty, state.pages.count % 2 == 1 {
        state.pages.append(PageBody(frame: Frame(size: bodySize)))
      }
      // A group that cannot fit on any page is flowed child by child.
      if let group = block as? KeepTogetherBlock,
        group.height(width: bodySize.width) > bodySize.height
      {
        queue = group.children[...] + queue
        continue
      }
      let space = state.spacing(before: block)
      if block.breaks.keepWithNext, !state.isEmpty,
        Self.keepHeight(block, followers: queue) + space > state.available
      {
        newPage()
        queueHead = block
        continue
      }
      let regions = Regions(
        width: bodySize.width, available: state.available - space,
        full: bodySize.height, atPageTop: state.isEmpty, setParagraph: setParagraph)
      let result = block.layout(in: regions)
      if case .complete(let frame) = result, frame.size.height > regions.available + 0.001 {
        state.warnings.append(
          "page \(state.pages.count + 1): \(block.overflowDescription) overflows the page body by \(Int((frame.size.height - regions.available).rounded(.up))) pt"
        )
      }
      switch result {
      case .complete(let frame):
        state.place(frame, space: space, after: block.breaks.spaceAfter)
      case .partial(let frame, let rest):
        state.place(frame, space: space, after: 0)
        newPage()
        queueHead = rest
      case .deferred:
        if state.isEmpty {
          // Contract broken: place it on an unbounded region rather than loop or drop it.
          let unbounded = Regions(
            width: bodySize.width, available: .infinity,
            full: .infinity, atPageTop: true, setParagraph: setParagraph)
          if case .complete(let frame) = block.layout(in: unbounded) {
            state.place(frame, space: 0, after: block.breaks.spaceAfter)
          }
          state.warnings.append(
            "page \(state.pages.count + 1): \(block.overflowDescription) was placed overflowing")
        } else if block.floats, !queue.isEmpty || queueHead != nil {
          floating.append(block)
        } else {
          newPage()
          queueHead = block
        }
      }
    }
    // Figures still waiting get pages of their own; at a page top a figure always places.
    var attempts = floating.count
    while !floating.isEmpty, attempts > 0 {
      newPage()
      attempts -= 1
    }
    state.finishPage()
    return (state.pages, state.warnings)
  }

  /// The height a keep-with-next block needs: itself, every keep-with-next block after it, and the
  /// lead of the first block that is not (so a heading never ends a page).
  static func keepHeight(_ block: any Block, followers: ArraySlice<any Block>) -> Double {
    var total = block.leadHeight
    var previous = block
    for next in followers {
      total += max(previous.breaks.spaceAfter, next.breaks.spaceBefore) + next.leadHeight
      if !next.breaks.keepWithNext || next.breaks.pageBreakBefore { break }
      previous = next
    }
    return total
  }
}

/// The page being filled.
private struct FlowState {
  let size: Size
  var pages: [PageBody] = []
  var warnings: [String] = []
  var frame: Frame
  var y = 0.0
  var pendingSpace = 0.0

  init(size: Size) {
    self.size = size
    frame = Frame(size: size)
  }

  var isEmpty: Bool { frame.items.isEmpty }
  var available: Double { size.height - y }

  /// The space above `block`: collapsed with the space below the last block, none at a page top.
  func spacing(before block: any Block) -> Double {
    isEmpty ? 0 : max(pendingSpace, block.breaks.spaceBefore)
  }

  mutating func place(_ placed: Frame, space: Double, after: Double) {
    guard !placed.items.isEmpty else { return }
    y += space
    frame.push(frame: placed, at: Point(x: 0, y: y))
    y += placed.size.height
    pendingSpace = after
  }

  mutating func newPage() {
    finishPage()
    frame = Frame(size: size)
    y = 0
    pendingSpace = 0
  }

  mutating func finishPage() {
    if !frame.items.isEmpty { pages.append(PageBody(frame: frame)) }
  }
}
