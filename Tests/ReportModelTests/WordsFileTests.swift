import Foundation
import Testing

@testable import ReportModel

/// The words files (`Sources/ReportModel/Words/*.txt`): their format, and that every language has
/// every key and no key goes unused.
@Suite struct WordsFileTests {
  /// The repository's `Sources` folder.
  private static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  /// Every key a words file holds: the printed words' and `init`'s.
  private static let allKeys =
    Set(Words.Key.allCases.map(\.rawValue)).union(ProjectWords.Key.allCases.map(\.rawValue))

  @Test func readsEntriesQuotesAndEscapes() {
    let file = WordsFile(
      parsing: """
        # a comment
          contents  =  Table of contents\t

        separator = ": "
        question = Quoi\\u{00A0}?
        path = a\\\\b
        """)
    #expect(file.problems.isEmpty)
    #expect(
      file.entries == [
        "contents": "Table of contents", "separator": ": ", "question": "Quoi\u{00A0}?",
        "path": "a\\b",
      ])
  }

  @Test func reportsEachMalformedLineAndSkipsIt() {
    let file = WordsFile(
      parsing: "no equals sign\n = no key\ncontents = A\ncontents = B\nbad = a\\q\nodd = \\u{zz}\n")
    #expect(
      file.problems == [
        "line 1: expected `key = text`", "line 2: '' is not a key",
        "line 4: 'contents' is given twice",
        "line 5: a backslash starts neither \\u{…} nor \\\\",
        "line 6: a backslash starts neither \\u{…} nor \\\\",
      ])
    #expect(file.entries == ["contents": "A"])
  }

  @Test func everyLanguageHasEveryKeyAndNoOther() {
    #expect(ShippedWords.files.count == 4)
    for (language, file) in ShippedWords.files {
      #expect(file.problems.isEmpty, "\(language): \(file.problems)")
      let keys = Set(file.entries.keys)
      let missing = Self.allKeys.subtracting(keys).sorted()
      let unknown = keys.subtracting(Self.allKeys).sorted()
      #expect(keys == Self.allKeys, "\(language): missing \(missing), unknown \(unknown)")
    }
  }

  @Test func initsTemplatesUseTheSamePlaceholdersInEveryLanguage() {
    let english = ProjectWords(language: "en")
    for language in Words.shippedLanguages {
      let words = ProjectWords(language: language)
      for key in ProjectWords.Key.allCases {
        #expect(!words[key].isEmpty, "\(language) \(key.rawValue)")
        #expect(
          Words.placeholders(in: words[key]) == Words.placeholders(in: english[key]),
          "\(language) \(key.rawValue)")
      }
    }
    #expect(ProjectWords(language: "de-CH")[.faq] == "Häufige Fragen")
    #expect(ProjectWords(language: "sv") == english)
  }

  /// French sets a no-break space before a colon; entries the PDF's /Title, its outline and an
  /// SVG's <title> take untypeset (`guide-title`, `quiz-answer`) must hold it themselves.
  @Test func frenchNeverHasAPlainSpaceBeforeAColon() throws {
    let french = try #require(ShippedWords.files["fr"])
    let plain = french.entries.filter { $0.value.contains(" :") }.keys.sorted()
    #expect(plain.isEmpty, "a plain space before ':' in \(plain)")
  }

  @Test func everyFileInTheWordsFolderIsCompiledIn() throws {
    let folder = Self.sources.appendingPathComponent("ReportModel/Words")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.sorted() == Words.shippedLanguages.map { "\($0).txt" })
  }

  /// Each key's Swift case (`.pageOf` for `page-of`, `.atAGlance` for `init.at-a-glance`) is
  /// written somewhere in Sources: no word is shipped that nothing prints.
  @Test func noKeyIsUnused() throws {
    var members: Set<Substring> = []
    let files = FileManager.default.enumerator(atPath: Self.sources.path)
    while let path = files?.nextObject() as? String {
      guard path.hasSuffix(".swift") else { continue }
      let code = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
      for piece in code.split(separator: ".").dropFirst() {
        members.insert(piece.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
      }
    }
    for key in Self.allKeys {
      let words = key.replacingOccurrences(of: "init.", with: "").split(separator: "-")
      let name =
        words[0]
        + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }
        .joined()
      #expect(
        members.contains(Substring(name)), "'\(key)' (.\(name)) is written nowhere in Sources")
    }
  }
}
