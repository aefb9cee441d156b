import Foundation
import Testing

@testable import PMReportKit

/// `pmreport init`: a ready project for a new comparison, never replacing files unasked.
@Suite struct InitTests {
  @Test func writesAProjectAndRefusesToReplaceIt() throws {
    let dir = try temporaryDirectory("pmreport-init")
    let arguments = ["init", "project", "--role", "Scrum Master", "--role", "Product Owner=po"]
    let first = try runPMReport(arguments, in: dir)
    #expect(first.status == 0, "\(first.summary)")
    let project = dir + "/project"
    for file in [
      "pmreport.yml", "content.md", ".gitignore", "Styles/classic.yml", "Styles/print-bw.yml",
    ] {
      #expect(FileManager.default.fileExists(atPath: project + "/" + file), "\(file)")
    }
    let content = try String(contentsOfFile: project + "/content.md", encoding: .utf8)
    #expect(content.contains("id: scrum-master, name: Scrum Master"))
    #expect(content.contains("id: po, name: Product Owner"))
    #expect(content.contains("{role=po kind=strengths}"))
    #expect(content.contains("| Aspect | Scrum Master | Product Owner |"))
    let ignore = try String(contentsOfFile: project + "/.gitignore", encoding: .utf8)
    #expect(ignore.contains("Output/"))
    #expect(ignore.contains(".pmreport-cache/"))

    // Again: nothing replaced, exit 73, the files named.
    try "edited".write(toFile: project + "/content.md", atomically: true, encoding: .utf8)
    let second = try runPMReport(arguments, in: dir)
    #expect(second.status == 73)
    #expect(second.error.contains("content.md") && second.error.contains("--force"))
    #expect(try String(contentsOfFile: project + "/content.md", encoding: .utf8) == "edited")

    let forced = try runPMReport(arguments + ["--force"], in: dir)
    #expect(forced.status == 0, "\(forced.summary)")
    #expect(try String(contentsOfFile: project + "/content.md", encoding: .utf8) != "edited")
  }

  @Test func theNewProjectBuildsEveryHandout() throws {
    let dir = try temporaryDirectory("pmreport-init-build")
    let created = try runPMReport(
      ["init", "p", "--role", "Scrum Master", "--role", "Product Owner", "--role", "Developer"],
      in: dir)
    #expect(created.status == 0, "\(created.summary)")
    let built = try runPMReport([], in: dir + "/p")
    #expect(built.status == 0, "\(built.summary)")
    for document in ["full-report", "summary", "comparison-table", "faq", "role-cards"] {
      let pdf = dir + "/p/Output/pdf/\(document).pdf"
      #expect(FileManager.default.fileExists(atPath: pdf), "\(document)")
    }
    // Three roles: the radar, the Venn and the stakeholder map; no diverging bars (two roles).
    let charts = try FileManager.default.contentsOfDirectory(atPath: dir + "/p/Output/pdf/charts")
    #expect(Set(charts) == ["focus-profile.pdf", "overlap.pdf", "stakeholders.pdf"])
    let cards = try PDFText.pages(dir + "/p/Output/pdf/role-cards.pdf").joined(separator: "\n")
    for name in ["Scrum Master", "Product Owner", "Developer", "Strengths", "Risks"] {
      #expect(cards.contains(name), "role cards lack \(name)")
    }
  }

  @Test func aGermanProjectHasGermanHeadingsAndTitles() throws {
    let dir = try temporaryDirectory("pmreport-init-de")
    let result = try runPMReport(
      ["init", "de", "--role", "Scrum Master=sm", "--role", "Product Owner=po", "--lang", "de"],
      in: dir)
    #expect(result.status == 0, "\(result.summary)")
    let content = try String(contentsOfFile: dir + "/de/content.md", encoding: .utf8)
    #expect(content.contains("lang: de"))
    #expect(content.contains("# Wesentliche Unterschiede {.paired}"))
    #expect(content.contains("# Stärken: Scrum Master {role=sm kind=strengths}"))
    #expect(content.contains("# Zusammenfassung {#zusammenfassung}"))
    let config = try String(contentsOfFile: dir + "/de/pmreport.yml", encoding: .utf8)
    #expect(config.contains("Scrum Master vs Product Owner: Auf einen Blick"))
    let built = try runPMReport([], in: dir + "/de")
    #expect(built.status == 0, "\(built.summary)")
    let text = try PDFText.pages(dir + "/de/Output/pdf/full-report.pdf").joined(separator: "\n")
    #expect(text.contains("Inhalt") && text.contains("Seite 1 von"))
  }

  /// Short names are the words that tell a role from the others, never letters of words that
  /// all roles share ("IDD" for "Ingeniero de datos").
  @Test func shortNamesAreTheDistinguishingWords() {
    #expect(
      NewRole.shortNames(["Ingeniero de datos", "Científico de datos", "Analista de datos"])
        == ["Ingeniero", "Científico", "Analista"])
    #expect(
      NewRole.shortNames(["Business Product Manager", "Technical Product Manager"])
        == ["Business", "Technical"])
    #expect(
      NewRole.shortNames(["Data Engineer", "Data Scientist", "Machine Learning Engineer"])
        == ["Data Engineer", "Data Scientist", "Machine Learning"])
    #expect(
      NewRole.shortNames([
        "Responsable de la protección de datos", "Delegado de protección de datos",
      ])
        == ["Responsable", "Delegado"])
    #expect(
      NewRole.shortNames(["Chief Technology Officer", "Developer"]) == ["CTO", "Developer"])
    #expect(
      NewRole.shortNames(["Stationsleitung", "Pflegedienstleitung"])
        == ["Stationsleitung", "Pflegedienstleitung"])
  }

  @Test func oneRoleIsAUsageError() throws {
    let dir = try temporaryDirectory("pmreport-init-bad")
    let result = try runPMReport(["init", "p", "--role", "Solo"], in: dir)
    #expect(result.status == 64)
    #expect(result.error.contains("2 to 4 roles"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/p/pmreport.yml"))
  }
}
