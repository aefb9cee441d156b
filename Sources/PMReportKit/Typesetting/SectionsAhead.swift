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
