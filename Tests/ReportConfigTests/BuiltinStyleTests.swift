import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// The shipped styles compiled into the binary: equal to `Styles/`, loadable with no files present,
/// overridden by files on disk.
@Suite struct BuiltinStyleTests {
  /// The repository's `Styles/` folder.
  static let stylesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Styles").path

  @Test func everyShippedStyleIsCompiledInByteForByte() throws {
    let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.stylesFolder)
      .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    try #require(shipped.contains("modern"))
    #expect(
      ConfigLoader.builtInStyleFiles.map(\.name) == shipped,
      "add a new shipped style to Sources/ReportConfig/BuiltinStyles/, Package.swift and builtInStyleFiles"
    )
    for (name, text) in ConfigLoader.builtInStyleFiles {
      let onDisk = try #require(
        FileManager.default.contents(atPath: Self.stylesFolder + "/\(name).yml"))
      #expect(
        Data(text.utf8) == onDisk,
        "Sources/ReportConfig/BuiltinStyles/\(name).yml differs from Styles/\(name).yml")
    }
  }

  @Test func everyBuiltInStyleLoadsWithNoFilesPresent() throws {
    let empty = try TempFolder()
    defer { empty.remove() }
    #expect(
      ConfigLoader.availableStyles(
        baseDirectory: empty.path, workingDirectory: empty.path, inputs: Inputs())
        == ConfigLoader.builtInStyleFiles.map(\.name))
    for (name, _) in ConfigLoader.builtInStyleFiles {
      let builtIn = try ConfigLoader.loadStyle(
        name, baseDirectory: empty.path, workingDirectory: empty.path, inputs: Inputs())
      let fromFile = try ConfigLoader.loadStyle(
        Self.stylesFolder + "/\(name).yml", baseDirectory: empty.path,
        workingDirectory: empty.path, inputs: Inputs())
      #expect(builtIn == fromFile, "built-in style '\(name)'")
      #expect(builtIn.name == name)
    }
    // Not just classic under other names.
    let modern = try ConfigLoader.loadStyle(
      "modern", baseDirectory: empty.path, workingDirectory: empty.path, inputs: Inputs())
    #expect(modern.fonts.body == "Noto Sans" && Style.classic.fonts.body != "Noto Sans")
  }

  @Test func builtInValuesAreNamedWithoutAPath() throws {
    let empty = try TempFolder()
    defer { empty.remove() }
    let loaded = try ConfigLoader.loadStyleSources(
      "modern", baseDirectory: empty.path, workingDirectory: empty.path, inputs: Inputs())
    #expect(loaded.path == nil)
    #expect(loaded.primaryFile == "built-in style 'modern'")
    #expect(loaded.tree["fonts"]?["body"]?.location.description == "built-in style 'modern'")
    #expect(loaded.tree["fonts"]?["title-size"]?.location.description == "built-in style 'classic'")
  }

  @Test func aFileOnDiskOverridesTheBuiltInStyle() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/modern.yml", "fonts:\n  body-size: 12\n")
    let style = try ConfigLoader.loadStyle(
      "modern", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    #expect(style.fonts.bodySize == 12)
    // The file extends classic, not the built-in modern.
    #expect(style.fonts.body == Style.classic.fonts.body)
  }

  @Test func aUserStyleExtendsABuiltInStyle() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/teal.yml", "extends: modern\npage:\n  margin-left: 90\n")
    let style = try ConfigLoader.loadStyle(
      "teal", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    var expected = try ConfigLoader.loadStyle(
      "modern", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    expected.name = "teal"
    expected.page.marginLeft = 90
    #expect(style == expected)
    #expect(style.fonts.body == "Noto Sans")
  }

  @Test func anErrorInAStyleExtendingABuiltInNamesTheUsersFile() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    try folder.write("Styles/bad.yml", "extends: print-bw\nfonts:\n  body-size: -3\n")
    let error = inputError {
      try ConfigLoader.loadStyle(
        "bad", baseDirectory: folder.path, workingDirectory: folder.path, inputs: Inputs())
    }
    let d = try #require(error?.diagnostics.first)
    #expect(d.file.hasSuffix("Styles/bad.yml"))
    #expect(d.line == 3)
  }
}
