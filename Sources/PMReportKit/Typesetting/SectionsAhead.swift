import TextShaping

/// A report's layout handed to the thread that shapes ahead of it (``ShapingAhead``): it sets the
/// report's sections last first with that thread's measurer, while the layout sets them first to
/// last, so that the two shape different paragraphs until they meet.
///
/// The blocks it builds are thrown away: only their paragraphs' shapes reach the layout.
struct SectionsAhead: @unchecked Sendable {
  // @unchecked: the layout's measurer (the session's, used by the layout's thread) is replaced
  // with the thread's own before any use; everything else in it is a value.
  private let layout: HandoutLayout

  init(_ layout: HandoutLayout) { self.layout = layout }

  /// The most top-level sections a report may have to be shaped ahead.
  ///
  /// The second thread's shapes wait, in its own malloc arena, until the layout comes to them:
  /// the full report at bench scale 100 (1,600 sections) peaked at 224 MB shaped ahead against
  /// 197 MB on one thread, over its 200 MB bound; at scale 20 (320 sections) 99 MB against 91.
  static let mostSections = 400

  /// Starts shaping `layout`'s report of `sections` top-level sections ahead in `session`; nil
  /// for a report of more than ``mostSections`` or when the session does not shape ahead.
  static func start(_ layout: HandoutLayout, sections: Int, in session: RunShaping)
    -> ShapingAhead?
  {
    guard sections <= mostSections else { return nil }
    return session.shapeAhead { [layout = SectionsAhead(layout)] measurer in
      layout.build(with: measurer)
    }
  }

  /// Sets the sections, last first, with `measurer`, until it is stopped.
  func build(with measurer: AheadMeasurer) {
    var own = layout
    own.measurer = measurer
    let builder = own.reportBuilder(own.makeType())
    let charts = builder.shownCharts()
    for entry in builder.numberedSections().reversed() {
      guard !measurer.isStopped else { return }
      _ = try? builder.blocks(for: entry, charts: charts)
    }
  }
}
