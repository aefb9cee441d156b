import Foundation
import Testing

/// Worksheets and answer keys rendered and read back.
@Suite struct WorksheetTests {
  static let config = """
    documents:
      - name: sheet
        kind: worksheet
        exercises:
          - {kind: who-does-it, items: 6}
          - {kind: whose-strength, items: 4}
          - {kind: recall, items: 2}
          - {kind: reflect, items: 1}
        prompts: [Name one habit you will change.]
      - name: key
        kind: answer-key
        key-for: sheet

    """

  /// Renders the worksheet and its key into a fresh folder and returns each one's text.
  static func render(_ extra: [String] = []) throws -> (sheet: String, key: String) {
    let dir = try temporaryDirectory("pmreport-worksheet")
    try config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--output", dir + "/out"] + extra, in: dir)
    #expect(result.status == 0, "\(result.error)")
    let check = try run("qpdf", ["--check", dir + "/out/pdf/key.pdf"])
    #expect(check.status == 0, "\(check.output)")
    return (
      try PDFText.pages(dir + "/out/pdf/sheet.pdf").joined(separator: "\n"),
      try PDFText.pages(dir + "/out/pdf/key.pdf").joined(separator: "\n")
    )
  }

  /// The numbered items of the first exercise, "1." to "6.", in reading order.
  static func firstItems(_ text: String) -> [String] {
    let flat = normalised(text)
    return (1...6).compactMap { n -> String? in
      guard let start = flat.range(of: " \(n). ") else { return nil }
      let rest = flat[start.upperBound...]
      return String(rest.prefix(25))
    }
  }

  @Test func theKeyShowsTheSheetsItemsInOrderWithTheAnswers() throws {
    let (sheet, key) = try Self.render()
    for text in [sheet, key] {
      #expect(text.contains("Who does it?"))
      #expect(text.contains("Tick the role that each statement describes."))
      #expect(text.contains("Name one habit you will change."))
    }
    #expect(sheet.contains("Name"))
    #expect(sheet.contains("Worksheet"))
    #expect(key.contains("Answer Key"))
    let sheetItems = Self.firstItems(sheet)
    #expect(sheetItems.count == 6)
    #expect(sheetItems == Self.firstItems(key), "the key lists the sheet's items in its order")
    // The key names a role after each tick-box item; the sheet never does.
    #expect(normalised(key).components(separatedBy: "\u{2014} Business PM").count > 1)
    #expect(!normalised(sheet).contains("\u{2014} Business PM"))
    #expect(!normalised(sheet).contains("\u{2014} Technical PM"))
    #expect(key.contains("Answers will vary."))
  }

  @Test func seedChangesTheOrderAndTheSameSeedKeepsIt() throws {
    let first = try Self.render()
    let again = try Self.render()
    let other = try Self.render(["--seed", "99"])
    #expect(Self.firstItems(first.sheet) == Self.firstItems(again.sheet))
    #expect(Self.firstItems(first.sheet) != Self.firstItems(other.sheet))
    #expect(Self.firstItems(other.sheet) == Self.firstItems(other.key))
  }
}
