import Foundation
import PMReportKit
import ReportModel
import Testing

/// The charts as files: standalone SVG, PDF and PNG per chart, and vectors inside the full report.
@Suite(.serialized) struct ChartOutputTests {
  static let output: Result<String, any Error> = Result {
    let dir = try temporaryDirectory("pmreport-charts")
    let scheduler = try RunScheduler.load(
      options: RunOptions(
        formats: [.pdf, .svg, .png], documents: ["charts"],
        outputDirectory: dir, dpi: 60, workingDirectory: dir))
    let summary = scheduler.run()
    if let failure = summary.failures.first { throw failure.error }
    return dir
  }

  @Test func everyChartIsWrittenInEveryFormat() throws {
    let dir = try Self.output.get()
    for spec in try Comparison.builtIn.charts.specs ?? [] {
      for ext in ["svg", "pdf", "png"] {
        let path = "\(dir)/\(ext)/charts/\(spec.id).\(ext)"
        #expect(FileManager.default.fileExists(atPath: path), "missing \(path)")
      }
    }
  }

  @Test func svgFilesAreValidXML() throws {
    let dir = try Self.output.get()
    for spec in try Comparison.builtIn.charts.specs ?? [] {
      let result = try run("xmllint", ["--noout", "\(dir)/svg/charts/\(spec.id).svg"])
      #expect(result.status == 0, "\(spec.id): \(result.error)")
    }
  }

  @Test func svgChartsAreDescribedPictures() throws {
    let dir = try Self.output.get()
    for spec in try Comparison.builtIn.charts(words: .english) {
      let svg = try String(contentsOfFile: "\(dir)/svg/charts/\(spec.id).svg", encoding: .utf8)
      #expect(svg.contains("role=\"img\" aria-labelledby=\"pmreport-title pmreport-desc\">"))
      #expect(svg.contains("<title id=\"pmreport-title\">\(spec.title)</title>"), "\(spec.id)")
      #expect(svg.contains("<desc id=\"pmreport-desc\">"), "\(spec.id)")
    }
    let radar = try String(contentsOfFile: "\(dir)/svg/charts/focus-profile.svg", encoding: .utf8)
    #expect(radar.contains("<desc id=\"pmreport-desc\">Focus profile, scores 0 to 5. "))
  }

  @Test func pngFilesAreNotBlank() throws {
    let dir = try Self.output.get()
    for spec in try Comparison.builtIn.charts.specs ?? [] {
      // The PNG: a real image of the chart's size at 60 dpi, too large to be one flat colour.
      let png = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/png/charts/\(spec.id).png"))
      #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
      let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
      #expect(width == Int(((ChartsDocumentSize.width) * 60 / 72).rounded()))
      #expect(png.count > 5_000, "\(spec.id).png is suspiciously small for a chart")
      // Its companion PDF rasterised to grey pixels (binary PGM): some are dark (ink), most white.
      let base = "\(dir)/\(spec.id)-grey"
      try run(
        "pdftoppm", ["-r", "40", "-gray", "-singlefile", "\(dir)/pdf/charts/\(spec.id).pdf", base])
      let pgm = try Data(contentsOf: URL(fileURLWithPath: base + ".pgm"))
      let pixels =
        Array(pgm).split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false).last ?? []
      let dark = pixels.filter { $0 < 160 }.count
      #expect(dark > 50 && dark < pixels.count / 2, "\(spec.id): \(dark) dark of \(pixels.count)")
    }
  }

  @Test func theFullReportHoldsNoRasterImage() throws {
    let list = try run("pdfimages", ["-list", try RenderedReport.pdf()]).output
    let rows = list.split(separator: "\n").dropFirst(2)
    #expect(rows.isEmpty, "raster images: \(rows)")
  }

  @Test func chartCaptionsAndLabelsAreTextInTheReport() throws {
    let text = squeezed(try run("pdftotext", [try RenderedReport.pdf(), "-"]).output)
    for spec in try Comparison.builtIn.charts.specs ?? [] {
      #expect(text.contains(squeezed(spec.title)), "\(spec.id) title missing")
    }
    for dimension in try Comparison.builtIn.charts.focus {
      #expect(text.contains(squeezed(dimension.label)))
    }
  }
}

/// The standalone chart page width: the chart width plus the margins on both sides.
enum ChartsDocumentSize {
  static let width = 460.0 + 2 * 18
}
