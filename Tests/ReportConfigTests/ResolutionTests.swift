import Foundation
import Geometry
import ReportModel
import Testing

@testable import ReportConfig

/// `resolve(_:in:commandLine:)`: command line, document, config and style merged once, and checked.
@Suite struct ResolutionTests {
  /// A style that fits A4 (595 pt) but leaves no room for text on A5 (419.5 pt).
  static let wide = """
    extends: classic
    page:
      margin-left: 215
      margin-right: 215
    """

  func settings(
    style: String = "classic", documents: [DocumentSpec] = [.fullReport], in folder: TempFolder
  ) -> LoadedSettings {
    LoadedSettings(
      ReportSettings(
        metadata: .builtIn, contentPath: nil, style: style, formats: [.pdf],
        outputDirectory: folder.path + "/Output", dpi: 150, documents: documents,
        baseDirectory: folder.path))
  }

  @Test func marginsTooWideForTheCommandLinePaperAreAnErrorAtTheMargin() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/wide.yml", Self.wide)
    let loaded = settings(style: "wide", in: folder)
    // On the style's own A4 paper there is room.
    let a4 = try ConfigLoader.resolve(
      .fullReport, in: loaded, commandLine: CommandLineSettings(workingDirectory: folder.path),
      inputs: Inputs())
    #expect(abs(a4.body.width - 165.2756) < 1e-9)
    // On A5 from the command line there is none.
    let error = try #require(
      inputError {
        try ConfigLoader.resolve(
          .fullReport, in: loaded,
          commandLine: CommandLineSettings(paperSize: .a5, workingDirectory: folder.path),
          inputs: Inputs())
      })
    #expect(error.diagnostics.count == 1)
    let d = try #require(error.diagnostics.first)
    #expect(d.file.hasSuffix("Styles/wide.yml"))
    #expect(d.line == 3 && d.column == 16)
    #expect(d.keyPath == "page.margin-left")
    #expect(
      d.message
        == "margin-left 215 + margin-right 215 = 430 pt leaves -10.47 pt for text on a5 portrait "
        + "paper (419.53 pt wide, paper from --page-size)")
  }

  @Test func marginsTooWideForADocumentsPageSizeNameTheConfigEntry() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/wide.yml", Self.wide)
    let path = try folder.write(
      "pmreport.yml",
      """
      style: wide
      documents:
        - name: big
        - name: small
          page-size: a5
      """)
    let loaded = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    let commandLine = CommandLineSettings(workingDirectory: folder.path)
    let big = try ConfigLoader.resolve(
      loaded.documents[0], in: loaded, commandLine: commandLine, inputs: Inputs())
    #expect(big.paperSize == .a4)
    let error = try #require(
      inputError {
        try ConfigLoader.resolve(
          loaded.documents, in: loaded, commandLine: commandLine, inputs: Inputs())
      })
    let d = try #require(error.diagnostics.first)
    #expect(error.diagnostics.count == 1)
    #expect(d.file.hasSuffix("Styles/wide.yml") && d.line == 3 && d.column == 16)
    #expect(
      d.message.hasPrefix(
        "margin-left 215 + margin-right 215 = 430 pt leaves -10.47 pt for text on a5 portrait paper"
      ))
    #expect(d.message.hasSuffix("paper from documents[1].page-size at \(path):5:16)"))
  }

  @Test func marginsTooTallForALandscapeDocumentAreAnErrorToo() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/tall.yml", "page:\n  margin-top: 300\n  margin-bottom: 300\n")
    let path = try folder.write(
      "pmreport.yml",
      """
      documents:
        - name: across
          style: tall
          orientation: landscape
      """)
    let loaded = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    let error = try #require(
      inputError {
        try ConfigLoader.resolve(
          loaded.documents, in: loaded,
          commandLine: CommandLineSettings(workingDirectory: folder.path), inputs: Inputs())
      })
    let d = try #require(error.diagnostics.first)
    #expect(d.keyPath == "page.margin-top" && d.line == 2 && d.column == 15)
    #expect(
      d.message.contains(
        "leaves -4.72 pt for text on a4 landscape paper (595.28 pt high, paper from the built-in style 'classic', orientation from documents[0].orientation at \(path):4:18)"
      ))
  }

  @Test func theChartsDocumentIsNotCheckedAgainstThePaper() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/wide.yml", Self.wide)
    let charts = DocumentSpec(name: "charts", kind: .charts)
    let resolved = try ConfigLoader.resolve(
      charts, in: settings(style: "wide", in: folder),
      commandLine: CommandLineSettings(paperSize: .a5, workingDirectory: folder.path),
      inputs: Inputs())
    #expect(resolved.paperSize == .a5)
  }

  @Test func eachValueRemembersWhereItWasSet() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/wide.yml", Self.wide)
    let path = try folder.write(
      "pmreport.yml",
      """
      documents:
        - name: one
          style: wide
          page-size: letter
          title: One
      """)
    let loaded = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    let one = try ConfigLoader.resolve(
      loaded.documents[0], in: loaded,
      commandLine: CommandLineSettings(workingDirectory: folder.path), inputs: Inputs())
    #expect(one.title == "One")
    #expect(one.paperSize == .letter && one.paperWidth == 612 && one.paperHeight == 792)
    #expect(one.body == Rect(x: 215, y: 72, width: 612 - 430, height: 792 - 144))
    #expect(
      one.sources.pageSize
        == .file(SourceLocation(file: path, line: 4, column: 16), keyPath: "documents[0].page-size")
    )
    #expect(
      one.sources.style
        == .file(SourceLocation(file: path, line: 3, column: 12), keyPath: "documents[0].style"))
    guard case .file(let left, "page.margin-left") = one.sources.marginLeft else {
      Issue.record("margin-left from \(one.sources.marginLeft)")
      return
    }
    #expect(left.file.hasSuffix("Styles/wide.yml") && left.line == 3 && left.column == 16)
    #expect(one.sources.marginTop == .builtIn("built-in style 'classic'"))
    #expect(one.stylePath == folder.path + "/Styles/wide.yml")

    // The command line wins over the document.
    let cli = try ConfigLoader.resolve(
      loaded.documents[0], in: loaded,
      commandLine: CommandLineSettings(
        style: "classic", paperSize: .a5,
        workingDirectory: folder.path), inputs: Inputs())
    #expect(cli.paperSize == .a5 && cli.style.page.marginLeft == 68)
    #expect(cli.sources.pageSize == .commandLine(option: "--page-size"))
    #expect(cli.sources.style == .commandLine(option: "--style"))
    #expect(cli.stylePath == nil)
    #expect(cli.title == "One")
  }

  @Test func theClassicStylesColoursResolveToColorValues() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let classic = try ConfigLoader.resolve(
      .fullReport, in: settings(in: folder),
      commandLine: CommandLineSettings(workingDirectory: folder.path), inputs: Inputs())
    #expect(classic.colors == StyleColors.classic)
    #expect(classic.colors.headerText == .white)
    #expect(classic.title == Metadata.builtIn.title)
  }

  @Test func aColourSetInCodeThatDoesNotParseIsAnError() throws {
    var checker = Checker(positions: SourceNode.emptyMapping(at: .builtIn("test")))
    var style = Style.classic
    style.colors.accent = "#0b4f8"
    #expect(ConfigLoader.resolveColors(style, with: &checker) == nil)
    #expect(checker.diagnostics.map(\.keyPath) == ["colors.accent"])
    #expect(
      checker.diagnostics.first?.message
        == "'#0b4f8' is not a colour; expected #rgb or #rrggbb, like #0b4f8a")
  }
}
