import Foundation
import ReportConfig
import ReportModel
import Testing

/// What a deck and its guide take from the config and the content: one copy for the room, the
/// sections a `sections:` class chooses, short titles, a placed error for a short session, the
/// handouts to print by their titles, and every word in the project's language.
@Suite struct SlideDeckRulesTests {
  /// Renders `config` in a fresh folder (the built-in content): the folder and the run.
  static func render(_ config: String, _ arguments: [String] = []) throws -> (
    dir: String, run: ExecutableRun
  ) {
    let dir = try projectFolder("pmreport-deck-rules", config: config)
    return (dir, try runPMReport(["--output", dir + "/out"] + arguments, in: dir))
  }

  /// Renders `config` (after `content: content.md`) with `content` as content.md.
  static func render(content: String, config: String) throws -> (dir: String, run: ExecutableRun) {
    let dir = try projectFolder("pmreport-deck-content", config: "content: content.md\n" + config)
    try content.write(toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    return (dir, try runPMReport(["--output", dir + "/out"], in: dir))
  }

  /// A content file's front matter: `title` and the first `roles` of Alpha, Beta, Gamma, Delta.
  static func frontMatter(_ title: String, roles: Int) -> String {
    let names = ["Alpha", "Beta", "Gamma", "Delta"].prefix(roles)
    let lines = names.map {
      "  - {id: \($0.lowercased()), name: \($0), short-name: \($0.prefix(1))}"
    }
    return (["---", "title: \(title)", "roles:"] + lines + ["---", ""]).joined(separator: "\n")
  }

  /// A deck and its guide.
  static let deckAndGuide = """
    documents:
      - name: deck
        kind: slides
      - name: guide
        kind: facilitator-guide

    """

  @Test(arguments: ["slides", "facilitator-guide"])
  func aPersonalisedDeckOrGuideIsAnErrorAtItsKey(_ kind: String) throws {
    let config = Self.deckAndGuide
    // After the entry's `kind:` line: 1-based, the fourth line or the sixth.
    let line = kind == "slides" ? 3 : 5
    var lines = config.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.insert("    personalised: true", at: line)
    let (_, run) = try Self.render(lines.joined(separator: "\n"))
    #expect(run.status == 65, "\(run.error)")
    #expect(run.error.contains("pmreport.yml:\(line + 1):19: error:"), "\(run.error)")
    #expect(
      run.error.contains("documents[\(kind == "slides" ? 0 : 1)].personalised"), "\(run.error)")
    #expect(run.error.contains("cannot be personalised"), "\(run.error)")
  }

  @Test func aSectionClassChoosesTheFAQForTheDeck() throws {
    let (dir, run) = try Self.render(
      "documents:\n  - name: deck\n    kind: slides\n    sections: [.faq]\n")
    #expect(run.status == 0, "\(run.error)")
    let slides = normalised(try PDFText.pages(dir + "/out/pdf/deck.pdf").joined(separator: "\n"))
    let questions = try Comparison.builtIn.faqEntries.map(\.question)
    #expect(!questions.isEmpty)
    for question in questions {
      let start = normalised(question).split(separator: " ").prefix(4).joined(separator: " ")
      #expect(slides.contains(start), "the FAQ question '\(question)' is on no slide")
    }
  }

  @Test func aTooShortSessionIsAnErrorAtItsMinutes() throws {
    let (_, run) = try Self.render(Self.deckAndGuide + "    session-minutes: 2\n")
    #expect(run.status == 65, "\(run.error)")
    #expect(run.error.contains("pmreport.yml:6:22: error:"), "\(run.error)")
    #expect(run.error.contains("session-minutes 2"), "\(run.error)")
  }

  @Test func theAgendaAndThePlanUseShortTitles() throws {
    let content =
      Self.frontMatter("Two roles", roles: 2) + """

        ## What each of the two roles does on an ordinary working day, in detail {#daily short="Daily work"}

        Alpha plans; Beta builds.

        """
    let (dir, run) = try Self.render(content: content, config: Self.deckAndGuide)
    #expect(run.status == 0, "\(run.error)")
    let slides = try PDFText.pages(dir + "/out/pdf/deck.pdf").map(normalised)
    try #require(slides.count > 1)
    let agenda = slides[1]
    #expect(agenda.contains("Daily work"), "\(agenda)")
    #expect(!agenda.contains("ordinary working day"), "\(agenda)")
    let guide = normalised(try PDFText.pages(dir + "/out/pdf/guide.pdf").joined(separator: " "))
    #expect(guide.contains("Daily work:"), "the plan's row names the short title")
  }

  /// A Spanish project of three roles made by `init`, with a deck and a guide added: the guide
  /// lists the handouts by their titles, one answer key and a certificate a participant, and no
  /// word of the deck or the guide is an English word outside Spanish (wspanish lists lemmas
  /// only: a Spanish form it lacks is no English word; "min" is the unit's symbol).
  @Test func aSpanishDeckAndGuideSpeakSpanishAndCountTheHandouts() throws {
    let dir = try temporaryDirectory("pmreport-deck-es")
    let names = try #require(InitLanguageTests.roles["es"])
    let created = try runPMReport(
      ["init", "p", "--lang", "es"] + names.flatMap { ["--role", $0] }, in: dir)
    #expect(created.status == 0, "\(created.summary)")
    let folder = dir + "/p"
    let config = try String(contentsOfFile: folder + "/pmreport.yml", encoding: .utf8)
    let documents = config.split(separator: "\n").filter { $0.hasPrefix("  - name:") }.count
    try
      (config + """

          - name: worksheet-x
            kind: worksheet
          - name: key-x
            kind: answer-key
            key-for: worksheet-x
          - name: certificate-x
            kind: certificate
          - name: deck-x
            kind: slides
            quiz-for: worksheet-x
          - name: guide-x
            kind: facilitator-guide
            participants: 20

        """).write(toFile: folder + "/pmreport.yml", atomically: true, encoding: .utf8)
    #expect(documents > 0)
    let built = try runPMReport(
      ["--document", "deck-x", "--document", "guide-x", "--format", "pdf"], in: folder)
    #expect(built.status == 0, "\(built.summary)")
    let list = try LanguageWordList(language: "es")
    let english = try LanguageWordList(language: "en")
    let content = try ConfigLoader.loadContent(path: folder + "/content.md", inputs: Inputs())
    let allowed = Set(
      content.roles.flatMap { LanguageWordList.tokens($0.name + " " + $0.shortName) }
        .map(LanguageWordList.normal))
    var foreign: [String: Set<String>] = [:]
    for name in ["deck-x", "guide-x"] {
      let text = try PDFText.pages(folder + "/Output/pdf/\(name).pdf").joined(separator: "\n")
      for word in LanguageWordList.tokens(text)
      where !list.accepts(word, allowed: allowed) && english.accepts(word, allowed: [])
        && word != "min"
      {
        foreign[name, default: []].insert(word)
      }
    }
    #expect(foreign.isEmpty, "\(foreign.mapValues { $0.sorted() })")
    let guide = normalised(
      try PDFText.pages(folder + "/Output/pdf/guide-x.pdf").joined(separator: " "))
    // 20 participants: 22 copies of a handout, one answer key, 20 certificates.
    #expect(guide.contains(": una copia, para el formador"), "\(guide)")
    #expect(guide.contains(": 20 copias"), "\(guide)")
    #expect(guide.contains(": 22 copias"), "\(guide)")
    #expect(!guide.contains("worksheet-x"), "\(guide)")
  }

  /// Four roles, a role-table cell of about 600 characters (a who-does-it item) and a section
  /// title far too long for a line: every word stays above the footer band and on the slide.
  @Test func aLongStatementAndALongTitleStayOnTheirSlides() throws {
    let statement = Array(
      repeating: "Keeps the shared plan current and tells everyone what changed.", count: 10
    ).joined(separator: " ")
    let title = Array(repeating: "Who answers for which part of the work", count: 8)
      .joined(separator: " and ")
    let content =
      Self.frontMatter("Four roles", roles: 4) + """

        # \(title) {.paired}

        | Aspect | Alpha | Beta | Gamma | Delta |
        |---|---|---|---|---|
        | Plan | \(statement) | Builds. | Tests. | Ships. |

        # \(title), again

        Only prose here.

        """
    let config = """
      documents:
        - name: sheet
          kind: worksheet
          exercises:
            - {kind: who-does-it, items: 4}
        - name: deck
          kind: slides
          title: \(title)

      """
    let (dir, run) = try Self.render(content: content, config: config)
    #expect(run.status == 0, "\(run.error)")
    let deck = dir + "/out/pdf/deck.pdf"
    let (words, sizes) = try PDFText.words(deck)
    let bodyBottom = 540.0 - 12 * 3
    var problems: [String] = []
    for word in words {
      let size = sizes[word.page] ?? (0, 0)
      if word.x0 < 0 || word.y0 < 0 || word.x1 > size.width || word.y1 > size.height {
        problems.append("p\(word.page) '\(word.text)' off the slide")
      }
      // The footer's words start in the footer band; any other word ends above it.
      if word.y0 < bodyBottom, word.y1 > bodyBottom + 0.5 {
        problems.append("p\(word.page) '\(word.text)' below the body (\(word.y1))")
      }
    }
    #expect(problems.isEmpty, "\(problems.prefix(10))")
    #expect(PDFText.overlaps(words).isEmpty)
    // The footer's deck title is shortened at a word, with an ellipsis.
    let pages = try PDFText.pages(deck).map(normalised)
    try #require(pages.count > 3)
    #expect(
      pages[2].contains("Who answers for which part") && pages[2].contains("…"), "\(pages[2])")
  }

  /// The shipped charts fit their slides with labels at the chart-label size: no warning.
  @Test func everyShippedChartFitsItsSlide() throws {
    let (_, run) = try Self.render("documents:\n  - name: deck\n    kind: slides\n")
    #expect(run.status == 0, "\(run.error)")
    #expect(!run.error.contains("warning"), "\(run.error)")
  }
}
