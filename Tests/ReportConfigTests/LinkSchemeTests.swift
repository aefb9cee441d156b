import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// Links a document may carry: `http`, `https`, `mailto`, `tel`, relative references and the
/// document's own `#anchors`; any other scheme is an error at the place the link is written, in
/// Markdown and in YAML content alike.
@Suite struct LinkSchemeTests {
  static let refused = [
    "javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd", "data:text/html,hi",
    "ftp://example.org/a", "vbscript:msgbox", "//evil.example/x",
  ]

  static let allowed = [
    "https://example.org/a?b#c", "http://example.org", "mailto:team@example.org",
    "tel:+44-20-7946-0000", "#summary", "notes/handout.pdf", "../up.html", "page.html#part",
  ]

  /// A Markdown body with one link to `target`, on line 3 from column 9.
  private func markdown(_ target: String) -> String {
    "Intro.\n\nSee [x](\(target)) now.\n"
  }

  /// YAML content whose introduction holds one link to `target`, written on line 5 at column 15.
  private func yaml(_ target: String) -> String {
    """
    introduction:
      - paragraph:
          - text: "See "
          - text: x
            link: "\(target)"
    sections: []

    """
  }

  private func yamlErrors(_ text: String) throws -> [Diagnostic] {
    let tree = try #require(try YAMLSource.parse(text, file: "content.yml"))
    return inputError({ try ConfigLoader.decodeContent(tree, file: "content.yml") })?
      .diagnostics ?? []
  }

  @Test(arguments: refused)
  func aMarkdownLinkWithAnotherSchemeIsAnErrorWhereItsTargetIsWritten(target: String) throws {
    let error = inputError({
      try ConfigLoader.loadMarkdownContent(markdown(target), file: "content.md")
    })
    let problem = try #require(error?.diagnostics.first)
    #expect(error?.diagnostics.count == 1)
    #expect(problem.file == "content.md")
    #expect(problem.line == 3)
    #expect(problem.column == 9)
    #expect(problem.message.contains(target))
    #expect(problem.message.contains("http, https, mailto or tel"))
  }

  @Test func anAutolinkWithAnotherSchemeIsAnErrorToo() {
    let error = inputError({
      try ConfigLoader.loadMarkdownContent("Go <file:///etc/passwd> now.\n", file: "content.md")
    })
    #expect(error?.diagnostics.map(\.line) == [1])
  }

  @Test(arguments: refused)
  func aYAMLLinkWithAnotherSchemeIsAnErrorAtItsValue(target: String) throws {
    let problem = try #require(try yamlErrors(yaml(target)).first)
    #expect(problem.file == "content.yml")
    #expect(problem.line == 5)
    #expect(problem.column == 15)
    #expect(problem.message.contains(target))
  }

  @Test(arguments: allowed)
  func aLinkWithAnAllowedSchemeIsKept(target: String) throws {
    let fromMarkdown = try ConfigLoader.loadMarkdownContent(markdown(target), file: "content.md")
    let tree = try #require(try YAMLSource.parse(yaml(target), file: "content.yml"))
    let fromYAML = try ConfigLoader.decodeContent(tree, file: "content.yml").content
    for content in [fromMarkdown, fromYAML] {
      guard case .paragraph(let text) = content.introduction.last else {
        Issue.record("no paragraph read")
        continue
      }
      #expect(text.spans.compactMap(\.link) == [target])
    }
  }

  /// A reader skips a byte order mark and any white space before a link's scheme, so a link
  /// starting with them is judged by what follows.
  @Test(arguments: ["\u{FEFF}", "\u{2003}", "\u{00A0}", "\u{3000}", "\u{FEFF} \u{2028}"])
  func aSchemeBehindLeadingWhiteSpaceOrAByteOrderMarkIsRefused(lead: String) throws {
    let problem = try #require(LinkRules.problem(with: lead + "javascript:alert(1)"))
    #expect(problem.contains("the scheme 'javascript:'"), "\(problem)")
    #expect(LinkRules.problem(with: lead + "https://example.org") == nil)
  }
}
