import ReportModel
import Testing

/// The words pmreport prints, by language, and their templates.
@Suite struct WordsTests {
  @Test func eachShippedLanguageHasItsWords() {
    let german = Words(language: "de")
    #expect(german[.contents] == "Inhalt")
    #expect(german.pageOf(3, 12) == "Seite 3 von 12")
    #expect(german[.strengths] == "Stärken")
    #expect(german[.risks] == "Risiken")
    #expect(german.date(day: 26, month: 3, year: 2026) == "26. März 2026")
    let french = Words(language: "fr-CA")
    #expect(french[.contents] == "Sommaire")
    #expect(french.pageOf(3, 12) == "page 3 sur 12")
    #expect(french[.strengths] == "Points forts")
    #expect(french.date(day: 1, month: 8, year: 2025) == "1 août 2025")
    let spanish = Words(language: "es")
    #expect(spanish[.contents] == "Índice")
    #expect(spanish.pageOf(3, 12) == "página 3 de 12")
    #expect(spanish[.risks] == "Riesgos")
    #expect(spanish.date(day: 5, month: 12, year: 2024) == "5 de diciembre de 2024")
  }

  @Test func englishIsWhatPmreportPrintedBefore() {
    let english = Words.english
    #expect(english.pageOf(1, 9) == "page 1 of 9")
    #expect(english.date(day: 14, month: 11, year: 2023) == "14 November 2023")
    #expect(english.fill(.onlyCount, ["count": "4"]) == "4 only")
    #expect(english.fill(.radarRings, ["max": "5"]) == "Rings mark scores 1–5")
    // An unknown language, or a region, takes its language's table or English.
    #expect(Words(language: "sv") == Words.english)
    #expect(Words(language: "sv").language == "en")
    #expect(Words(language: "DE_at")[.contents] == "Inhalt")
    #expect(Words(language: "en-GB") == Words.english)
  }

  @Test func everyShippedTableHasEveryKeyAndOnlyItsPlaceholders() {
    for language in Words.shippedLanguages {
      let words = Words(language: language)
      #expect(words.language == language)
      for key in Words.Key.allCases {
        #expect(!words[key].isEmpty, "\(language) \(key)")
        #expect(
          Set(Words.placeholders(in: words[key])) == Set(key.placeholders),
          "\(language) \(key.rawValue): \(words[key])")
      }
    }
    #expect(Words.shippedLanguages == ["de", "en", "es", "fr"])
  }

  @Test func overridesReplaceShippedWordsAndTemplatesFillInAnyOrder() {
    let words = Words(
      language: "de", overrides: [.contents: "Inhaltsverzeichnis", .pageOf: "{pages}/{page}"])
    #expect(words[.contents] == "Inhaltsverzeichnis")
    #expect(words.pageOf(2, 7) == "7/2")
    #expect(words[.risks] == "Risiken")
    // Braces that are not a known placeholder stay as written.
    #expect(Words.fill("{page} {x} {", ["page": "1"]) == "1 {x} {")
    #expect(Words.placeholders(in: "p. {page}/{pages} {} {a b}") == ["page", "pages"])
  }
}
