import Foundation

/// A second thread shaping a document's paragraphs ahead of its layout, while the layout shapes
/// from the other end: each paragraph is shaped once, by whichever thread comes to it first, and
/// the layout gets exactly the lines it would have shaped itself (``ShapeExchange``).
///
/// The thread makes its own ``PangoShaper`` in the layout's language and hyphenation dictionary,
/// and hands `work` an ``AheadMeasurer`` over it: `work` builds the document's blocks in another
/// order with it, until ``AheadMeasurer/isStopped``. ``finish()`` stops it and waits.
public final class ShapingAhead: @unchecked Sendable {
  // @unchecked: `exchange` is thread-safe; `finished` is used by the layout's thread alone.
  private let exchange: ShapeExchange
  private let done = DispatchSemaphore(value: 0)
  private var finished = false

  /// Starts the thread: `work` is called on it with a measurer in `language` (Pango's tag)
  /// hyphenating with the patterns at `dictionaryPath` (nil: none).
  init(
    exchange: ShapeExchange, language: String, dictionaryPath: String?,
    work: @escaping @Sendable (AheadMeasurer) -> Void
  ) {
    self.exchange = exchange
    let thread = Thread { [done] in
      let hyphenator = dictionaryPath.flatMap { Hyphenator(dictionaryPath: $0) }
      let shaper = PangoShaper(hyphenator: hyphenator)
      shaper.setLanguage(language, hyphenator: hyphenator)
      work(AheadMeasurer(shaper: shaper, exchange: exchange))
      done.signal()
    }
    // Pango and the block builders as deep as on the main thread.
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Stops the thread (it finishes the paragraph it is shaping) and waits for it; once.
  public func finish() {
    guard !finished else { return }
    finished = true
    exchange.stop()
    done.wait()
  }
}
