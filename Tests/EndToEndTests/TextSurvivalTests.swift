import ContentFixtures
import Foundation
import ReportModel
import Testing

/// Text that must come out of the PDF as it went in: an unbreakable 800-letter word, markup-like
/// characters, six scripts and emoji, in paragraphs, list items and table cells of a `--content` file.
///
/// Needs the fonts the project expects (fonts-noto-core, fonts-noto-cjk, fonts-symbola); when one is
/// missing the "no installed font has" check names the characters (`fc-list ':charset=2705'`).
@Suite(.serialized) struct TextSurvivalTests {
  /// 800 letters with no break opportunity (no space, no hyphen), cycling the alphabet so a lost
  /// or repeated line would show.
  static let longWord = String(
    String(repeating: "abcdefghijklmnopqrstuvwxyz", count: 31).prefix(800))
  static let longText = "Before " + longWord + " after."

  /// Samples by name: each must come back whole.
  static let samples: [(name: String, text: String)] = [
    ("markup", #"Markup <b>bold</b> &amp; 100% {braces} back\slash <i>x</i> &lt; done"#),
    ("cyrillic", "Съешь же ещё этих мягких французских булок"),
    ("greek", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία"),
    ("arabic", "مرحبا بالعالم"),
    ("hebrew", "שלום עולם"),
    ("cjk", "中文字符测试 日本語のテキスト 한국어"),
    ("emoji", "Done ✅ and smile 😀"),
  ]

  /// The section under test: each sample as a paragraph, a list item and two table cells; the long
  /// word as a paragraph and a list item.
  static let section = Section(
    id: "survival", title: "Text That Must Survive",
    blocks: [
      .paragraph(RichText(longText))
    ] + samples.map { ContentBlock.paragraph(RichText($0.text)) } + [
      .labelledList(
        [LabelledItem(label: "Long", text: RichText(longText))]
          + samples.map { LabelledItem(label: "Item \($0.name)", text: RichText($0.text)) }),
      .roleTable(
        RoleTable(
          aspectHeader: "Sample",
          rows: samples.map {
            RoleRow(label: $0.name, business: RichText($0.text), technical: RichText($0.text))
          })),
    ])

  /// Renders `sections` as one document into a fresh folder; returns the run and the PDF path.
  func render(_ sections: [Section], document: String = "survival") throws -> (
    ExecutableRun, String
  ) {
    let dir = try temporaryDirectory("pmreport-survival")
    let arguments = try ContentFixture.write(sections, document: document, in: dir)
    let result = try runPMReport(arguments, in: dir)
    return (result, dir + "/out/pdf/\(document).pdf")
  }

  static let rendered: Result<(ExecutableRun, String), any Error> = Result {
    try TextSurvivalTests().render([section])
  }

  @Test func everySampleComesBackOutOfThePDF() throws {
    let (result, pdf) = try Self.rendered.get()
    #expect(result.status == 0, "\(result.summary)")
    let text = squeezed(try PDFText.pages(pdf).joined(separator: "\n"))
    for (name, sample) in Self.samples {
      // Paragraph, list item, business cell, technical cell.
      #expect(PDFText.count(squeezed(sample), in: text) >= 4, "\(name) '\(sample)' lost or changed")
    }
    #expect(
      PDFText.count(squeezed(Self.longText), in: text) >= 2, "the 800-letter word lost or changed")
  }

  @Test func markupIsPrintedLiterally() throws {
    let (_, pdf) = try Self.rendered.get()
    let text = normalised(try PDFText.pages(pdf).joined(separator: "\n"))
    for literal in ["<b>bold</b>", "&amp;", "100%", "{braces}", #"back\slash"#, "<i>x</i>", "&lt;"]
    {
      #expect(PDFText.count(literal, in: text) >= 4, "'\(literal)' not printed literally")
    }
    // Taken as markup, `<b>` would have made the word bold and vanished from the text.
    #expect(!text.contains("Markup bold & 100%"))
  }

  @Test func noCharacterIsMissingAFont() throws {
    let (result, _) = try Self.rendered.get()
    #expect(!result.error.contains("no installed font has"), "\(result.error)")
  }

  @Test func theLongWordBreaksInsideThePage() throws {
    let (_, pdf) = try Self.rendered.get()
    let (words, sizes) = try PDFText.words(pdf)
    #expect(!words.isEmpty)
    // The printable area: the page less 24 pt (header and footer sit in the margins).
    let outside = words.filter { w in
      guard let size = sizes[w.page] else { return true }
      return w.x0 < 24 || w.y0 < 24 || w.x1 > size.width - 24 || w.y1 > size.height - 24
    }
    #expect(
      outside.isEmpty,
      "outside the page: \(outside.prefix(3).map { "p\($0.page) \($0.text.prefix(30)) x1=\($0.x1)" })"
    )
    // 800 letters cannot fit one line: pieces of the word stand on several lines.
    let pieces = words.filter { $0.text.contains("abcdefghij") || $0.text.contains("klmnopqrst") }
    #expect(Set(pieces.map { Int($0.y0) }).count >= 4, "the long word did not break across lines")
  }

  @Test func emojiAndScriptsAreVectorGlyphsNotImages() throws {
    let (_, pdf) = try Self.rendered.get()
    let list = try run("pdfimages", ["-list", pdf])
    #expect(list.status == 0)
    // Two header lines, then one line per image.
    let images = list.output.split(separator: "\n").dropFirst(2)
    #expect(images.isEmpty, "raster images: \(images.prefix(3))")
  }

  /// A character no font covers is named on standard error and the run still succeeds.
  /// (U+E000 is not used: TeX Gyre fonts map it, so it is covered here.)
  @Test func uncoveredCharactersAreNamedInAWarning() throws {
    let section = Section(
      id: "uncovered", title: "Uncovered",
      blocks: [
        .paragraph("Unassigned \u{0378} and plane-15 private use \u{F0000} end of sample.")
      ])
    let (result, pdf) = try render([section], document: "uncovered")
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.error.contains("no installed font has"), "\(result.error)")
    #expect(result.error.contains("U+0378"))
    #expect(result.error.contains("U+F0000"))
    let text = normalised(try PDFText.pages(pdf).joined(separator: "\n"))
    #expect(text.contains("end of sample."))
  }

  /// An unbreakable word in a table cell must not squeeze the other columns until their text runs
  /// into it (`TableColumns.widths` cuts the widest minimum first).
  @Test func anUnbreakableWordInATableCellLeavesTheOtherColumnsReadable() throws {
    let labels = ["Focus area", "Skills required", "Interactions"]
    let section = Section(
      id: "wide-cell", title: "Wide Cell",
      blocks: [
        .roleTable(
          RoleTable(
            aspectHeader: "Aspect",
            rows: labels.enumerated().map { i, label in
              RoleRow(
                label: label,
                business: RichText(i == 0 ? Self.longText : "Short business text."),
                technical: "Short technical text.")
            }))
      ])
    let (result, pdf) = try render([section], document: "wide-cell")
    #expect(result.status == 0, "\(result.summary)")
    let (words, _) = try PDFText.words(pdf)
    let clashes = PDFText.overlaps(words)
    let text = squeezed(try PDFText.pages(pdf).joined(separator: "\n"))
    let garbled = (labels + [Self.longText]).filter { !text.contains(squeezed($0)) }.map {
      String($0.prefix(20))
    }
    #expect(clashes.isEmpty, "overlapping words: \(clashes.prefix(4))")
    #expect(garbled.isEmpty, "garbled in the text: \(garbled)")
  }
}
