import Foundation
import Testing

@testable import ReportConfig

/// Control characters that escapes decode to (YAML's `"\x01"`, `"\u0000"`, Markdown's `&#1;`) are
/// errors at the value that holds them, like control characters written as such.
@Suite struct EscapedControlCharacterTests {
  /// A config, a style or a key whose escape decodes to a control character: the file, the
  /// expected line, column and key of the error, and what its message names.
  static let escapes: [(file: String, text: String, at: [Int], key: String, names: String)] = [
    ("pmreport.yml", "name: \"Hand\\x01out\"\n", [1, 7], "name", "U+0001"),
    ("pmreport.yml", "\"na\\x02me\": x\n", [1, 1], "", "U+0002"),
    ("Styles/test.yml", "page:\n  size: \"A4\\u0000\"\n", [2, 9], "page.size", "NUL"),
  ]

  @Test(arguments: escapes)
  func aYAMLEscapeOfAControlCharacterIsAnErrorAtItsValue(
    _ escape: (file: String, text: String, at: [Int], key: String, names: String)
  ) throws {
    let diagnostics =
      escape.file == "pmreport.yml"
      ? try configErrors(escape.text) : try styleErrors(escape.text)
    #expect(diagnostics.count == 1)
    let found = try #require(diagnostics.first)
    #expect([found.line, found.column] == escape.at)
    #expect(found.keyPath == escape.key)
    #expect(found.message.contains(escape.names) && found.message.contains("escape"))
  }

  @Test func escapedTabsAndLineBreaksAreText() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("pmreport.yml", "name: \"A\\tB\\r\\nC\"\n")
    _ = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
  }

  @Test func markdownEntitiesOfControlCharactersAreErrorsAtTheirLine() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "content.md", "---\ntitle: \"T\\x07\"\n---\n\nIntro &#1; text\n\n[link](a&#27;b)\n")
    let error = try #require(
      inputError { try ConfigLoader.loadContentFile(path: path, inputs: Inputs()) })
    #expect(error.diagnostics.map(\.line) == [2])
    let body = try folder.write("body.md", "Intro &#1; text\n\n## S\n\n[link](a&#27;b) &#x9; ok\n")
    let bodyError = try #require(
      inputError { try ConfigLoader.loadContentFile(path: body, inputs: Inputs()) })
    #expect(bodyError.diagnostics.map(\.line) == [1, 5])
    #expect(bodyError.diagnostics.allSatisfy { $0.message.contains("escape") })
  }
}
