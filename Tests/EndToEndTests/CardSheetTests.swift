import Foundation
import ReportModel
import Testing

/// Role cards as cut-out cards, four to a sheet.
@Suite struct CardSheetTests {
  static let margin = 10 * 72 / 25.4

  /// Renders the role cards of the built-in content with `sections` added; returns the run, the
  /// PDF's path and its words.
  static func render(adding sections: [Section], copies: Int = 1) throws -> (
    ExecutableRun, String, [PDFWord]
  ) {
    let dir = try temporaryDirectory("pmreport-cards")
    try ContentFixture.yaml(adding: sections).write(
      toFile: dir + "/content.yml", atomically: true, encoding: .utf8)
    try "documents:\n  - name: cards\n    kind: role-cards\n    copies: \(copies)\n".write(
      toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(
      ["--content", "content.yml", "--output", dir + "/out", "--document", "cards"], in: dir)
    let pdf = dir + "/out/pdf/cards.pdf"
    return (result, pdf, (try? PDFText.words(pdf).words) ?? [])
  }

  /// Whether a word lies inside one of the four cards of an A4 sheet.
  static func insideACard(_ word: PDFWord) -> Bool {
    let width = (595.28 - 2 * margin) / 2
    let height = (841.89 - 2 * margin) / 2
    return [0.0, 1].contains { column in
      [0.0, 1].contains { row in
        let x = margin + column * width
        let y = margin + row * height
        return word.x0 >= x - 0.5 && word.x1 <= x + width + 0.5 && word.y0 >= y - 0.5
          && word.y1 <= y + height + 0.5
      }
    }
  }

  @Test func twoRolesTwiceFillOneSheetWithTheirCards() throws {
    let (result, pdf, words) = try Self.render(adding: [], copies: 2)
    #expect(result.status == 0, "\(result.error)")
    let pages = try PDFText.pages(pdf)
    #expect(pages.count == 1)
    #expect(pages[0].components(separatedBy: "Focus:").count - 1 == 4)
    #expect(pages[0].components(separatedBy: "Business Product Managers prioritize").count - 1 == 2)
    #expect(words.allSatisfy(Self.insideACard))
    #expect(try run("qpdf", ["--check", pdf]).status == 0)
  }

  @Test func aCardThatWouldOverflowShrinksThenLeavesItemsOutWithANote() throws {
    let many = Section(
      id: "endless-strengths", role: "business", kind: .strengths, title: "Endless strengths",
      blocks: [
        .labelledList(
          (1...70).map {
            LabelledItem(label: "Strength number \($0) of a very long list", text: "x")
          })
      ])
    let (result, pdf, words) = try Self.render(adding: [many])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.contains("the card for Business Product Manager leaves out"))
    let text = normalised(try PDFText.pages(pdf).joined(separator: " "))
    #expect(text.contains("more in the handout"))
    #expect(text.contains("Strength number 1 of a very long list"))
    #expect(!text.contains("Strength number 70 of a very long list"))
    #expect(!words.isEmpty)
    let outside = words.filter { !Self.insideACard($0) }
    #expect(outside.isEmpty, "words over a card's edge: \(outside.map(\.text).prefix(5))")
  }
}
