import Charts
import Frames
import Geometry
import ReportModel

/// `kind: charts`, the reserved `charts` document: every chart alone, each page cropped to the
/// chart with a small margin, as `<format>/charts/<chart-id>.<format>`.
struct ChartsRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .charts }

  /// The width charts are drawn at when they stand alone.
  static let chartWidth = 460.0
  /// White space around a standalone chart.
  static let margin = 18.0

  func weight(of document: DocumentSpec) -> Double { 2 }

  /// Every chart, in content order, each a picture described by its alternate text; every format
  /// of each is written before the next format.
  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    let content = build.project.content
    let words = build.project.words
    let document = build.document
    let charts = try content.charts(words: words).map { spec in
      let layout = try ChartBuilder.layout(
        for: spec, content: content,
        theme: ChartTheme(style: document.style, colors: document.colors, words: words),
        width: Self.chartWidth, measurer: build.session.measurer,
        memo: build.session.chartLayouts)
      let frame = layout.frame.sourced(
        BlockSetter.span(build.project.contentPositions?.chart(spec.id)))
      let size = Size(
        width: frame.size.width + 2 * Self.margin, height: frame.size.height + 2 * Self.margin)
      var page = Frame(size: size)
      page.push(frame: frame, at: Point(x: Self.margin, y: Self.margin))
      return PlannedFile(
        picture: "charts/" + spec.id, page: Page(size: size, frame: page), title: spec.title,
        description: layout.alt)
    }
    build.documentLaidOut()
    try emit(
      PlannedOutput(
        pictures: charts, in: "charts", formats: build.unit.formats, recordedAs: "charts"))
  }
}
