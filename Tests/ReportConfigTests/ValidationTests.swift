import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// `validate(_:against:)`: the documents' ids checked against the content.
@Suite struct ValidationTests {
  @Test func unknownSectionAndChartIdsArePlacedInTheConfig() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "pmreport.yml",
      """
      documents:
        - name: summary
          sections: [key-differences, sumary]
          charts: [focus-profil]
      """)
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    let diagnostics = ConfigLoader.validate(settings, against: ContentTests.sample)
    #expect(diagnostics.count == 2)
    let section = try #require(diagnostic(diagnostics, at: "documents[0].sections[1]"))
    #expect(section.file == path)
    #expect(section.line == 3 && section.column == 33)
    #expect(
      section.message
        == "no section has the id 'sumary'; did you mean 'summary'? (document 'summary')")
    let chart = try #require(diagnostic(diagnostics, at: "documents[0].charts[0]"))
    #expect(chart.line == 4 && chart.column == 14)
    #expect(
      chart.message
        == "no chart has the id 'focus-profil'; did you mean 'focus-profile'? (document 'summary')")
  }

  /// `.paired` and `.faq` choose sections by what they are, whatever their ids (a content in
  /// another language); an unknown class, or one no section has, is an error at the entry.
  @Test func sectionClassesChooseByKindAndUnknownOnesArePlaced() throws {
    let content = ContentTests.sample
    #expect(content.sections(chosenBy: ".paired").map(\.id) == ["key-differences"])
    #expect(content.sections(chosenBy: ".faq").map(\.id) == ["in-detail"])
    #expect(content.sections(chosenBy: [".paired", "key-differences", "summary"]).count == 2)
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "pmreport.yml",
      """
      documents:
        - {name: summary, sections: [.paired, summary], charts: [focus-profile]}
        - {name: faq, sections: [.fqa]}
      """)
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    let diagnostics = ConfigLoader.validate(settings, against: content)
    #expect(diagnostics.count == 1)
    let unknown = try #require(diagnostic(diagnostics, at: "documents[1].sections[0]"))
    #expect(unknown.line == 3 && unknown.column == 28)
    #expect(
      unknown.message
        == "unknown section class '.fqa'; expected '.paired' or '.faq' (document 'faq')")
    var plain = content
    plain.sections.removeFirst()
    let none = ConfigLoader.validate(settings, against: plain).map(\.message)
    #expect(
      none.contains("no section is marked '.paired' (a heading's `{.paired}`) (document 'summary')")
    )
  }

  @Test func validIdsGiveNoDiagnostics() throws {
    let settings = ReportSettings(
      metadata: .builtIn, contentPath: nil, style: "classic", formats: [.pdf],
      outputDirectory: "/tmp/o", dpi: 150,
      documents: [
        DocumentSpec(
          name: "a", sections: ["in-detail", "summary"],
          charts: ["overlap"])
      ],
      baseDirectory: "/nonexistent-\(UUID().uuidString)")
    #expect(ConfigLoader.validate(settings, against: ContentTests.sample).isEmpty)
  }

  @Test func idsSetOutsideAConfigFileAreReportedAgainstTheCommandLine() throws {
    let settings = ReportSettings(
      metadata: .builtIn, contentPath: nil, style: "classic", formats: [.pdf],
      outputDirectory: "/tmp/o", dpi: 150,
      documents: [DocumentSpec(name: "a", sections: ["nothing-like-it"])],
      baseDirectory: "/nonexistent-\(UUID().uuidString)")
    let d = try #require(ConfigLoader.validate(settings, against: ContentTests.sample).first)
    #expect(d.file == "<command line>")
    #expect(
      d.message
        == "no section has the id 'nothing-like-it'; the section ids are: key-differences, in-detail, summary (document 'a')"
    )
  }

  @Test func aChartWhoseSectionIsLeftOutIsAWarning() throws {
    let settings = ReportSettings(
      metadata: .builtIn, contentPath: nil, style: "classic", formats: [.pdf],
      outputDirectory: "/tmp/o", dpi: 150,
      documents: [DocumentSpec(name: "a", sections: ["summary"], charts: ["focus-profile"])],
      baseDirectory: "/nonexistent-\(UUID().uuidString)")
    let diagnostics = ConfigLoader.validate(settings, against: ContentTests.sample)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.severity == .warning)
    #expect(diagnostics.first?.description.contains(": warning: ") == true)
  }
}

/// The project's own files load and agree with the built-in content.
@Suite struct ProjectFilesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().path

  @Test func everyShippedStyleLoads() throws {
    let names = ConfigLoader.availableStyles(
      baseDirectory: Self.root, workingDirectory: Self.root, inputs: Inputs())
    #expect(names.contains("classic"))
    for name in names {
      let style = try ConfigLoader.loadStyle(
        name, baseDirectory: Self.root, workingDirectory: Self.root, inputs: Inputs())
      #expect(style.name == name)
    }
  }

  @Test func theProjectConfigLoadsAndMatchesTheBuiltInContent() throws {
    let path = Self.root + "/pmreport.yml"
    try #require(FileManager.default.fileExists(atPath: path))
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: Self.root, inputs: Inputs())
    #expect(!settings.documents.isEmpty)
    let problems = try ConfigLoader.validate(settings, against: ConfigLoader.builtInContent())
    #expect(problems.isEmpty, "\(problems)")
  }
}

/// Control characters in any text file are an error at their line and column.
@Suite struct ControlCharacterTests {
  @Test func aControlCharacterInTheConfigIsAnErrorAtItsPlace() throws {
    let diagnostics = try configErrors("title: \"Handout\"\ndocuments:\n  - name: a\u{1}b\n")
    #expect(diagnostics.map(\.line) == [3])
    #expect(diagnostics.first?.column == 12)
    #expect(diagnostics.first?.message.contains("U+0001") == true)
  }

  @Test func aNULInAStyleIsAnError() throws {
    let diagnostics = try styleErrors("page:\n  margin-left: 20\u{0}\n")
    #expect(diagnostics.map(\.line) == [2])
    #expect(diagnostics.first?.message.contains("NUL") == true)
  }

  @Test func controlCharactersInMarkdownContentAreErrorsAtEachLine() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "content.md", "---\ntitle: T\u{1}\n---\n\nIntro\r\n\u{1B}[2J text\rand \u{7}\n")
    let error = try #require(
      inputError { try ConfigLoader.loadContentFile(path: path, inputs: Inputs()) })
    #expect(error.diagnostics.map(\.line) == [2, 6, 7])
    #expect(error.diagnostics.map(\.column) == [9, 1, 5])
  }

  /// A file of nothing but control characters gives a bounded list, not one problem a byte.
  @Test func aThousandControlCharactersAreListedAndTheRestCounted() {
    let text = [UInt8](repeating: 0x01, count: 100_000)
    let diagnostics = ControlCharacters.diagnostics(in: text, file: "f")
    #expect(diagnostics.count == 1_001)
    #expect(diagnostics.last?.column == 1_001)
    #expect(diagnostics.last?.message.contains("99000 more control characters") == true)
  }

  @Test func tabsAndEveryLineEndingAreText() {
    let text: [UInt8] = Array("a\tb\r\nc\rd\ne".utf8)
    #expect(ControlCharacters.diagnostics(in: text, file: "f").isEmpty)
  }
}
