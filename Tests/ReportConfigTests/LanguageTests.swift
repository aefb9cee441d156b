import ReportModel
import Testing

@testable import ReportConfig

/// `metadata.lang` and `words:` in pmreport.yml.
@Suite struct LanguageTests {
  private func load(_ text: String) throws -> ReportSettings {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("pmreport.yml", text)
    return try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs()
    ).settings
  }

  @Test func theLanguageDefaultsToEnglishAndIsReadInItsUsualCase() throws {
    #expect(try load("dpi: 100\n").metadata.lang == "en")
    #expect(try load("metadata:\n  title: T\n").metadata.lang == "en")
    #expect(try load("metadata:\n  lang: de\n").metadata.lang == "de")
    #expect(try load("metadata:\n  lang: EN-gb\n").metadata.lang == "en-GB")
    #expect(try load("metadata:\n  lang: sr-latn-rs\n").metadata.lang == "sr-Latn-RS")
    #expect(try load("metadata:\n  lang: es-419\n").metadata.lang == "es-419")
    let german = try load("metadata:\n  lang: de-AT\n")
    #expect(german.words[.contents] == "Inhalt")
  }

  @Test func aMalformedLanguageIsAnErrorAtItsValue() throws {
    let cases: [(String, String)] = [
      ("english", "did you mean 'en'?"),
      ("en_GB", "did you mean 'en-GB'?"),
      ("e", "expected a BCP 47 tag like 'en', 'de' or 'en-GB'"),
      ("en-GB-x", "not a language tag"),
      ("'12'", "not a language tag"),
    ]
    for (value, expected) in cases {
      let errors = try configErrors("metadata:\n  title: T\n  lang: \(value)\n")
      #expect(errors.count == 1, "\(value)")
      let error = try #require(errors.first)
      #expect(error.message.contains(expected), "\(value): \(error.message)")
      #expect(error.line == 3 && error.column == 9, "\(value)")
      #expect(error.keyPath == "metadata.lang")
    }
  }

  @Test func wordsOverrideTheShippedOnesByKey() throws {
    let settings = try load(
      """
      metadata: {lang: de}
      words:
        contents: Inhaltsverzeichnis
        page-of: "S. {page}/{pages}"
      """)
    #expect(
      settings.wordOverrides == [.contents: "Inhaltsverzeichnis", .pageOf: "S. {page}/{pages}"])
    #expect(settings.words[.contents] == "Inhaltsverzeichnis")
    #expect(settings.words.pageOf(1, 4) == "S. 1/4")
    #expect(settings.words[.strengths] == "Stärken")
    #expect(try load("dpi: 100\n").words == Words.english)
  }

  @Test func anUnknownWordKeyIsAnErrorWithASuggestion() throws {
    let errors = try configErrors("words:\n  contents: Index\n  page-off: \"{page}\"\n")
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(error.message.contains("unknown key 'page-off'"))
    #expect(error.message.contains("did you mean 'page-of'?"))
    #expect(error.line == 3 && error.column == 3)
  }

  @Test func wordsMustBeTextWithOnlyTheirOwnPlaceholders() throws {
    let errors = try configErrors(
      """
      words:
        page-of: "p. {page}/{pags}"
        risks: "Risks {page}"
        contents: ""
        both: [a, b]
      """)
    let messages = errors.map(\.message)
    #expect(errors.count == 4, "\(messages)")
    #expect(
      messages.contains {
        $0.contains("unknown placeholder '{pags}' in words.page-of; did you mean '{page")
      })
    #expect(messages.contains { $0.contains("'{page}' in words.risks; this word takes none") })
    #expect(messages.contains { $0.contains("words.contents must not be empty") })
    #expect(messages.contains { $0.contains("expected text, found") })
    #expect(errors.map(\.line) == [2, 3, 4, 5])
  }
}

/// A `words:` key pmreport no longer prints.
@Suite struct RetiredWordTests {
  @Test func faqIsAcceptedWithAWarningAtItsKey() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("pmreport.yml", "words:\n  contents: Index\n  faq: Questions\n")
    let loaded = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    #expect(loaded.settings.wordOverrides == [.contents: "Index"])
    #expect(loaded.warnings.count == 1)
    let warning = try #require(loaded.warnings.first)
    #expect(warning.message == "no longer used: pmreport prints no word by this key; remove it")
    #expect(warning.line == 3 && warning.keyPath == "words.faq")
    // The run prints what `validate` returns.
    let problems = ConfigLoader.validate(loaded, against: try ConfigLoader.builtInContent())
    #expect(problems.contains(warning))
  }
}
