import Charts
import Foundation
import Frames
import Geometry
import Pagination
import Rendering
import ReportModel
import Storage
import TextShaping

/// The reserved `charts` document: every chart alone, each page cropped to the chart with a small
/// margin, as `<format>/charts/<chart-id>.<format>`.
struct ChartsDocument {
  let content: Comparison
  let style: Style
  /// The style's colours, resolved.
  let colors: StyleColors
  let measurer: any TextMeasurer
  let settings: ReportSettings
  /// The standards the chart PDFs meet.
  let standards: PDFStandards
  let date: Date

  /// The width charts are drawn at when they stand alone.
  static let chartWidth = 460.0
  /// White space around a standalone chart.
  static let margin = 18.0

  /// One page per chart, in content order, with the chart's alternate text.
  func pages() throws -> [(spec: ChartSpec, page: Page, alt: String)] {
    try content.charts(words: settings.words).map { spec in
      let layout = try ChartBuilder.layout(
        for: spec, content: content,
        theme: ChartTheme(style: style, colors: colors, words: settings.words),
        width: Self.chartWidth, measurer: measurer)
      let frame = layout.frame
      let size = Size(
        width: frame.size.width + 2 * Self.margin, height: frame.size.height + 2 * Self.margin)
      var page = Frame(size: size)
      page.push(frame: frame, at: Point(x: Self.margin, y: Self.margin))
      return (spec, Page(size: size, frame: page), layout.alt)
    }
  }

  /// Writes every chart in each format; `record` gets each file, `finished` each format's files
  /// with the seconds they took together.
  func write(
    formats: [OutputFormat], record: (WrittenFile) -> Void,
    finished: (OutputFormat, [WrittenFile], Double) -> Void
  ) throws {
    let charts = try pages()
    for format in formats {
      let started = DispatchTime.now()
      var written: [WrittenFile] = []
      let dir =
        ((settings.outputDirectory as NSString).appendingPathComponent(format.rawValue) as NSString)
        .appendingPathComponent("charts")
      try FileManager.default.createOutputDirectory(dir)
      let exporter = Pipeline.exporter(for: format, dpi: settings.dpi)
      for (spec, page, alt) in charts {
        let path = (dir as NSString).appendingPathComponent("\(spec.id).\(format.rawValue)")
        var document = RenderDocument(
          pages: [page], palette: measurer.palette, info: info(spec),
          svgLabels: [SVGLabel(title: spec.title, description: alt, isImage: true)],
          standards: standards)
        for file in try exporter.write(&document, to: .file(path), releasingPages: false) {
          written.append(WrittenFile(file, document: "charts", format: format))
          record(written[written.count - 1])
        }
      }
      finished(format, written, Pipeline.seconds(since: started))
    }
  }

  /// A standalone chart's PDF metadata: the chart's title, the config's other fields.
  private func info(_ spec: ChartSpec) -> DocumentInfo {
    let m = settings.metadata
    return DocumentInfo(
      title: spec.title, author: m.author, subject: m.subject, keywords: m.keywords,
      creator: "pmreport \(Pipeline.version)", date: UTCDateTime(date).iso8601,
      language: m.lang)
  }
}
