import Foundation
import Testing

/// A section with its own language (`lang=`) is punctuated by that language's rules, not the
/// document's, its subsections too; the Spanish opening-mark warning reads Spanish sections only.
@Suite struct SectionLanguagePunctuationTests {
  typealias Punctuated = PunctuationEndToEndTests

  /// The report of `markdown` in `lang`: its text and its words as poppler reads them, and the
  /// run's warnings.
  static func report(_ markdown: String, lang: String) throws -> (
    text: String, words: [PDFWord], warnings: [String]
  ) {
    let (files, texts, warnings) = try Punctuated.render(
      markdown, documents: "  - {name: report, kind: report}\n", lang: lang)
    let words = try PDFText.words(try #require(files["report"])).words
    return (try #require(texts["report"]), words, warnings)
  }

  @Test func anEnglishSectionOfAFrenchDocumentIsSetAsWritten() throws {
    let markdown = """
      # Mission

      Le rôle : apprendre. Pourquoi ?

      # Glossary {lang=en}

      It says "hello": why? Yes!

      ## Terms

      A subsection: really?
      """
    let (text, words, _) = try Self.report(markdown, lang: "fr")
    // No space before the marks, straight quotes kept, in the section and its subsection.
    #expect(text.contains("It says \"hello\": why? Yes!"))
    for word in ["why?", "Yes!", "subsection:", "really?"] {
      #expect(words.contains { $0.text == word }, "\(word)")
    }
    // The French section keeps its rules.
    #expect(Punctuated.isNarrow(Punctuated.gap(before: "?", after: "Pourquoi", in: words)))
  }

  @Test func aFrenchSectionOfAnEnglishDocumentIsSetTheFrenchWay() throws {
    let markdown = """
      # Task

      It says: why?

      # Mission {lang=fr}

      Pourquoi ? Parce que! Il dit "bonjour".

      ## Détails

      Le sous-titre: vraiment?
      """
    let words = try Self.report(markdown, lang: "en").words
    #expect(words.contains { $0.text == "says:" } && words.contains { $0.text == "why?" })
    #expect(Punctuated.isNarrow(Punctuated.gap(before: "?", after: "Pourquoi", in: words)))
    #expect(Punctuated.isNarrow(Punctuated.gap(before: "!", after: "que", in: words)))
    #expect(words.contains { $0.text == "«" } && words.contains { $0.text == "»." })
    #expect(!words.contains { $0.text.contains("\"") })
    // The subsection inherits the language.
    #expect((Punctuated.gap(before: ":", after: "sous-titre", in: words) ?? 0) > 0.15)
    #expect(Punctuated.isNarrow(Punctuated.gap(before: "?", after: "vraiment", in: words)))
  }

  @Test func theOpeningMarkWarningReadsSpanishSectionsOnly() throws {
    let spanish = """
      # Tareas

      ¿Qué hace? Qué decide el analista?

      # Glossary {lang=en}

      What does it do? Why?

      ## Terms

      Really?
      """
    let inSpanish = try Self.report(spanish, lang: "es").warnings.filter { $0.contains("¿") }
    #expect(inSpanish.count == 1)
    #expect(inSpanish.first?.contains("Qué decide el analista?") == true)
    let english = """
      # Task

      What does it do?

      # Tareas {lang=es}

      Qué decide el analista?

      ## Detalles

      Y luego qué?
      """
    let inEnglish = try Self.report(english, lang: "en").warnings.filter { $0.contains("¿") }
    #expect(inEnglish.count == 2)
    #expect(inEnglish.contains { $0.contains("Qué decide el analista?") })
    #expect(inEnglish.contains { $0.contains("Y luego qué?") })
  }
}
