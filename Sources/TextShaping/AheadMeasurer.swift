import Frames

/// The measurer of the thread that shapes ahead of the layout (``ShapingAhead``): its own
/// ``PangoShaper``, whose paragraphs go to the layout through a ``ShapeExchange``.
///
/// Only paragraphs our line breaker sets are shaped here (two threads give the same lines, see
/// `ConcurrentShapingTests`); a paragraph Pango breaks (centred, right-aligned, holding a newline),
/// one already claimed, and every paragraph once the exchange stops, get a stand-in of one empty
/// line, so that the blocks being built go on cheaply. Widths are measured here for this
/// thread's own blocks and not shared. Not thread-safe: used by the one thread that made it.
public final class AheadMeasurer: TextMeasurer {
  private let shaper: PangoShaper
  private let exchange: ShapeExchange

  init(shaper: PangoShaper, exchange: ShapeExchange) {
    self.shaper = shaper
    self.exchange = exchange
  }

  /// Whether to stop building blocks: the layout has caught up, or is done.
  public var isStopped: Bool { exchange.isStopped }

  public func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph {
    if PangoShaper.breaksOptimally(paragraph),
      let result = exchange.shape(
        paragraph,
        with: { () -> (ShapingResult, palette: GlyphPalette)? in
          shaper.shapeParagraph(paragraph, breakingWithPango: false).map { ($0, shaper.palette) }
        })
    {
      return result.paragraph
    }
    let height = paragraph.fontSize * paragraph.leading
    return ShapedParagraph(
      lines: [ShapedLine(width: 0, height: height, baseline: height * 0.8, text: "")])
  }

  public func widths(_ paragraph: ParagraphSpec) -> TextWidths {
    shaper.measureWidths(paragraph)
  }
}
