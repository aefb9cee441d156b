import Foundation
import Testing

/// The author's speaker notes, slide text and `.no-slide` written in Markdown, through every
/// document of the shipped config: notes only in the facilitator's guide.
@Suite struct SpeakerNotesTests {
  static let noteWord = "zorblaxian"
  static let slideWord = "quillfeathered"
  /// The title of the section marked `.no-slide`.
  static let hiddenTitle = "Who is a Business Product Manager and Who is a Technical"

  /// The shipped config over the built-in article exported as Markdown, with a `::: notes` and a
  /// `::: slide` div in one section and another section left out of the deck; every PDF's text
  /// by its path under the output folder.
  static func render() throws -> [String: String] {
    let dir = try temporaryDirectory("pmreport-notes")
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    let config = try String(contentsOfFile: root + "/pmreport.yml", encoding: .utf8)
      .replacingOccurrences(of: "# content: my-comparison.yml", with: "content: content.md  #")
    let exported = try runPMReport(["export-content", "--format", "markdown"], in: dir)
    #expect(exported.status == 0, "\(exported.error)")
    let markdown = exported.output
      .replacingOccurrences(
        of: "{#main-difference}\n",
        with: "{#main-difference}\n\n::: notes\nOpen with the \(noteWord) story.\n:::\n\n"
          + "::: slide\nThe \(slideWord) difference.\n:::\n"
      )
      .replacingOccurrences(of: "{#who-is-who}", with: "{#who-is-who .no-slide}")
    #expect(markdown.contains(noteWord) && markdown.contains(".no-slide"))
    try markdown.write(toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    try config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--output", dir + "/out"], in: dir, timeout: 600)
    #expect(result.status == 0, "\(result.error)")
    var texts: [String: String] = [:]
    let out = dir + "/out/pdf"
    let files = FileManager.default.enumerator(atPath: out)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".pdf") {
      texts[file] = normalised(try run("pdftotext", [out + "/" + file, "-"]).output)
    }
    return texts
  }

  @Test func notesAreInTheGuideOnlyAndSlideTextAndNoSlideShapeTheDeck() throws {
    let texts = try Self.render()
    #expect(texts.count >= 10, "every document of the shipped config: \(texts.keys.sorted())")
    let withNotes = texts.filter { $0.value.lowercased().contains(Self.noteWord) }.keys
    #expect(Array(withNotes) == ["facilitator-guide.pdf"])
    let deck = try #require(texts["slides.pdf"])
    #expect(deck.contains(Self.slideWord))
    #expect(!deck.contains(Self.hiddenTitle))
    #expect(texts["full-report.pdf"]?.contains(Self.hiddenTitle) == true)
    #expect(texts["full-report.pdf"]?.contains(Self.slideWord) == false)
  }
}
