import Foundation
import Testing

/// Booklets: imposed, vectors only, text kept.
@Suite struct BookletTests {
  @Test func theFullReportAsABookletKeepsItsTextOnLandscapeSheets() throws {
    let dir = try temporaryDirectory("pmreport-booklet")
    try
      "documents:\n  - name: report\n    booklet: true\n  - name: big\n    booklet: true\n    booklet-paper: a3\n"
      .write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--output", dir + "/out"], in: dir)
    #expect(result.status == 0, "\(result.error)")
    let report = try PDFText.pages(dir + "/out/pdf/report.pdf")
    let booklet = dir + "/out/pdf/report-booklet.pdf"
    let sheets = try PDFText.pages(booklet)
    #expect(sheets.count == (report.count + 3) / 4 * 2)
    // Sheet 1's front holds the first page (right half): its title is there.
    #expect(normalised(sheets[0]).contains("Business Product Manager vs Technical Product Manager"))
    #expect(squeezed(sheets.joined()).contains(squeezed(report[1].prefix(200).description)))
    let (_, sizes) = try PDFText.words(booklet)
    #expect(sizes.values.allSatisfy { abs($0.width - 841.89) < 1 && abs($0.height - 595.28) < 1 })
    let (_, big) = try PDFText.words(dir + "/out/pdf/big-booklet.pdf")
    #expect(big.values.allSatisfy { abs($0.width - 1190.55) < 1 && abs($0.height - 841.89) < 1 })
    #expect(try run("qpdf", ["--check", booklet]).status == 0)
    let images = try run("pdfimages", ["-list", booklet]).output
    #expect(images.split(separator: "\n").count == 2, "no raster images: \(images)")
  }
}
