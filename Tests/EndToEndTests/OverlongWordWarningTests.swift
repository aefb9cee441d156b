import Foundation
import Testing

/// A word wider than its column is broken across lines and warned about, once for its document,
/// whether its paragraph is shaped or comes from the shape cache.
@Suite struct OverlongWordWarningTests {
  static let word = String(repeating: "abcdefghij", count: 200)

  @Test func aWordWiderThanItsColumnIsWarnedAboutOnceEvenFromTheCache() throws {
    let dir = try temporaryDirectory("pmreport-overlong-word")
    let content =
      "---\ntitle: Words\n---\n\nIntro.\n\n# Data\n\nText " + Self.word + " end.\n\n"
      + "| Item | Note |\n|---|---|\n| x | " + Self.word + " |\n"
    try content.write(toFile: dir + "/content.md", atomically: true, encoding: .utf8)
    try "content: content.md\nformats: [pdf]\noutput: Output\ndocuments:\n  - name: words\n"
      .write(toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    for _ in 0..<2 {  // a cold cache, then a warm one
      let result = try runPMReport([], in: dir)
      #expect(result.status == 0, "\(result.error)")
      let warnings = result.error.split(separator: "\n").filter { $0.contains("wider than its") }
      #expect(warnings.count == 1, "\(result.error)")
      #expect(warnings.first?.contains("words: the word '\(Self.word.prefix(30))…'") == true)
    }
    #expect(FileManager.default.fileExists(atPath: dir + "/.pmreport-cache"))
  }
}
