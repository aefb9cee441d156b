import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// Speaker notes and slide text written as Pandoc's fenced divs (`::: notes`, `::: slide`), the
/// heading class `.no-slide`, the same through YAML keys, and both written back by export.
@Suite struct FencedDivTests {
  static let withDivs = """
    # Opening {.no-slide}

    ::: slide
    Three things to **remember**.
    :::

    ::: {.notes}
    Ask who has *run* a retro.

    - Warm up
    :::

    After the divs.

    ```
    ::: notes
    code, not a div
    ```

    ## Below

    Text.

    """

  private func load(_ text: String) throws -> Comparison {
    try ConfigLoader.loadMarkdownContent(text, file: "content.md")
  }

  private func errors(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> [String] {
    inputError({ try load(text) }, sourceLocation: sourceLocation)?.diagnostics.map(\.description)
      ?? []
  }

  @Test func divsGiveTheSectionItsNotesSlideTextAndNoSlideFlag() throws {
    let section = try #require(try load(Self.withDivs).sections.first)
    #expect(section.noSlide)
    #expect(
      section.slide == [
        .paragraph(
          RichText(spans: [
            TextSpan("Three things to "), TextSpan("remember", style: .strong), TextSpan("."),
          ]))
      ])
    #expect(
      section.notes == [
        .paragraph(
          RichText(spans: [
            TextSpan("Ask who has "), TextSpan("run", style: .emphasis), TextSpan(" a retro."),
          ])),
        .list(ListBlock(ordered: false, items: [[.paragraph("Warm up")]])),
      ])
    #expect(
      section.blocks == [
        .paragraph("After the divs."),
        .code(CodeBlock(language: nil, text: "::: notes\ncode, not a div")),
      ])
    #expect(section.subsections.map(\.title) == ["Below"])
    #expect(section.subsections.first?.notes == [])
  }

  /// The lines after a div keep their numbers: the paragraph after the divs is placed on line 13,
  /// an error after them names its true line, and so does one inside a div.
  @Test func linesAfterADivKeepTheirNumbers() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("c.md", Self.withDivs)
    let loaded = try ConfigLoader.loadContentFile(path: path, display: "c.md", inputs: Inputs())
    let section = try #require(loaded.positions?.section(0))
    #expect(section.block(0)?.line == 13)
    #expect(section.block(1)?.line == 15)
    #expect(section.subsection(0)?.line == 20)
    let broken = Self.withDivs.replacingOccurrences(of: "## Below", with: "## Below {.fqa}")
      .replacingOccurrences(of: "Warm up", with: "[Warm](javascript:x) up")
    let found = errors(broken)
    #expect(
      found.contains { $0.hasPrefix("content.md:20:11: error: ") && $0.contains("'.faq'") },
      "\(found)")
    #expect(found.contains { $0.hasPrefix("content.md:10:") && $0.contains("javascript") })
  }

  @Test func anUnclosedDivIsAnErrorAtItsLine() {
    #expect(
      errors("# A\n\nText.\n\n::: notes\nNever closed.\n") == [
        "content.md:5:1: error: this fenced div is never closed; end it with a ':::' line"
      ])
  }

  @Test func anUnknownDivClassGetsADidYouMean() {
    #expect(
      errors("# A\n\n::: note\nN.\n:::\n") == [
        "content.md:3:1: error: unknown fenced div '::: note'; did you mean '::: notes'?"
      ])
    #expect(
      errors("# A\n\n::: {.xyzzy}\nN.\n:::\n") == [
        "content.md:3:1: error: unknown fenced div '::: xyzzy'; expected '::: notes' or "
          + "'::: slide'"
      ])
  }

  @Test func aDivOutsideASectionOrHoldingAHeadingIsAnError() {
    #expect(
      errors("::: notes\nN.\n:::\n\n# A\n") == [
        "content.md:1:1: error: a '::: notes' div belongs to a section; move it below a heading"
      ])
    #expect(
      errors("# A\n\n::: slide\n## B\n:::\n") == [
        "content.md:4:1: error: sections[0].slide: a '::: slide' div holds no headings; close "
          + "the div above it"
      ])
  }

  /// Notes, slide text and the flag survive export to Markdown and to YAML and reading back.
  @Test func notesSlideTextAndNoSlideRoundTrip() throws {
    let content = try load(Self.withDivs)
    let markdown = try ConfigLoader.exportMarkdown(content)
    #expect(markdown.contains("{#opening .no-slide}"))
    #expect(markdown.contains("::: slide\n"))
    #expect(markdown.contains("::: notes\n"))
    #expect(try load(markdown) == content)
    let yaml = try ConfigLoader.exportContent(content)
    #expect(yaml.contains("no-slide: true"))
    #expect(yaml.contains("notes:"))
    #expect(yaml.contains("slide:"))
    let folder = try TempFolder()
    defer { folder.remove() }
    #expect(
      try ConfigLoader.loadContent(path: folder.write("content.yml", yaml), inputs: Inputs())
        == content)
  }

  @Test func yamlKeysGiveTheSame() throws {
    let yaml = """
      sections:
        - id: a
          title: A
          no-slide: true
          slide: [Slide text.]
          notes: [First note., {bullets: {items: [[Item]]}}]
      """
    let folder = try TempFolder()
    defer { folder.remove() }
    let content = try ConfigLoader.loadContent(
      path: folder.write("content.yml", yaml), inputs: Inputs())
    let section = try #require(content.sections.first)
    #expect(section.noSlide)
    #expect(section.slide == [.paragraph("Slide text.")])
    #expect(
      section.notes == [
        .paragraph("First note."), .list(ListBlock(ordered: false, items: [[.paragraph("Item")]])),
      ])
  }
}
