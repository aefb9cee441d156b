import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// A section's short title, for running headers too narrow for its title: `short-title` in YAML,
/// `{short=…}` on a Markdown heading, written back by `export-content` in both.
@Suite struct ShortTitleTests {
  static let markdown = """
    ---
    title: Roles
    ---

    ## Key Differences Between the Two Roles {#key-differences short="Key differences"}

    Text.

    ### A Subsection Heading {short=Sub}

    More.

    """

  @Test func aMarkdownHeadingGivesItsShortTitle() throws {
    let content = try ConfigLoader.loadMarkdownContent(Self.markdown, file: "content.md")
    #expect(content.sections.map(\.shortTitle) == ["Key differences"])
    #expect(content.sections.first?.title == "Key Differences Between the Two Roles")
    #expect(content.sections.first?.subsections.map(\.shortTitle) == ["Sub"])
  }

  @Test func exportWritesItBackInMarkdownAndYAML() throws {
    let content = try ConfigLoader.loadMarkdownContent(Self.markdown, file: "content.md")
    let markdown = try ConfigLoader.exportMarkdown(content)
    #expect(markdown.contains("{#key-differences short=\"Key differences\"}"))
    #expect(markdown.contains("{#a-subsection-heading short=Sub}"))
    #expect(try ConfigLoader.loadMarkdownContent(markdown, file: "again.md") == content)
    let yaml = try ConfigLoader.exportContent(content)
    #expect(yaml.contains("short-title: Key differences"))
    let folder = try TempFolder()
    defer { folder.remove() }
    let loaded = try ConfigLoader.loadContent(
      path: try folder.write("content.yml", yaml), inputs: Inputs())
    #expect(loaded == content)
  }

  @Test func aShortTitleAMarkdownHeadingCannotHoldIsAnError() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let yaml = """
      sections:
        - id: one
          title: One
          short-title: 'Say "hi"'

      """
    let error = inputError {
      try ConfigLoader.loadContent(path: try folder.write("c.yml", yaml), inputs: Inputs())
    }
    let found = diagnostic(error?.diagnostics ?? [], at: "sections[0].short-title")
    #expect(found?.line == 4)
    #expect(found?.message.contains("'\"'") == true)
  }

  @Test func anUnknownHeadingKeySuggestsShort() throws {
    let text = "## One {shrt=One}\n"
    let error = inputError { try ConfigLoader.loadMarkdownContent(text, file: "c.md") }
    #expect(error?.diagnostics.first?.message.contains("did you mean 'short'?") == true)
  }
}
