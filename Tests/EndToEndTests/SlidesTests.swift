import Foundation
import Geometry
import ReportModel
import Testing

/// A deck and its facilitator's guide rendered from the built-in content and read back.
@Suite struct SlidesTests {
  /// The worksheet and key of ``WorksheetTests``, a deck and its guide.
  static let config =
    WorksheetTests.config + """
        - name: deck
          kind: slides
          open-full-screen: true
        - name: guide
          kind: facilitator-guide
          session-minutes: 75
          participants: 12

      """

  /// Renders the config into a fresh folder: its folder and the run's standard error.
  static func render() throws -> (dir: String, error: String) {
    let dir = try temporaryDirectory("pmreport-slides")
    try config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--output", dir + "/out"], in: dir)
    #expect(result.status == 0, "\(result.error)")
    return (dir, result.error)
  }

  static let rendered = Result { try render() }

  static func pdf(_ name: String) throws -> String {
    try rendered.get().dir + "/out/pdf/\(name).pdf"
  }

  @Test func everyRowListItemChartAndQuestionIsOnASlide() throws {
    let slides = normalised(try PDFText.pages(try Self.pdf("deck")).joined(separator: "\n"))
    let content = try Comparison.builtIn
    var missing: [String] = []
    func expect(_ text: String) {
      let words = normalised(text).split(separator: " ").prefix(4).joined(separator: " ")
      if !slides.contains(words) { missing.append(words) }
    }
    for table in content.roleTables {
      for row in table.rows {
        expect(row.label)
        for cell in row.cells { expect(cell.text.plain) }
      }
    }
    for section in content.allSections {
      for block in section.blocks {
        switch block {
        case .labelledList(let items):
          for item in items { expect(item.label + ": " + item.text.plain) }
        case .list(let list):
          for blocks in list.items {
            if case .paragraph(let text) = blocks.first { expect(text.plain) }
          }
        default: continue
        }
      }
    }
    for entry in content.faqEntries { expect(entry.question) }
    for chart in content.charts() { expect(chart.title) }
    #expect(missing.isEmpty, "not on any slide: \(missing)")
  }

  @Test func quizSlidesMatchTheWorksheetItemForItem() throws {
    let sheet = normalised(try PDFText.pages(try Self.pdf("sheet")).joined(separator: " "))
    let pages = try PDFText.pages(try Self.pdf("deck")).map(normalised)
    let quiz = pages.filter { $0.hasPrefix("Who does it?") }
    #expect(quiz.count == 12, "a slide and its answer slide for each of the 6 items")
    for (index, pair) in stride(from: 0, to: quiz.count, by: 2).enumerated() {
      let question = quiz[pair]
      let answer = quiz[pair + 1]
      #expect(!question.contains("Answer:"))
      #expect(answer.contains("Answer:"))
      // The statement: the text after the title, before the roles' names.
      let statement = String(question.dropFirst("Who does it? ".count).prefix(30))
      #expect(answer.contains(statement))
      guard let at = sheet.range(of: " \(index + 1). ") else {
        Issue.record("item \(index + 1) is not on the worksheet")
        continue
      }
      #expect(
        sheet[at.upperBound...].hasPrefix(statement),
        "slide \(index + 1) shows the worksheet's item \(index + 1)")
    }
  }

  @Test func thePlansMinutesSumToTheSessionAndEachGroupHasOne() throws {
    let guide = normalised(try PDFText.pages(try Self.pdf("guide")).joined(separator: " "))
    let minutes = guide.matches(of: /(\d+) min \(slides/).map { Int($0.output.1)! }
    #expect(minutes.count >= 5)
    #expect(minutes.reduce(0, +) == 75)
    #expect(minutes.allSatisfy { $0 >= 1 })
    #expect(guide.contains("75 min in all"))
    // 12 participants and one spare in ten: 14 copies of each handout, named by its title; one
    // answer key, for the trainer.
    #expect(guide.contains("Worksheet: 14 copies"), "\(guide)")
    #expect(guide.contains("Answer Key: one copy, for the trainer"), "\(guide)")
    #expect(!guide.contains(" sheet: 14 copies"), "the config id is not printed")
  }

  @Test func noSlideTextIsUnderItsFloorOrOutsideTheSlide() throws {
    let (words, sizes) = try PDFText.words(try Self.pdf("deck"))
    let pages = try PDFText.pages(try Self.pdf("deck")).map(normalised)
    let chartTitles = try Comparison.builtIn.charts().map(\.title)
    let error = try Self.rendered.get().error
    var problems: [String] = []
    for word in words {
      let size = sizes[word.page] ?? (0, 0)
      if word.x0 < 0 || word.y0 < 0 || word.x1 > size.width || word.y1 > size.height {
        problems.append("p\(word.page) '\(word.text)' outside the slide")
      }
      // A word box is about 1.36 times the type size (Noto Sans' ascent and descent).
      let points = (word.y1 - word.y0) / 1.362
      if word.y0 > size.height - 40 { continue }  // the footer: 12 pt allowed
      // Symbols (arrows) come from fallback fonts whose boxes are of another height.
      guard word.text.contains(where: \.isLetter) else { continue }
      let chart = chartTitles.first { pages[word.page - 1].hasPrefix($0) }
      if let chart {
        // A chart too tall for its slide is drawn smaller, with a warning naming it.
        let shrunk =
          error.contains("chart '") && error.contains("drawn at")
          && pages[word.page - 1].hasPrefix(chart) && !Self.unshrunk(chart, error)
        if points < 15.9, !shrunk {
          problems.append("p\(word.page) chart '\(word.text)' \(points) pt")
        }
      } else if points < 23.9 {
        problems.append("p\(word.page) '\(word.text)' \(points) pt")
      }
    }
    #expect(problems.isEmpty, "\(problems.prefix(10))")
    #expect(PDFText.overlaps(words).isEmpty)
  }

  /// Whether the chart titled `title` was drawn at full size (no warning names its id).
  static func unshrunk(_ title: String, _ error: String) -> Bool {
    guard let chart = try? Comparison.builtIn.charts().first(where: { $0.title == title }) else {
      return true
    }
    return !error.contains("chart '\(chart.id)' is drawn at")
  }

  @Test func theDeckOpensFullScreenAndTagsEachTitleAsAHeading() throws {
    func objects(_ pdf: String) throws -> String {
      try run("qpdf", ["--qdf", "--object-streams=disable", pdf, "-"]).output
    }
    let deck = try objects(try Self.pdf("deck"))
    #expect(deck.contains("/PageMode /FullScreen"))
    #expect(!(try objects(try Self.pdf("guide"))).contains("/FullScreen"))
    let check = try run("qpdf", ["--check", try Self.pdf("deck")])
    #expect(check.status == 0, "\(check.output)")
    #expect(deck.components(separatedBy: "/S /H1").count > 50)
    #expect(deck.contains("/S /Figure"))
    #expect(deck.contains("/S /LI"))
  }

  @Test func contrastFollowsTheWCAGFormula() {
    #expect(abs(Color.black.contrast(with: .white) - 21) < 0.001)
    #expect(abs(Color(rgb: 0x777777).contrast(with: .white) - 4.48) < 0.01)
    #expect(Color.requiredContrast(forTextOf: 23.9) == 4.5)
    #expect(Color.requiredContrast(forTextOf: 24) == 3)
  }

  @Test func anAuthorsColourPairUnderTheContrastIsAnErrorNamingBoth() throws {
    let dir = try temporaryDirectory("pmreport-contrast")
    try "documents:\n  - name: deck\n    kind: slides\n    style: Styles/pale.yml\n"
      .write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: dir + "/Styles", withIntermediateDirectories: true)
    try "slides:\n  background: \"#ffffff\"\n  text: \"#999999\"\n"
      .write(toFile: dir + "/Styles/pale.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--output", dir + "/out"], in: dir)
    #expect(result.status == 65)
    #expect(result.error.contains("slides.text #999999"), "\(result.error)")
    #expect(result.error.contains("pale.yml:3:"), "\(result.error)")
    #expect(result.error.contains("on slides.background #ffffff"), "\(result.error)")
    #expect(result.error.contains("pale.yml:2:"), "\(result.error)")
    #expect(result.error.contains("4.5:1"), "\(result.error)")
  }

  @Test(arguments: ["classic", "compact", "large-print", "modern", "print-bw"])
  func everyShippedStyleMeetsTheContrastOnSlides(_ style: String) throws {
    let dir = try temporaryDirectory("pmreport-shipped-contrast")
    try "documents:\n  - name: deck\n    kind: slides\n    sections: [faq]\n"
      .write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--output", dir + "/out", "--style", style], in: dir)
    #expect(result.status == 0, "\(result.error)")
    #expect(!result.error.contains("contrast"))
  }
}
