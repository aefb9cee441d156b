import Foundation
import Testing

/// duplex, section-start: right, crop-marks and bleed.
@Suite struct PrintOptionsTests {
  @Test func sectionsStartRightMarginsMirrorAndTheBoxesAreSet() throws {
    let dir = try temporaryDirectory("pmreport-print")
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: true)
    try "extends: classic\npage:\n  margin-left: 100\n  margin-right: 40\n".write(
      toFile: dir + "/Styles/inner.yml", atomically: true, encoding: .utf8)
    try """
    documents:
      - name: print
        style: inner
        duplex: true
        section-start: right
        crop-marks: true
        bleed: 3mm
        sections: [main-difference, who-is-who, key-differences]
        toc: false

    """.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--output", dir + "/out"], in: dir)
    #expect(result.status == 0, "\(result.error)")
    let pdf = dir + "/out/pdf/print.pdf"
    #expect(try run("qpdf", ["--check", pdf]).status == 0)
    let (words, sizes) = try PDFText.words(pdf)
    let offset: Double = 13 * 72 / 25.4
    // The sheet is the trim plus bleed and room for the marks on every side.
    #expect(sizes.values.allSatisfy { abs($0.width - (595.28 + 2 * offset)) < 0.5 })
    // Every section heading opens a right-hand (odd) page.
    for title in ["What", "Who", "Key"] {
      let pages = words.filter { $0.text == title && $0.x0 < 200 }.map(\.page)
      #expect(!pages.isEmpty && pages.allSatisfy { $0 % 2 == 1 }, "\(title): \(pages)")
    }
    // The running header starts at the inner margin: 100 pt on right-hand pages, 40 on left.
    func headerX(_ page: Int) -> Double? {
      words.filter { $0.page == page && $0.y0 < offset + 72 }.map(\.x0).min()
    }
    let right = try #require(headerX(3))
    let left = try #require(headerX(2))
    #expect(abs(right - (offset + 100)) < 1)
    #expect(abs(left - (offset + 40)) < 1)
    let page = try run("qpdf", ["--show-object=11", pdf]).output
    #expect(page.contains("/TrimBox [ 36.8504 36.8504 632.1260 878.7402 ]"), "\(page)")
    #expect(page.contains("/BleedBox [ 28.3465 28.3465 640.6299 887.2441 ]"), "\(page)")
  }
}
