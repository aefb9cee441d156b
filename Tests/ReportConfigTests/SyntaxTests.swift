import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// YAML that cannot be parsed, or should not be: positions, depth and size limits.
@Suite struct SyntaxTests {
  @Test func syntaxErrorIsReportedWithItsPosition() throws {
    let diagnostics = try configErrors(
      """
      metadata:
        title: "unclosed
      dpi: 150
      """)
    let d = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    // libyaml reads on to the end of the text looking for the closing quote.
    #expect(d.line == 3 && d.column == 9)
    #expect(
      d.message == "YAML syntax error: found unexpected end of stream "
        + "(while scanning a quoted scalar, which starts at line 2, column 10)")
    #expect(d.description.contains("pmreport.yml:\(d.line):\(d.column): error: YAML syntax error:"))
  }

  @Test func badIndentationIsASyntaxErrorAtTheLine() throws {
    let diagnostics = try configErrors(
      """
      metadata:
        title: A
       author: B
      """)
    let d = try #require(diagnostics.first)
    #expect(d.line == 3)
    #expect(d.message.hasPrefix("YAML syntax error:"))
  }

  @Test func tabIndentationIsReported() throws {
    let diagnostics = try configErrors("metadata:\n\ttitle: A\n")
    #expect(diagnostics.first?.line == 2)
    #expect(diagnostics.first?.message.contains("YAML") == true)
  }

  @Test func duplicateKeysAreReported() throws {
    let diagnostics = try configErrors("dpi: 100\nformats: [pdf]\ndpi: 200\n")
    let d = try #require(diagnostics.first)
    #expect(d.message == "key 'dpi' appears more than once in the same mapping")
    #expect(d.line == 1)
  }

  @Test func deepFlowNestingIsRejectedWithoutCrashing() throws {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let diagnostics = try configErrors("documents: " + deep + "\n")
    let d = try #require(diagnostics.first)
    #expect(d.line == 1)
    #expect(d.column == 11 + YAMLSource.maximumDepth)
    #expect(d.message.hasPrefix("nesting is deeper than 64 levels"))
  }

  @Test func deepFlowMappingsSpreadOverLinesAreRejected() throws {
    let deep = (0..<5_000).map { _ in "{a:\n" }.joined()
    let diagnostics = try configErrors(deep)
    #expect(diagnostics.first?.message.hasPrefix("nesting is deeper than") == true)
    // Line n opens n flow mappings; the scan also counts line 1's block level, so it stops at 64.
    #expect(diagnostics.first?.line == YAMLSource.maximumDepth)
  }

  @Test func deepBlockNestingIsRejected() throws {
    let compact = String(repeating: "- ", count: 3_000) + "x\n"
    #expect(try configErrors(compact).first?.message.hasPrefix("nesting is deeper than") == true)
    let indented = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
    #expect(try configErrors(indented).first?.message.hasPrefix("nesting is deeper than") == true)
  }

  /// Lines ending in CR LF (as Windows editors save) or CR alone are lines too, as the parser's
  /// are: the scan once took such a file for one line, and deep indentation in it went through to
  /// the parser.
  @Test(arguments: ["\r\n", "\r"]) func deepBlockNestingWithCRLineEndsIsRejected(end: String)
    throws
  {
    let indented = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" + end }.joined()
    let found = try #require(YAMLSource.excessiveNesting(in: indented))
    // Line n is n levels deep.
    #expect(found.line == YAMLSource.maximumDepth + 1)
    #expect(try configErrors(indented).first?.message.hasPrefix("nesting is deeper than") == true)
  }

  /// The column counts characters (Unicode scalars), not bytes.
  @Test func theNestingColumnCountsCharactersNotBytes() throws {
    let deep = "é: " + String(repeating: "[", count: 100)
    let found = try #require(YAMLSource.excessiveNesting(in: deep))
    #expect(found.line == 1)
    #expect(found.column == 3 + YAMLSource.maximumDepth)
  }

  @Test func bracketsInQuotesCommentsAndBlockScalarsDoNotCount() {
    let text = """
      title: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
      other: '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{''{{{'
      # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
      text: |
        [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
      plain: it's [fine] {really}
      """
    #expect(YAMLSource.excessiveNesting(in: text) == nil)
  }

  @Test func aliasBombIsStoppedQuickly() throws {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      lines.append("a\(level): &a\(level) [\(refs)]")
    }
    let diagnostics = try configErrors(lines.joined(separator: "\n") + "\n")
    #expect(diagnostics.first?.message.contains("more than \(SourceNode.nodeLimit) values") == true)
  }

  @Test func notUTF8IsReportedWithItsLine() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = folder.path + "/pmreport.yml"
    var bytes = Array("dpi: 150\ntitle: caf".utf8)
    bytes += [0xE9, 0x0A]
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = inputError {
      try ConfigLoader.loadSettings(
        configPath: path, workingDirectory: folder.path, inputs: Inputs())
    }
    #expect(error?.diagnostics.first?.line == 2)
    #expect(error?.diagnostics.first?.column == 11)
    #expect(error?.diagnostics.first?.message.contains("not UTF-8") == true)
  }

  @Test func twoDocumentsInOneFileAreReported() throws {
    let diagnostics = try configErrors("dpi: 100\n---\ndpi: 200\n")
    #expect(diagnostics.first?.line == 2)
    #expect(diagnostics.first?.message.contains("another document") == true)
  }
}
