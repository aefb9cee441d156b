import Foundation
import Frames

/// Paragraphs shaped on a second thread ahead of the layout, handed to the layout's own thread.
///
/// The layout's thread asks for each paragraph it sets (``take(_:)``): one the other thread has
/// shaped comes back with the palette its lines name (one being shaped is waited for); any other
/// is marked as the layout's own, to shape itself. The other thread offers each paragraph it meets
/// (``shape(_:with:)``), and shapes only those nobody has claimed; ``meetingRun`` paragraphs in a
/// row that the layout has claimed mean the two have met, and it stops (``isStopped``): one alone
/// is only a text the document repeats (a table's header). Each paragraph is shaped once, by
/// whichever thread comes to it first; what the layout gets is what it would have shaped.
///
/// Thread-safe: every access holds `condition`.
public final class ShapeExchange: @unchecked Sendable {
  /// Who has a paragraph.
  private enum Claim {
    /// The layout's thread shapes it itself.
    case layout
    /// The other thread is shaping it.
    case ahead
    /// Shaped by the other thread, its lines naming fonts and colours of `palette`.
    case shaped(ShapingResult, palette: GlyphPalette)
  }

  private let condition = NSCondition()
  private var claims: [ParagraphSpec: Claim] = [:]
  private var stopped = false
  /// The paragraphs in a row the other thread found claimed by the layout.
  private var claimedInRow = 0
  /// The claimed paragraphs in a row that stop the other thread.
  static let meetingRun = 16

  /// An exchange where nothing is claimed yet.
  public init() {}

  /// Whether the other thread should stop: the two met, or the layout is done.
  public var isStopped: Bool {
    condition.lock()
    defer { condition.unlock() }
    return stopped
  }

  /// Tells the other thread to stop (it finishes the paragraph it is shaping).
  public func stop() {
    condition.lock()
    stopped = true
    condition.unlock()
  }

  /// The layout's thread: `paragraph` as the other thread shaped it, with the palette its lines
  /// name (waiting while it is being shaped); nil when it was not, and is now the layout's own.
  func take(_ paragraph: ParagraphSpec) -> (ShapingResult, palette: GlyphPalette)? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      switch claims[paragraph] {
      case .shaped(let result, let palette):
        claims[paragraph] = .layout
        return (result, palette)
      case .ahead:
        condition.wait()
      case .layout:
        return nil
      case nil:
        claims[paragraph] = .layout
        return nil
      }
    }
  }

  /// The other thread: `paragraph` shaped by `shaper` (which gives it and the palette its lines
  /// name, or nil when it cannot) and kept for the layout; nil when it is claimed already, the
  /// exchange is stopped, or `shaper` gave nothing (the paragraph is then left to the layout).
  func shape(
    _ paragraph: ParagraphSpec, with shaper: () -> (ShapingResult, palette: GlyphPalette)?
  ) -> ShapingResult? {
    condition.lock()
    if case .layout = claims[paragraph] {
      claimedInRow += 1
      if claimedInRow >= Self.meetingRun { stopped = true }
    }
    guard !stopped, claims[paragraph] == nil else {
      condition.unlock()
      return nil
    }
    claimedInRow = 0
    claims[paragraph] = .ahead
    condition.unlock()
    let shaped = shaper()
    condition.lock()
    claims[paragraph] = shaped.map { .shaped($0.0, palette: $0.palette) }
    condition.broadcast()
    condition.unlock()
    return shaped?.0
  }
}
