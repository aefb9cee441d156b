import Foundation
import PMReportKit
import Testing

/// A document in another language: the words pmreport prints, and a warning for a language with no
/// hyphenation patterns.
@Suite struct LanguageEndToEndTests {
  /// Builds `documents` with `config` (the documents: part is added) and returns the run's summary
  /// and each PDF's text.
  private func build(_ config: String, documents: [String]) throws -> (RunSummary, [String: String])
  {
    var yaml = config + "\nformats: [pdf]\ndocuments:\n"
    for name in documents { yaml += "  - {name: \(name), kind: \(name)}\n" }
    let dir = try projectFolder("pmreport-lang", config: yaml)
    let summary = try runProject(in: dir)
    var texts: [String: String] = [:]
    for name in documents {
      texts[name] = normalised(
        try run("pdftotext", ["-enc", "UTF-8", dir + "/Output/pdf/\(name).pdf", "-"]).output)
    }
    return (summary, texts)
  }

  @Test func aGermanDocumentPrintsGermanWords() throws {
    let (summary, texts) = try build(
      "metadata: {title: Rollen im Vergleich, lang: de}", documents: ["report", "role-cards"])
    let report = try #require(texts["report"])
    #expect(report.contains("Inhalt"))
    #expect(!report.contains("Contents"))
    #expect(report.contains("Seite 1 von "))
    #expect(!report.contains("page 1 of"))
    #expect(report.contains("14. November 2023"))
    #expect(report.contains("Aspekt"))
    let cards = try #require(texts["role-cards"])
    #expect(cards.contains("Stärken") && cards.contains("Risiken"))
    #expect(!cards.contains("Strengths"))
    // German patterns are installed here (hyphen-de): no warning about missing ones.
    #expect(!summary.warnings.contains { $0.contains("hyphenation") })
  }

  @Test func configWordsOverrideTheShippedOnes() throws {
    let (_, texts) = try build(
      """
      metadata: {lang: de}
      words:
        contents: Inhaltsverzeichnis
        page-of: "S. {page}/{pages}"
      """, documents: ["report"])
    let report = try #require(texts["report"])
    #expect(report.contains("Inhaltsverzeichnis"))
    #expect(report.contains("S. 1/"))
    #expect(!report.contains("Seite 1 von"))
  }

  @Test func aLanguageWithNoPatternsIsWarnedAboutOnce() throws {
    let (summary, texts) = try build(
      "metadata: {lang: tlh}", documents: ["report", "role-cards"])
    let warnings = summary.warnings.filter { $0.contains("no hyphenation patterns") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("'tlh'") == true)
    // English words (no table for the language), and no soft hyphen breaks a word.
    #expect(texts["report"]?.contains("Contents") == true)
  }
}
