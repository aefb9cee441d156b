import Foundation
import PMReportKit
import ReportModel
import Testing

/// The whole pipeline, end to end: render the full report, then read the PDF back with poppler and qpdf.
@Suite(.serialized) struct FullReportTests {
  @Test func everyStringOfTheModelIsInThePDF() throws {
    // Only the text area (A4 less the classic margins), so running headers and footers do not
    // interrupt a paragraph that continues on the next page.
    let body = ["-r", "72", "-x", "60", "-y", "64", "-W", "476", "-H", "714"]
    let text = squeezed(
      try run("pdftotext", body + ["-enc", "UTF-8", try RenderedReport.pdf(), "-"]).output)
    var missing: [String] = []
    for s in try modelStrings(.builtIn) where !text.contains(squeezed(s)) { missing.append(s) }
    #expect(missing.isEmpty, "missing from the PDF: \(missing.prefix(5))")
  }

  @Test func noGarbledRoleLabelIsPrinted() throws {
    let text = normalised(
      try run("pdftotext", ["-enc", "UTF-8", try RenderedReport.pdf(), "-"]).output)
    for garbled in [
      "Technical Product Bill", "Business Product Penn", "Technical Food Pyramid",
      "Business Product Against", "Technical Snow Table",
    ] {
      #expect(!text.contains(garbled))
    }
    #expect(text.contains("Business Product Manager"))
    #expect(text.contains("Technical Product Manager"))
  }

  @Test func qpdfFindsNoDamage() throws {
    let result = try run("qpdf", ["--check", try RenderedReport.pdf()])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("No syntax or stream encoding errors"))
  }

  @Test func everyFontIsEmbeddedAndSubset() throws {
    let lines = try run("pdffonts", [try RenderedReport.pdf()]).output.split(separator: "\n")
      .dropFirst(2)
    #expect(!lines.isEmpty)
    for line in lines {
      let cols = line.split(separator: " ", omittingEmptySubsequences: true)
      // name type [encoding…] emb sub uni object ID: emb is the 5th field from the end.
      #expect(cols.count >= 7)
      #expect(cols[cols.count - 5] == "yes", "not embedded: \(line)")
      #expect(cols[cols.count - 4] == "yes", "not subset: \(line)")
    }
  }

  @Test func thePDFIsTaggedWithMetadata() throws {
    let info = try run("pdfinfo", [try RenderedReport.pdf()], environment: ["TZ": "UTC"]).output
      .split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    #expect(info.contains("Tagged: yes"))
    #expect(info.contains("Title: Business Product Manager vs Technical Product Manager"))
    #expect(info.contains("Creator: pmreport \(ProgramVersion.number)"))
    #expect(info.contains("Page size: 595.276 x 841.89 pts (A4)"))
    #expect(info.contains("CreationDate: Tue Nov 14 22:13:20 2023 UTC"))
  }
}
