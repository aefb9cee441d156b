import Foundation
import Testing

@testable import ReportConfig

/// Control characters that escapes decode to (YAML's `"\x01"`, `"\u0000"`, Markdown's `&#1;`) are
/// errors at the value that holds them, like control characters written as such.
@Suite struct EscapedControlCharacterTests {
  @Test func aYAMLEscapeInTheConfigIsAnErrorAtItsValue() throws {
    let diagnostics = try configErrors("name: \"Hand\\x01out\"\n")
    #expect(diagnostics.map(\.line) == [1])
    #expect(diagnostics.first?.column == 7)
    #expect(diagnostics.first?.keyPath == "name")
    #expect(diagnostics.first?.message.contains("U+0001") == true)
  }

  @Test func aUnicodeEscapeOfNULInAStyleIsAnError() throws {
    let diagnostics = try styleErrors("page:\n  size: \"A4\\u0000\"\n")
    #expect(diagnostics.map(\.line) == [2])
    #expect(diagnostics.first?.message.contains("NUL") == true)
  }

  @Test func anEscapedKeyIsAnError() throws {
    let diagnostics = try configErrors("\"na\\x02me\": x\n")
    #expect(diagnostics.map(\.line) == [1])
    #expect(diagnostics.first?.message.contains("U+0002") == true)
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
