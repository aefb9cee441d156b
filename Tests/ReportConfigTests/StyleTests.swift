import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// Style files: lookup, `extends` chains, merging and the range rules.
@Suite struct StyleTests {
  @Test func classicWithoutAFileIsTheBuiltInStyle() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    #expect(
      try ConfigLoader.loadStyle(
        "classic", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
        == .classic)
    #expect(
      try ConfigLoader.loadStyle(
        "default", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
        == .classic)
  }

  @Test func aStyleFileOverridesOnlyTheKeysItGives() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write(
      "Styles/airy.yml",
      """
      page:
        margin-left: 90
      fonts:
        leading: 1.6
      """)
    let style = try ConfigLoader.loadStyle(
      "airy", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    var expected = Style.classic
    expected.name = "airy"
    expected.page.marginLeft = 90
    expected.fonts.leading = 1.6
    #expect(style == expected)
  }

  @Test func extendsChainsMergeDeeplyWithTheNearestFileWinning() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write(
      "Styles/base.yml",
      """
      extends: classic
      fonts:
        body: Noto Sans
        body-size: 11
      colors:
        accent: "#aa0000"
        muted: "#777"
      """)
    try folder.write(
      "Styles/print.yml",
      """
      name: Print edition
      extends: base
      page:
        size: letter
      colors:
        accent: "#000000"
      charts:
        palette: ["#000", "#555", "#999"]
      """)
    let style = try ConfigLoader.loadStyle(
      "print", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    #expect(style.name == "Print edition")
    #expect(style.page.size == .letter)
    #expect(style.page.marginTop == Style.classic.page.marginTop)
    #expect(style.fonts.body == "Noto Sans")
    #expect(style.fonts.bodySize == 11)
    #expect(style.fonts.heading == Style.classic.fonts.heading)
    #expect(style.colors.accent == "#000000")
    #expect(style.colors.muted == "#777")
    #expect(style.colors.text == Style.classic.colors.text)
    #expect(style.charts.palette == ["#000", "#555", "#999"])
    #expect(style.charts.patterns == Style.classic.charts.patterns)
    // The parent on its own.
    let base = try ConfigLoader.loadStyle(
      "base", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    #expect(base.colors.accent == "#aa0000" && base.page.size == .a4 && base.name == "base")
  }

  @Test func extendsCycleIsReported() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/a.yml", "extends: b\nfonts:\n  body-size: 10\n")
    try folder.write("Styles/b.yml", "fonts:\n  body-size: 12\nextends: a\n")
    let error = inputError {
      try ConfigLoader.loadStyle(
        "a", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    }
    let d = try #require(error?.diagnostics.first)
    #expect(error?.diagnostics.count == 1)
    #expect(d.file.hasSuffix("Styles/b.yml"))
    #expect(d.line == 3 && d.column == 10)
    #expect(d.keyPath == "extends")
    #expect(
      d.message
        == "style 'b' extends 'a', which leads back to itself (a → b → a); remove one of the extends"
    )
  }

  @Test func aStyleExtendingItselfIsACycle() throws {
    let diagnostics = try styleErrors("extends: test\n")
    #expect(diagnostics.first?.message.contains("leads back to itself") == true)
  }

  @Test func unknownParentStyleIsReportedWhereItIsNamed() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/print.yml", "fonts:\n  body-size: 9\n")
    try folder.write("Styles/child.yml", "extends: prnt\n")
    let error = inputError {
      try ConfigLoader.loadStyle(
        "child", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    }
    let d = try #require(error?.diagnostics.first)
    #expect(d.line == 1 && d.column == 10)
    #expect(
      d.message
        == "unknown style 'prnt'; did you mean 'print'? (available styles: child, classic, compact, large-print, modern, print, print-bw)"
    )
  }

  @Test func styleErrorsNameTheFileTheValueCameFrom() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/parent.yml", "paragraph:\n  widows: 0\n")
    try folder.write("Styles/child.yml", "extends: parent\nparagraph:\n  orphan: 2\n")
    let error = inputError {
      try ConfigLoader.loadStyle(
        "child", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    }
    let diagnostics = try #require(error?.diagnostics)
    let unknown = try #require(diagnostic(diagnostics, at: "paragraph.orphan"))
    #expect(unknown.file.hasSuffix("Styles/child.yml"))
    #expect(unknown.line == 3 && unknown.column == 3)
    #expect(unknown.message == "unknown key 'orphan' in paragraph; did you mean 'orphans'?")
    let range = try #require(diagnostic(diagnostics, at: "paragraph.widows"))
    #expect(range.file.hasSuffix("Styles/parent.yml"))
    #expect(range.line == 2)
    #expect(range.message == "widows must be between 1 and 10, not 0")
  }

  @Test func marginsAndFontSizesOutOfRange() throws {
    let diagnostics = try styleErrors(
      """
      page:
        margin-top: -5
        margin-left: 300
        margin-right: 300
      fonts:
        body-size: 0
        h1-size: 500
        leading: 0.5
      paragraph:
        orphans: 11
      colors:
        accent: blue
        zebra: "#eef2f"
      """)
    #expect(
      diagnostic(diagnostics, at: "page.margin-top")?.message
        == "margin-top must not be negative, found -5")
    let width = try #require(diagnostic(diagnostics, at: "page.margin-right"))
    #expect(
      width.message
        == "margin-left 300 + margin-right 300 = 600 pt leaves no room for text on a4 portrait paper, which is 595.28 pt wide"
    )
    #expect(width.line == 4 && width.column == 17)
    #expect(
      diagnostic(diagnostics, at: "fonts.body-size")?.message
        == "body-size must be a size in points greater than 0, found 0")
    #expect(
      diagnostic(diagnostics, at: "fonts.h1-size")?.message
        == "h1-size 500 pt is too large; sizes go up to 200 pt")
    #expect(
      diagnostic(diagnostics, at: "fonts.leading")?.message.hasSuffix("between 0.8 and 4, not 0.5")
        == true)
    #expect(
      diagnostic(diagnostics, at: "paragraph.orphans")?.message
        == "orphans must be between 1 and 10, not 11")
    #expect(
      diagnostic(diagnostics, at: "colors.accent")?.message
        == "'blue' is not a colour; expected #rgb or #rrggbb, like #0b4f8a")
    #expect(diagnostic(diagnostics, at: "colors.zebra") != nil)
    #expect(diagnostics.count == 8)
    #expect(diagnostics.map(\.line) == diagnostics.map(\.line).sorted())
  }

  @Test func aTableCeilingBelowTheFloorIsAnError() throws {
    let diagnostics = try styleErrors(
      """
      fonts:
        minimum-size: 8
        maximum-table-size: 7.5
      """)
    let found = try #require(diagnostic(diagnostics, at: "fonts.minimum-size"))
    #expect(
      found.message
        == "minimum-size 8 is larger than maximum-table-size 7.5; a comparison table's type is "
        + "sized between the two")
    #expect(found.line == 2)
    #expect(diagnostics.count == 1)
  }

  @Test func landscapeTurnsTheHeightCheckAround() throws {
    // 300 + 300 fits a portrait a4 height (842 pt) but not a landscape one (595 pt).
    let diagnostics = try styleErrors(
      "page:\n  orientation: landscape\n  margin-top: 300\n  margin-bottom: 300\n")
    let d = try #require(diagnostic(diagnostics, at: "page.margin-bottom"))
    #expect(d.message.contains("a4 landscape paper, which is 595.28 pt high"))
  }

  @Test func aWrongTypeInAStyleDoesNotAlsoGiveARangeError() throws {
    let diagnostics = try styleErrors("fonts:\n  body-size: big\n")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message == "expected a number, found 'big'")
  }

  @Test func styleGivenByPath() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("elsewhere/narrow.yml", "page:\n  size: a5\n")
    let style = try ConfigLoader.loadStyle(
      path, baseDirectory: "/", workingDirectory: "/", inputs: Inputs())
    #expect(style.page.size == .a5 && style.name == "narrow")
    let relative = try ConfigLoader.loadStyle(
      "elsewhere/narrow.yml", baseDirectory: "/", workingDirectory: folder.path, inputs: Inputs())
    #expect(relative == style)
    #expect(throws: MissingFileError.self) {
      try ConfigLoader.loadStyle(
        "elsewhere/wide.yml", baseDirectory: "/", workingDirectory: folder.path, inputs: Inputs())
    }
  }

  @Test func stylesInTheConfigFolderComeBeforeTheWorkingDirectory() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("project/Styles/house.yml", "page:\n  size: legal\n")
    try folder.write("cwd/Styles/house.yml", "page:\n  size: a5\n")
    try folder.write("cwd/Styles/only-here.yml", "")
    let style = try ConfigLoader.loadStyle(
      "house", baseDirectory: folder.path + "/project",
      workingDirectory: folder.path + "/cwd", inputs: Inputs())
    #expect(style.page.size == .legal)
    #expect(
      ConfigLoader.availableStyles(
        baseDirectory: folder.path + "/project", workingDirectory: folder.path + "/cwd",
        inputs: Inputs())
        == ["classic", "compact", "house", "large-print", "modern", "only-here", "print-bw"])
  }

  @Test func unknownStyleNameSuggestsTheNearest() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/compact.yml", "")
    try folder.write("Styles/print.yml", "")
    do {
      _ = try ConfigLoader.loadStyle(
        "prnit", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
      Issue.record("expected UnknownNameError")
    } catch let error as UnknownNameError {
      #expect(error.name == "prnit")
      #expect(error.suggestion == "print")
      #expect(
        error.available == ["classic", "compact", "large-print", "modern", "print", "print-bw"])
      #expect(
        error.description == "unknown style 'prnit'; did you mean 'print'? "
          + "(available styles: classic, compact, large-print, modern, print, print-bw)")
    }
  }

  @Test func aStyleFileThatIsNotAMappingIsReported() throws {
    let diagnostics = try styleErrors("- a\n- b\n")
    #expect(diagnostics.first?.message.hasPrefix("a style file holds a mapping") == true)
  }

  @Test func theShippedClassicFileEqualsTheBuiltInStyle() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().path
    try #require(FileManager.default.fileExists(atPath: root + "/Styles/classic.yml"))
    let style = try ConfigLoader.loadStyle(
      root + "/Styles/classic.yml", baseDirectory: root, workingDirectory: root, inputs: Inputs())
    #expect(style == .classic)
  }
}
