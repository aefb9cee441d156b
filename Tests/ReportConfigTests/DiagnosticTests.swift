import Testing

@testable import ReportConfig

/// The pieces behind the messages: suggestions, key paths and the one-line format.
@Suite struct DiagnosticTests {
  @Test func nearestNamesForTypos() {
    #expect(
      Suggestions.nearest(to: "orphan", in: ["justify", "hyphenate", "orphans", "widows"])
        == "orphans")
    #expect(Suggestions.nearest(to: "pgn", in: ["pdf", "svg", "png"]) == "png")
    #expect(Suggestions.nearest(to: "A4", in: ["a4", "letter"]) == "a4")
    // A huge value (a fuzzed file) is no typo of a short name.
    #expect(Suggestions.nearest(to: String(repeating: "é ", count: 150_000), in: ["faq"]) == nil)
    #expect(Suggestions.nearest(to: "hyphnate", in: ["justify", "hyphenate"]) == "hyphenate")
    #expect(Suggestions.nearest(to: "colour", in: ["name", "metadata", "style"]) == nil)
    #expect(Suggestions.nearest(to: "", in: ["a"]) == nil)
  }

  @Test func editDistanceCountsTranspositionsAsOne() {
    #expect(Suggestions.distance("kitten", "sitting") == 3)
    #expect(Suggestions.distance("prnit", "print") == 1)
    #expect(Suggestions.distance("", "abc") == 3)
    #expect(Suggestions.distance("same", "same") == 0)
  }

  @Test func descriptionIsOneCompilerStyleLine() {
    let d = Diagnostic(
      file: "Styles/x.yml", line: 12, column: 3, keyPath: "paragraph.orphan",
      message: "unknown key 'orphan' in paragraph;\ndid you mean 'orphans'?")
    #expect(
      d.description
        == "Styles/x.yml:12:3: error: paragraph.orphan: unknown key 'orphan' in paragraph; did you mean 'orphans'?"
    )
    let whole = Diagnostic(
      severity: .warning, file: "a.yml", line: 0, column: 0, keyPath: "", message: "m")
    #expect(whole.description == "a.yml: warning: m")
  }

  @Test func keyPathsPrintLikeTheyAreWritten() {
    let path = NodePath.root.appending("documents").appending(2).appending("page-size")
    #expect(path.description == "documents[2].page-size")
    #expect(path.parent.containerName == "documents[2]")
    #expect(NodePath.root.appending("a").appending(0).appending(1).description == "a[0][1]")
  }

  @Test func inputErrorKeepsEveryDiagnosticAndPrintsTwenty() {
    let many = (1...60).map {
      Diagnostic(file: "f", line: $0, column: 1, keyPath: "", message: "m")
    }
    let error = InputError(diagnostics: many)
    #expect(error.diagnostics.count == 60)
    let lines = error.description.split(separator: "\n")
    #expect(lines.count == 21)
    #expect(lines[19] == "f:20:1: error: m")
    #expect(lines.last == "… and 40 more problems not shown")
    let lines21 = InputError(diagnostics: Array(many.prefix(21))).description
    #expect(lines21.hasSuffix("… and 1 more problem not shown"))
  }
}
