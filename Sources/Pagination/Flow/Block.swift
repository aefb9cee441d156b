import Frames
import Geometry
import TextShaping

/// The space left on the current page, and the size of a whole page body.
public struct Regions {
  /// The text width.
  public var width: Double
  /// Height still free on this page.
  public var available: Double
  /// Height of a whole page body.
  public var full: Double
  /// Nothing has been placed on this page yet: moving to the next page would not help, so a
  /// block must place something.
  public var atPageTop: Bool
  /// Sets a paragraph again (the widow rule tries one a line tighter or looser); nil: none is.
  public var setParagraph: ((ParagraphSpec) -> [ShapedLine])?

  public init(
    width: Double, available: Double, full: Double, atPageTop: Bool,
    setParagraph: ((ParagraphSpec) -> [ShapedLine])? = nil
  ) {
    self.width = width
    self.available = available
    self.full = full
    self.atPageTop = atPageTop
    self.setParagraph = setParagraph
  }
}

/// How a block wants to meet the blocks around it and the page breaks.
public struct BreakPolicy: Sendable {
  /// Stay on the same page as the start of the next block (headings).
  public var keepWithNext: Bool
  /// Start on a fresh page.
  public var pageBreakBefore: Bool
  /// With `pageBreakBefore`: start on a right-hand (odd-numbered) page, after a blank one if
  /// need be (`section-start: right`).
  public var startsOnRightPage = false
  /// Space above the block; collapses with the space below the block before, and vanishes at a page top.
  public var spaceBefore: Double
  /// Space below the block.
  public var spaceAfter: Double

  public init(
    keepWithNext: Bool = false, pageBreakBefore: Bool = false, spaceBefore: Double = 0,
    spaceAfter: Double = 0
  ) {
    self.keepWithNext = keepWithNext
    self.pageBreakBefore = pageBreakBefore
    self.spaceBefore = spaceBefore
    self.spaceAfter = spaceAfter
  }
}

/// What a block did with the space it was offered.
public enum LayoutResult {
  /// All of the block fits in this frame.
  case complete(Frame)
  /// This frame is what fits; `rest` goes on the next page.
  case partial(Frame, rest: any Block)
  /// Nothing fits here; try again on a fresh page. Never returned when `regions.atPageTop`.
  case deferred
}

/// Anything that can be laid out on pages: it returns what fits and the rest, as platypus's split does.
///
/// Blocks are values holding already-shaped text, so layout is pure arithmetic. When
/// `regions.atPageTop` a block must place something, so pagination always progresses.
public protocol Block {
  var breaks: BreakPolicy { get }
  /// Places as much of the block as fits in `regions`.
  func layout(in regions: Regions) -> LayoutResult
  /// The least height that must be free for the block to start on this page (for keep-with-next).
  var leadHeight: Double { get }
  /// A warning to report when the block had to be placed although it overflows a whole page.
  var overflowDescription: String { get }
  /// When it does not fit where it stands, the block may wait for the next page top while the
  /// blocks after it fill this page (figures).
  var floats: Bool { get }
}

extension Block {
  public var overflowDescription: String { "a block taller than the page body" }
  public var floats: Bool { false }
}
