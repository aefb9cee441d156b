import Foundation
import Testing

@testable import ReportConfig

/// The checker's text rules, against the definitions they implement.
@Suite struct CheckerRulesTests {
  /// Kebab-case is `^[a-z0-9]+(-[a-z0-9]+)*$`: ASCII lowercase letters and digits only.
  @Test func kebabCaseIsTheRegularExpression() {
    let kebab = #"^[a-z0-9]+(-[a-z0-9]+)*$"#
    let names = [
      "key-differences", "a", "2024-q1", "", "-a", "a-", "a--b", "A", "key_differences",
      "café", "ａｂ", "١٢", "a b", "a\r\nb", "ǆ", "x-1-y",
    ]
    for name in names {
      #expect(
        Checker.isKebabCase(name) == (name.range(of: kebab, options: .regularExpression) != nil),
        "\(name)")
    }
  }

  /// A text is empty when nothing but white space and line breaks is left of it trimmed.
  @Test func emptyIsNothingButWhiteSpace() {
    let texts = ["", " ", "\n\t ", "\u{2003}\u{85}\u{2028}", "\u{A0}", "a", " a ", "\u{200B}", "."]
    for text in texts {
      var checker = Checker(positions: SourceNode.emptyMapping(at: .builtIn("test")))
      checker.checkNotEmpty(text, at: .root, what: "text")
      let empty = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      #expect(checker.diagnostics.count == (empty ? 1 : 0), "\(text.unicodeScalars.map(\.value))")
    }
  }
}
