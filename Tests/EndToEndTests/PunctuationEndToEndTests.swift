import Foundation
import PMReportKit
import Testing

/// Each language's punctuation in the documents themselves: a small French, German and Spanish
/// project rendered, its PDFs read back with pdftotext (no-break spaces kept), and the Spanish
/// warning for a question with no "¿".
@Suite struct PunctuationEndToEndTests {
  static let nbsp = "\u{00A0}"
  static let narrow = "\u{202F}"

  /// Collects a run's warnings as printed.
  final class Warnings: Reporter, @unchecked Sendable {
    var lines: [String] = []
    func report(_ event: RunEvent) {
      if case .warning(let warning) = event { lines.append(warning.line) }
    }
  }

  /// Renders `documents` of `markdown` (a `content.md`) in `lang` as PDF: each document's file,
  /// its text as pdftotext reads it (soft-hyphen breaks rejoined), and the run's warnings.
  static func render(_ markdown: String, documents: String, lang: String) throws -> (
    files: [String: String], texts: [String: String], warnings: [String]
  ) {
    let dir = try projectFolder(
      "pmreport-punctuation",
      config: "metadata: {lang: \(lang)}\ncontent: content.md\nformats: [pdf]\ndocuments:\n"
        + documents)
    try markdown.write(toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    let warnings = Warnings()
    let summary = try runProject(in: dir, reporter: warnings)
    var files: [String: String] = [:]
    var texts: [String: String] = [:]
    let folder = dir + "/Output/pdf"
    for file in try FileManager.default.contentsOfDirectory(atPath: folder)
    where file.hasSuffix(".pdf") {
      let name = String(file.dropLast(4))
      files[name] = folder + "/" + file
      texts[name] = try run("pdftotext", ["-enc", "UTF-8", folder + "/" + file, "-"]).output
        .replacingOccurrences(of: "\u{00AD}\n", with: "").replacingOccurrences(
          of: "\u{00AD}", with: "")
    }
    return (files, texts, warnings.lines + summary.warnings)
  }

  /// The text of `markdown` rendered as a report in `lang`.
  static func reportText(_ markdown: String, lang: String) throws -> String? {
    try render(markdown, documents: "  - {name: report, kind: report}\n", lang: lang)
      .texts["report"]
  }

  /// The space before `mark` after `word` (the first time one follows the other on a line), as a
  /// share of the line's height; nil when `mark` is not a word of its own there (pdftotext
  /// splits words at every space, no-break ones too, so a mark set tight is part of its word).
  static func gap(before mark: String, after word: String, in words: [PDFWord]) -> Double? {
    for (left, right) in zip(words, words.dropFirst())
    where left.text == word && right.text == mark && left.page == right.page
      && abs(left.y0 - right.y0) < 0.5
    {
      return (right.x0 - left.x1) / (left.y1 - left.y0)
    }
    return nil
  }

  /// A narrow no-break space is about 0.12 of a line's height in Noto; a word space 0.19, and
  /// no less than 0.15 shrunk in a justified line.
  static func isNarrow(_ gap: Double?) -> Bool { gap.map { $0 > 0.05 && $0 < 0.14 } ?? false }

  /// The characters the PDF's text maps glyphs to (its ToUnicode tables), as qpdf writes them.
  static func mappedCharacters(_ pdf: String) throws -> String {
    try run("qpdf", ["--qdf", "--object-streams=disable", pdf, "-"]).output
  }

  @Test func frenchSpacesBeforeMarksAndInsideGuillemets() throws {
    let markdown = """
      ---
      title: Rôles
      ---

      # Mission

      Le rôle : apprendre. Pourquoi ? Parce que! Il dit "bonjour" à 10:30; voir
      https://exemple.fr/page?x=1 et `a ? b`. Hausse de 45 %.

      - **Objectif:** comprendre.
      """
    let documents = """
        - {name: report, kind: report}
        - {name: worksheet, kind: worksheet, exercises: [{kind: reflect, items: 3}]}
      """
    let (files, texts, _) = try Self.render(markdown, documents: documents, lang: "fr")
    let report = try #require(texts["report"])
    let words = try PDFText.words(try #require(files["report"])).words
    // Guillemets for straight quotes; URLs and times as written.
    #expect(report.contains("« bonjour »") && !report.contains("\"bonjour\""))
    // (Pango may break a URL after a slash; its "?" stays where it was.)
    #expect(words.contains { $0.text.hasSuffix("page?x=1") })
    #expect(words.contains { $0.text == "10:30" })
    // A narrow no-break space before ? ! ; and % (an author's plain space or none at all).
    #expect(Self.isNarrow(Self.gap(before: "?", after: "Pourquoi", in: words)))
    #expect(Self.isNarrow(Self.gap(before: "!", after: "que", in: words)))
    #expect(Self.isNarrow(Self.gap(before: ";", after: "10:30", in: words)))
    #expect(Self.isNarrow(Self.gap(before: "%.", after: "45", in: words)))
    // A space before the colon, in the generated label separator too ("Objectif\u{00A0}:").
    #expect((Self.gap(before: ":", after: "Objectif", in: words) ?? 0) > 0.15)
    let mapped = try Self.mappedCharacters(try #require(files["report"]))
    #expect(mapped.contains("<00a0>") && mapped.contains("<202f>"))
    // The shipped French words follow the same rule.
    let sheet = try PDFText.words(try #require(files["worksheet"])).words
    #expect(Self.isNarrow(Self.gap(before: "?", after: "prochaine", in: sheet)))
  }

  @Test func germanQuotationMarks() throws {
    let markdown = "# Aufgabe\n\nEr sagt \"Hallo\" und meint 'Projekt'. So geht's: gut?\n"
    let report = try #require(try Self.reportText(markdown, lang: "de"))
    #expect(report.contains("„Hallo“"))
    #expect(report.contains("‚Projekt‘"))
    #expect(report.contains("So geht's: gut?"))
  }

  @Test func spanishQuotationMarksTheOpeningMarkWarningAndUnhyphenatedHeaders() throws {
    let filler = Array(repeating: "palabra", count: 5).joined(separator: " ")
    let markdown = """
      # Tareas

      | Aprendizaje Automático | Otra Columna Larga | Tercera |
      |---|---|---|
      | Uno dos tres | \(filler) | \(filler) |

      Dijo "hola". ¿Qué hace? Qué decide el analista?
      """
    let (files, texts, warnings) = try Self.render(
      markdown, documents: "  - {name: report, kind: report}\n", lang: "es")
    let report = try #require(texts["report"])
    #expect(report.contains("Dijo «hola»."))
    // Not edited, but warned about once, at the paragraph's line.
    #expect(report.contains("Qué decide el analista?"))
    let found = warnings.filter { $0.contains("¿") }
    #expect(found.count == 1)
    #expect(found.first?.contains("content.md:7: warning: \"Qué decide el analista?\"") == true)
    // A table header is never hyphenated (the column is narrow enough for "Automá-").
    let words = try PDFText.words(try #require(files["report"])).words
    #expect(words.contains { $0.text == "Automático" })
    #expect(!words.contains { $0.text.hasPrefix("Automá\u{00AD}") })
  }

  @Test func anAnswerKeyHoldsTheDashAndTheShortNameTogether() throws {
    let markdown = """
      ---
      title: Roles
      roles:
        - {id: ing, name: Ingeniero de Aprendizaje Automático, short-name: Ing. ML}
        - {id: dat, name: Analista de Datos, short-name: Analista}
      ---

      # Tareas {.paired}

      | Aspecto | Ingeniero de Aprendizaje Automático | Analista de Datos |
      |---|---|---|
      | Foco | Entrena y despliega modelos de aprendizaje automático en producción con cuidado. \
      | Explica lo que pasó con los datos del negocio y lo comunica. |
      | Herramientas | Usa Python, cuadernos y bibliotecas de aprendizaje automático a diario. \
      | Usa SQL, hojas de cálculo y paneles de inteligencia de negocio. |
      | Trabajo | Mide la deriva de los modelos y vuelve a entrenarlos cuando hace falta. \
      | Prepara informes mensuales para la dirección y responde preguntas. |
      | Equipo | Colabora con ingeniería de plataforma para servir modelos con baja latencia. \
      | Colabora con finanzas y marketing para definir los indicadores clave. |
      """
    let documents = """
        - {name: worksheet, kind: worksheet, seed: 3}
        - {name: answer-key, kind: answer-key, key-for: worksheet}
      """
    let (files, _, _) = try Self.render(markdown, documents: documents, lang: "es")
    let words = try PDFText.words(try #require(files["answer-key"])).words
    let dashes = words.indices.filter { words[$0].text == "—" }
    #expect(dashes.count >= 8)
    for index in dashes {
      // The dash, the short name's words, all on one line ("— Ing.⏎ML", "—⏎Analista" were seen).
      // Whole words: the name is never hyphenated either ("Ana-⏎lista").
      let name = words[(index + 1)...].prefix { ["Ing.", "ML", "Analista"].contains($0.text) }
      #expect(!name.isEmpty)
      #expect(name.allSatisfy { abs($0.y0 - words[index].y0) < 0.5 })
    }
  }

  @Test func englishIsSetAsWritten() throws {
    let markdown = "# Task\n\nIt says \"hello\": why? Yes!\n"
    let report = try #require(try Self.reportText(markdown, lang: "en"))
    #expect(report.contains("It says \"hello\": why? Yes!"))
  }
}
