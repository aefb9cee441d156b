import ContentFixtures
import Foundation
import ReportModel
import Testing

/// Inline formatting, links, nested lists, code, quotes, rules and plain tables, rendered to PDF and
/// read back.
@Suite struct RichContentTests {
  static let longCode =
    "let result = pmreport.render(document: \"full-report\", format: .pdf, style: \"classic\", "
    + "output: \"Output\", pageSize: .a4)"

  static let section = Section(
    id: "rich", title: "Rich Content",
    blocks: [
      .paragraph(
        RichText(spans: [
          TextSpan("Plain, "), TextSpan("emphasised", style: .emphasis), TextSpan(", "),
          TextSpan("strong", style: .strong), TextSpan(", "), TextSpan("codeword", style: .code),
          TextSpan(", a "), TextSpan("weblink", link: "https://example.org/guide"),
          TextSpan(" and a "), TextSpan("sectionlink", link: "#summary"), TextSpan("."),
        ])),
      .list(
        ListBlock(
          ordered: true, start: 3,
          items: [
            [.paragraph("Third item.")],
            [
              .paragraph("Fourth item, with a nested list:"),
              .list(ListBlock(ordered: false, items: [[.paragraph("Nested bullet.")]])),
            ],
          ])),
      .code(CodeBlock(language: "swift", text: "// a comment\n" + longCode)),
      .quote([.paragraph("A quoted callout.")]),
      .rule,
      .table(
        PlainTable(
          header: ["Command", "Effect"],
          rows: [["make handouts", "Builds every handout"], ["make test", "Runs the tests"]],
          alignments: [.left, .right])),
    ])

  static let rendered: Result<(ExecutableRun, String), any Error> = Result {
    let dir = try temporaryDirectory("pmreport-rich")
    let arguments = try ContentFixture.write([section], document: "rich", in: dir)
    return (try runPMReport(arguments, in: dir), dir + "/out/pdf/rich.pdf")
  }

  @Test func everyWordComesBackInOrder() throws {
    let (result, pdf) = try Self.rendered.get()
    #expect(result.status == 0, "\(result.summary)")
    let text = try PDFText.pages(pdf).joined(separator: "\n")
    let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for expected in [
      "Plain, emphasised, strong, codeword, a weblink and a sectionlink.",
      "3. Third item.", "4. Fourth item, with a nested list:", "Nested bullet.",
      "// a comment", "A quoted callout.", "Command Effect", "make handouts Builds every handout",
    ] {
      #expect(flat.contains(expected), "missing “\(expected)”")
    }
    // The long code line wraps with the marker and loses nothing.
    #expect(text.contains("\u{21AA}"))
    let code = squeezed(flat).replacingOccurrences(of: "\u{21AA}", with: "")
    #expect(code.contains(squeezed(Self.longCode)))
  }

  @Test func linksAreClickable() throws {
    let (result, pdf) = try Self.rendered.get()
    #expect(result.status == 0, "\(result.summary)")
    let qdf = try run("qpdf", ["--qdf", "--object-streams=disable", pdf, "-"]).output
    #expect(qdf.contains("/URI (https://example.org/guide)"))
    #expect(qdf.contains("/Dest (sec-summary)") || qdf.contains("/Dest /sec-summary"))
    // Described for assistive technology (libqpdf's pass): the URI, or the heading it goes to.
    #expect(qdf.contains("/Contents (https://example.org/guide)"))
    #expect(qdf.contains("/Contents (Go to "))
    #expect(qdf.contains("/Tabs /S"))
  }

  @Test func codeIsMonospaceAndEmphasisItalic() throws {
    let (result, pdf) = try Self.rendered.get()
    #expect(result.status == 0, "\(result.summary)")
    let fonts = try run("pdffonts", [pdf]).output
    #expect(fonts.contains("DejaVuSansMono"))
    #expect(fonts.contains("Italic"))
  }
}
