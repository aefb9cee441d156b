import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// `pmreport.yml`: values, defaults, paths and the diagnostics for bad files.
@Suite struct SettingsTests {
  @Test func goodConfigLoadsEveryKey() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/print.yml", "fonts:\n  body-size: 11\n")
    let path = try folder.write(
      "pmreport.yml",
      """
      # A complete config.
      metadata:
        title: PM roles
        subtitle: null
        author: Ada
        subject: Roles
        keywords: [pm, roles]
      content: content.yml
      style: print
      formats: [svg, pdf, svg]
      output: build/out
      dpi: 300
      documents:
        - name: full-report
        - name: summary.v2
          kind: comparison-table
          title: At a glance
          sections: [key-differences, summary]
          charts: [focus-profile]
          toc: no
          title-block: false
          page-size: letter
          orientation: landscape
          max-pages: 1
          style: classic
      """)
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: "/", inputs: Inputs())
    #expect(
      settings.metadata
        == Metadata(
          title: "PM roles", subtitle: nil, author: "Ada", subject: "Roles",
          keywords: ["pm", "roles"]))
    #expect(settings.contentPath == folder.path + "/content.yml")
    #expect(settings.style == "print")
    #expect(settings.formats == [.svg, .pdf])
    #expect(settings.outputDirectory == folder.path + "/build/out")
    #expect(settings.dpi == 300)
    #expect(settings.baseDirectory == folder.path)
    #expect(
      settings.documents == [
        DocumentSpec(name: "full-report"),
        DocumentSpec(
          name: "summary.v2", kind: .comparisonTable, title: "At a glance",
          sections: ["key-differences", "summary"], charts: ["focus-profile"],
          tableOfContents: false,
          titleBlock: false, paperSize: .letter, orientation: .landscape, maxPages: 1,
          style: "classic"),
      ])
  }

  @Test func noConfigGivesTheBuiltInDefaults() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let settings = try ConfigLoader.loadSettings(
      configPath: nil, workingDirectory: folder.path, inputs: Inputs())
    #expect(settings.metadata == .builtIn)
    #expect(settings.contentPath == nil)
    #expect(settings.style == "classic")
    #expect(settings.formats == [.pdf])
    #expect(settings.outputDirectory == folder.path + "/Output")
    #expect(settings.dpi == 150)
    #expect(settings.documents == [.fullReport])
    #expect(settings.baseDirectory == folder.path)
  }

  @Test func implicitConfigInTheWorkingDirectoryIsUsed() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("pmreport.yml", "dpi: 72\nformats: all\n")
    let settings = try ConfigLoader.loadSettings(
      configPath: nil, workingDirectory: folder.path, inputs: Inputs())
    #expect(settings.dpi == 72)
    #expect(settings.formats == [.pdf, .svg, .png])
    #expect(settings.outputDirectory == folder.path + "/Output")
    #expect(settings.metadata == .builtIn)
  }

  @Test func keysLeftOutOfMetadataKeepTheBuiltInValues() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "pmreport.yml", "metadata:\n  title: Only the title\n  keywords: a, b ,c\n")
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    #expect(settings.metadata.title == "Only the title")
    #expect(settings.metadata.subtitle == Metadata.builtIn.subtitle)
    #expect(settings.metadata.author == Metadata.builtIn.author)
    #expect(settings.metadata.keywords == ["a", "b", "c"])
  }

  @Test func relativePathsResolveAgainstTheConfigFolder() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("project/Styles/house.yml", "name: house\n")
    try folder.write("project/Styles/local.yml", "")
    let path = try folder.write(
      "project/conf/pmreport.yml",
      """
      content: ../data/content.yml
      output: out
      style: ../Styles/house.yml
      documents:
        - name: a
          style: ./local-style.yml
      """)
    // The working directory is elsewhere: it must not matter. The root takes in the folder above
    // the config's, where the content and the style are.
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: "/", root: folder.path + "/project", inputs: Inputs())
    #expect(settings.baseDirectory == folder.path + "/project/conf")
    #expect(settings.contentPath == folder.path + "/project/data/content.yml")
    #expect(settings.outputDirectory == folder.path + "/project/conf/out")
    #expect(settings.style == folder.path + "/project/Styles/house.yml")
    #expect(settings.documents.first?.style == folder.path + "/project/conf/local-style.yml")
  }

  @Test func aRelativeConfigPathIsTakenFromTheWorkingDirectory() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("sub/my.yml", "output: o\n")
    let settings = try ConfigLoader.loadSettings(
      configPath: "sub/my.yml", workingDirectory: folder.path, inputs: Inputs())
    #expect(settings.outputDirectory == folder.path + "/sub/o")
  }

  @Test func aMissingConfigFileNamedExplicitlyIsAMissingFileError() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    #expect(throws: MissingFileError.self) {
      try ConfigLoader.loadSettings(
        configPath: folder.path + "/nope.yml", workingDirectory: folder.path, inputs: Inputs())
    }
    do {
      _ = try ConfigLoader.loadSettings(
        configPath: "nope.yml", workingDirectory: folder.path, inputs: Inputs())
    } catch let error as MissingFileError {
      #expect(error.path == "nope.yml")
      #expect(error.description == "config file not found: nope.yml")
    }
  }

  // MARK: Diagnostics

  @Test func unknownKeyIsReportedWithSuggestionAndExactPosition() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "pmreport.yml",
      """
      dpi: 150
      documents:
        - name: one
        - name: two
          page-sise: a4
      """)
    let error = inputError {
      try ConfigLoader.loadSettings(
        configPath: path, workingDirectory: folder.path, inputs: Inputs())
    }
    let diagnostics = try #require(error?.diagnostics)
    #expect(diagnostics.count == 1)
    let d = try #require(diagnostics.first)
    #expect(d.file == path)
    #expect(d.line == 5 && d.column == 5)
    #expect(d.keyPath == "documents[1].page-sise")
    #expect(d.message == "unknown key 'page-sise' in documents[1]; did you mean 'page-size'?")
    #expect(
      d.description
        == "\(path):5:5: error: documents[1].page-sise: unknown key 'page-sise' in documents[1]; did you mean 'page-size'?"
    )
  }

  @Test func unknownTopLevelKeyWithoutCloseMatchListsTheKeys() throws {
    let diagnostics = try configErrors("colour: red\n")
    let d = try #require(diagnostic(diagnostics, at: "colour"))
    #expect(
      d.message.hasPrefix("unknown key 'colour' at the top level; expected name, metadata, content")
    )
    #expect(d.line == 1 && d.column == 1)
  }

  @Test func wrongTypesSayWhatWasExpected() throws {
    let diagnostics = try configErrors(
      """
      dpi: high
      formats: {pdf: true}
      documents:
        - name: a
          toc: maybe
          sections: key-differences
          max-pages: 2.5
      metadata: Title
      """)
    #expect(diagnostic(diagnostics, at: "dpi")?.message == "expected a number, found 'high'")
    #expect(diagnostic(diagnostics, at: "dpi")?.line == 1)
    #expect(
      diagnostic(diagnostics, at: "formats")?.message.hasPrefix("expected a list of formats")
        == true)
    #expect(
      diagnostic(diagnostics, at: "documents[0].toc")?.message
        == "expected true or false, found 'maybe'")
    #expect(
      diagnostic(diagnostics, at: "documents[0].sections")?.message
        == "expected a list, found 'key-differences'")
    #expect(
      diagnostic(diagnostics, at: "documents[0].max-pages")?.message
        == "expected a whole number, found '2.5'")
    #expect(
      diagnostic(diagnostics, at: "metadata")?.message.hasPrefix(
        "expected a mapping with keys title") == true)
    #expect(diagnostics.count == 6)
  }

  @Test func missingRequiredFieldIsReportedAtTheMapping() throws {
    let diagnostics = try configErrors(
      """
      documents:
        - name: a
        - title: No name
          toc: false
      """)
    let d = try #require(diagnostic(diagnostics, at: "documents[1]"))
    #expect(d.message == "missing required key 'name'")
    #expect(d.line == 3 && d.column == 5)
    #expect(diagnostics.count == 1)
  }

  @Test func pdfStandardsAreReadFromTheConfigAndEachDocument() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "pmreport.yml",
      """
      pdf-standard: none
      documents:
        - name: a
        - name: b
          pdf-standard: [ua-1, a-2b]
        - name: c
          pdf-standard: a-2b
      """)
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs()
    )
    .settings
    #expect(settings.pdfStandards.isEmpty)
    #expect(settings.documents.map(\.pdfStandards) == [nil, [.ua1, .a2b], [.a2b]])
    // Without the key, every PDF is PDF/UA-1.
    #expect(ConfigLoader.defaultSettings(workingDirectory: folder.path).pdfStandards == [.ua1])
  }

  @Test func pdfStandardsAreOneAListOrNoneAndWrongNamesAreSuggested() throws {
    let diagnostics = try configErrors(
      """
      pdf-standard: [ua-1, a-2c]
      documents:
        - name: a
          pdf-standard: ua1
      """)
    #expect(
      diagnostic(diagnostics, at: "pdf-standard[1]")?.message
        == "unknown PDF standard 'a-2c'; expected ua-1, a-2b or none; did you mean 'a-2b'?")
    #expect(
      diagnostic(diagnostics, at: "documents[0].pdf-standard")?.message
        == "unknown PDF standard 'ua1'; expected ua-1, a-2b or none; did you mean 'ua-1'?")
    #expect(diagnostic(diagnostics, at: "pdf-standard[1]")?.column == 22)
  }

  @Test func badEnumValuesListTheAllowedValuesAndSuggestTheNearest() throws {
    let diagnostics = try configErrors(
      """
      formats: [pdf, pgn]
      documents:
        - name: a
          kind: role-card
          page-size: a3
          orientation: sideways
      """)
    #expect(
      diagnostic(diagnostics, at: "formats[1]")?.message
        == "unknown format 'pgn'; expected pdf, svg, png or all; did you mean 'png'?")
    #expect(
      diagnostic(diagnostics, at: "documents[0].kind")?.message
        == "unknown document kind 'role-card'; expected report, role-cards, comparison-table, charts, certificate, worksheet, answer-key, slides or facilitator-guide; did you mean 'role-cards'?"
    )
    #expect(
      diagnostic(diagnostics, at: "documents[0].page-size")?.message
        == "unknown page size 'a3'; expected a4, letter, a5 or legal; did you mean 'a4'?")
    #expect(
      diagnostic(diagnostics, at: "documents[0].orientation")?.message
        == "unknown orientation 'sideways'; expected portrait or landscape")
    #expect(diagnostic(diagnostics, at: "documents[0].page-size")?.column == 16)
  }

  @Test func outOfRangeNumbersAndBadNames() throws {
    let diagnostics = try configErrors(
      """
      dpi: 10
      documents:
        - name: Full Report
          max-pages: 0
        - name: full-report
        - name: full-report
      """)
    #expect(
      diagnostic(diagnostics, at: "dpi")?.message == "dpi must be between 30 and 1200, not 10")
    #expect(
      diagnostic(diagnostics, at: "documents[0].max-pages")?.message
        == "max-pages must be at least 1, not 0")
    #expect(
      diagnostic(diagnostics, at: "documents[0].name")?.message.contains("used as a file name")
        == true)
    let duplicate = try #require(diagnostic(diagnostics, at: "documents[2].name"))
    #expect(
      duplicate.message
        == "document name 'full-report' is already used by documents[1] (line 5); names must be unique"
    )
    #expect(duplicate.line == 6)
  }

  @Test func everyErrorOfAFileIsReportedAtOnceInFileOrder() throws {
    let diagnostics = try configErrors(
      """
      metadata:
        auther: me
      formats: [pdf, pgn]
      dpi: high
      documents:
        - name: Bad Name
          page-size: a3
        - title: nameless
      style: clasic
      """)
    #expect(diagnostics.map(\.line) == [2, 3, 4, 6, 7, 8, 9])
    #expect(
      diagnostics.map(\.keyPath) == [
        "metadata.auther", "formats[1]", "dpi", "documents[0].name",
        "documents[0].page-size", "documents[1]", "style",
      ])
    #expect(
      diagnostics.last?.message
        == "unknown style 'clasic'; did you mean 'classic'? (available styles: classic, compact, large-print, modern, print-bw)"
    )
  }

  @Test func everyErrorIsKeptAndTheTextShowsTwenty() throws {
    let documents = (0..<80).map { "  - name: d\($0)\n    bogus: 1\n" }.joined()
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("pmreport.yml", "documents:\n" + documents)
    let error = try #require(
      inputError {
        try ConfigLoader.loadSettings(
          configPath: path, workingDirectory: folder.path, inputs: Inputs())
      })
    #expect(error.diagnostics.count == 80)
    #expect(error.description.split(separator: "\n").count == InputError.shownAsText + 1)
    #expect(error.description.hasSuffix("… and 60 more problems not shown"))
  }

  @Test func emptyConfigFileGivesDefaultsBesideIt() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("sub/pmreport.yml", "# nothing yet\n")
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    #expect(settings.documents == [.fullReport])
    #expect(settings.baseDirectory == folder.path + "/sub")
    #expect(settings.outputDirectory == folder.path + "/sub/Output")
  }

  @Test func aConfigThatIsNotAMappingIsReported() throws {
    let diagnostics = try configErrors("- just\n- a list\n")
    #expect(
      diagnostics.first?.message.hasPrefix("expected a mapping with keys name, metadata") == true)
    #expect(diagnostics.first?.line == 1)
  }
}
