import Foundation
import ReportConfig
import ReportModel
import Testing

/// A comparison written by someone else from the README alone (Scrum Master vs Product Owner, in
/// Markdown), in English and in German: every handout renders, nothing is lost, the role cards,
/// the comparison table and the charts show the new roles, and the German one speaks German.
@Suite struct NewComparisonTests {
  static let config = """
    content: content.md
    documents:
      - {name: full-report, kind: report}
      - {name: summary, kind: report, sections: [key-differences, summary], toc: false}
      - {name: comparison-table, kind: comparison-table, orientation: landscape}
      - {name: faq, kind: report, sections: [faq], toc: false}
      - {name: role-cards, kind: role-cards}
      - {name: charts, kind: charts}
    """

  /// Renders the fixture `name` with every handout into a fresh folder; returns the folder.
  static func render(_ name: String, config: String = config) throws -> (ExecutableRun, String) {
    let dir = try temporaryDirectory("pmreport-new-\(name)")
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: "md", subdirectory: "Fixtures"))
    try FileManager.default.copyItem(atPath: url.path, toPath: dir + "/content.md")
    try config.write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    return (try runPMReport(["--format", "pdf"], in: dir), dir)
  }

  static let english = Result { try render("scrum-en") }
  static let german = Result {
    try render(
      "scrum-de",
      config:
        config
        .replacingOccurrences(
          of: "[key-differences, summary]", with: "[wesentliche-unterschiede, zusammenfassung]"
        )
        .replacingOccurrences(of: "sections: [faq]", with: "sections: [haufige-fragen]"))
  }

  static func text(_ dir: String, _ document: String) throws -> String {
    try PDFText.pages(dir + "/Output/pdf/\(document).pdf").joined(separator: "\n")
  }

  @Test(arguments: ["scrum-en", "scrum-de"])
  func everyHandoutRendersAndTheFullReportLosesNothing(_ name: String) throws {
    let (result, dir) = try (name == "scrum-en" ? Self.english : Self.german).get()
    #expect(result.status == 0, "\(result.summary)")
    for document in ["full-report", "summary", "comparison-table", "faq", "role-cards"] {
      #expect(FileManager.default.fileExists(atPath: dir + "/Output/pdf/\(document).pdf"))
    }
    let content = try ConfigLoader.loadContent(path: dir + "/content.md", inputs: Inputs())
    let text = squeezed(try Self.text(dir, "full-report"))
    let missing = modelStrings(content).filter { !text.contains(squeezed($0)) }
    #expect(missing.isEmpty, "not in the PDF: \(missing.prefix(5))")
  }

  @Test(arguments: ["scrum-en", "scrum-de"])
  func roleCardsTableAndChartsShowTheNewRoles(_ name: String) throws {
    let (result, dir) = try (name == "scrum-en" ? Self.english : Self.german).get()
    #expect(result.status == 0, "\(result.summary)")
    let content = try ConfigLoader.loadContent(path: dir + "/content.md", inputs: Inputs())
    let cards = squeezed(try Self.text(dir, "role-cards"))
    for role in content.roles {
      #expect(cards.contains(squeezed(role.name)))
      for kind in [SectionKind.strengths, .risks] {
        let labels = content.allSections.filter { $0.role == role.id && $0.kind == kind }
          .flatMap(\.labels)
        #expect(!labels.isEmpty, "\(role.id) has no \(kind)")
        for label in labels { #expect(cards.contains(squeezed(label)), "card lacks \(label)") }
      }
    }
    let table = squeezed(try Self.text(dir, "comparison-table"))
    let summary = try #require(content.roleTables.first { !$0.paired })
    for row in summary.rows { #expect(table.contains(squeezed(row.label))) }
    for chart in ["focus-profile", "overlap", "stakeholders"] {
      let words = squeezed(try Self.text(dir, "charts/\(chart)"))
      for role in content.roles { #expect(words.contains(squeezed(role.shortName)), "\(chart)") }
    }
  }

  @Test func theGermanOneSpeaksGermanAndHyphenatesGerman() throws {
    let (result, dir) = try Self.german.get()
    #expect(result.status == 0, "\(result.summary)")
    let text = try Self.text(dir, "full-report")
    #expect(text.contains("Inhalt"))
    #expect(text.contains("Seite 1 von"))
    for word in ["Führungskräfte", "Verantwortung", "Qualitätssicherung", "heißt", "Größe"]
    where try String(contentsOfFile: dir + "/content.md", encoding: .utf8).contains(word) {
      #expect(squeezed(text).contains(squeezed(word)), "\(word)")
    }
    // German words broken at hyphenation points: the line ends in the soft hyphen the text keeps
    // (so extraction joins the word again).
    let broken = text.split(separator: "\n").filter { $0.hasSuffix("\u{00AD}") }
    #expect(broken.count >= 3, "hyphenated line ends: \(broken.count)")
  }
}
