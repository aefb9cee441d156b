import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// Markdown content files: front matter, the body's conventions, positions of errors in the .md
/// file, and the round trips through the writer.
@Suite struct MarkdownContentTests {
  /// The front matter of a two-role comparison, 7 lines (`---` to `---`).
  static let twoRoles = """
    ---
    title: Roles
    roles:
      - {id: business, name: Business Product Manager, short-name: Business PM}
      - {id: technical, name: Technical Product Manager, short-name: Technical PM}
    lang: en
    ---

    """

  private func load(_ text: String) throws -> Comparison {
    try ConfigLoader.loadMarkdownContent(text, file: "content.md")
  }

  private func errors(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> [Diagnostic] {
    inputError({ try load(text) }, sourceLocation: sourceLocation)?.diagnostics ?? []
  }

  // MARK: - Front matter

  @Test func frontMatterGivesMetadataAndRoles() throws {
    let content = try load(Self.twoRoles + "Intro.\n")
    #expect(content.info.title == "Roles")
    #expect(content.info.lang == "en")
    #expect(content.roles.map(\.id) == ["business", "technical"])
    #expect(content.introduction == [.paragraph("Intro.")])
  }

  @Test func anErrorInFrontMatterNamesTheMarkdownLineAndColumn() {
    let found = errors(
      """
      ---
      roles:
        - {id: business, name: B, short-name: b}
        - {id: technical, name: T, short-name: t}
      focus:
        - {label: Strategy, business: 7, technical: 2}
      ---
      """)
    let problem = diagnostic(found, at: "focus[0].business")
    #expect(problem?.file == "content.md")
    #expect(problem?.line == 6)
    #expect(problem?.column == 33)
  }

  @Test func aTraitBothSharedAndOneRolesIsAWarning() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "content.md",
      """
      ---
      roles:
        - {id: a, name: A, short-name: A}
        - {id: b, name: B, short-name: B}
      overlap: {a: [Curiosity, Rigour], b: [Speed], shared-section: common}
      ---
      # Common {#common}

      - **Curiosity:** Both ask.
      """)
    let loaded = try ConfigLoader.loadContentFile(path: path, inputs: Inputs())
    let warning = try #require(loaded.warnings.first)
    #expect(warning.line == 5)
    #expect(
      warning.message.contains("'Curiosity' is listed as 'a' only and is also a shared trait"))
  }

  /// Where an image path was written is kept as the image block is decoded: the first place of
  /// each path, at its link target.
  @Test func eachImagePathKeepsWhereItWasFirstWritten() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "c.md", "# One\n\n![Logo](img/a.png)\n\n# Two\n\n![Again](img/a.png)\n\n![B](b.svg)\n")
    let loaded = try ConfigLoader.loadContentFile(path: path, display: "c.md", inputs: Inputs())
    #expect(loaded.imageLocations["img/a.png"] == SourceLocation(file: "c.md", line: 3, column: 9))
    #expect(loaded.imageLocations["b.svg"] == SourceLocation(file: "c.md", line: 9, column: 6))
    #expect(loaded.imageLocations.count == 2)
  }

  @Test func aRoleMarkNeedsAKindAndAKindARole() {
    let found = errors(
      Self.twoRoles + "# Good {role=business}\n\n- **A:** b\n\n# Bad {kind=risks}\n\n- **C:** d\n")
    let noKind = diagnostic(found, at: "sections[0].role")
    #expect(noKind?.message.contains("add kind=strengths or kind=risks") == true)
    let noRole = diagnostic(found, at: "sections[1].kind")
    #expect(noRole?.message.contains("names no role: add role=<id> (business, technical)") == true)
  }

  @Test func aTypoKeyInFrontMatterGetsADidYouMean() {
    let found = errors("---\nsubtitel: x\n---\n# A\n")
    let problem = diagnostic(found, at: "subtitel")
    #expect(problem?.line == 2 && problem?.column == 1)
    #expect(problem?.message.contains("did you mean 'subtitle'?") == true)
  }

  @Test func bodyKeysInFrontMatterAreUnknown() {
    let found = errors("---\ntitle: x\nsections: []\n---\n# A\n")
    let problem = diagnostic(found, at: "sections")
    #expect(problem?.line == 3)
    #expect(problem?.message.contains("expected title, subtitle") == true)
  }

  @Test func aYAMLSyntaxErrorInFrontMatterIsPlacedInTheFile() {
    let found = errors("---\ntitle: [unclosed\n---\n")
    #expect(found.first?.line ?? 0 >= 2)
    #expect(found.first?.file == "content.md")
  }

  // MARK: - Headings

  @Test func headingAttributesSetIdRoleKindAndPaired() throws {
    let content = try load(
      Self.twoRoles + """
        # Strengths {#business-strengths role=business kind=strengths .paired}

        Text.
        """)
    let section = try #require(content.sections.first)
    #expect(section.id == "business-strengths")
    #expect(section.title == "Strengths")
    #expect(section.role == "business")
    #expect(section.kind == .strengths)
    #expect(section.paired)
  }

  @Test func slugsFoldDiacriticsAndNumberDuplicates() throws {
    let content = try load(
      """
      # Führung & Strategie

      ## Über uns

      # Führung & Strategie

      # The product’s *value*
      """)
    #expect(
      content.sections.map(\.id) == [
        "fuhrung-strategie", "fuhrung-strategie-2", "the-products-value",
      ])
    #expect(content.sections.first?.subsections.map(\.id) == ["uber-uns"])
    #expect(content.sections.last?.title == "The product’s value")
    #expect(MarkdownReader.slug("  Hello,  World!  ") == "hello-world")
  }

  @Test func headingLevelsNestFromTheTopLevelInUse() throws {
    let content = try load("## A\n\n### A1\n\n#### A1a\n\n## B\n")
    #expect(content.sections.map(\.id) == ["a", "b"])
    #expect(content.sections.first?.subsections.first?.subsections.map(\.id) == ["a1a"])
  }

  @Test func unknownHeadingAttributesGetADidYouMean() {
    let found = errors("# A {.faqs rol=x}\n")
    #expect(found.count == 2)
    #expect(found.first?.message.contains("did you mean '.faq'?") == true)
    #expect(found.first?.column == 6)
    #expect(found.last?.message.contains("did you mean 'role'?") == true)
    #expect(found.last?.column == 12)
  }

  @Test func anUnknownRoleIsReportedAtTheAttribute() {
    let found = errors(Self.twoRoles + "# A {role=busines}\n")
    let problem = diagnostic(found, at: "sections[0].role")
    #expect(problem?.line == 8)
    #expect(problem?.column == 6)
    #expect(problem?.message.contains("did you mean 'business'?") == true)
  }

  @Test func aSectionsLanguageIsReadCheckedAndWrittenBack() throws {
    let content = try load(Self.twoRoles + "# Begriffe {#terms lang=de}\n\nDie Wörter.\n")
    #expect(content.sections.first?.lang == "de")
    let again = try load(try ConfigLoader.exportMarkdown(content))
    #expect(again.sections.first?.lang == "de")
    let found = errors(Self.twoRoles + "# A {lang=german}\n")
    let problem = diagnostic(found, at: "sections[0].lang")
    #expect(problem?.line == 8)
    #expect(problem?.column == 6)
    #expect(problem?.message.contains("did you mean 'de'?") == true)
  }

  @Test func columnsCountCharactersNotBytes() {
    // "Über Führung " holds two two-byte letters before the attribute.
    let found = errors(Self.twoRoles + "# Über Führung {role=nobody}\n")
    let problem = diagnostic(found, at: "sections[0].role")
    #expect(problem?.column == 17)
    // A role table header inside a quote: reported at the row, column 3.
    let table = errors(
      Self.twoRoles + "Ä\n\n> | Aspect | Business PM | Nobody |\n> | --- | --- | --- |\n")
    #expect(table.first?.line == 10 && table.first?.column == 3)
    // A remote image in a list item: at its URL.
    #expect(errors("- ![y](http://x/y.png)\n").first?.column == 8)
  }

  @Test func duplicateIdsPointAtTheSecondHeading() {
    let found = errors("# A {#same}\n\n# B {#same}\n")
    let problem = diagnostic(found, at: "sections[1].id")
    #expect(problem?.line == 3 && problem?.column == 6)
  }

  // MARK: - FAQ

  @Test func aFAQSectionTurnsQuestionHeadingsIntoEntries() throws {
    let content = try load(
      """
      ## FAQs {.faq}

      Read these first.

      ### Who decides?

      Both, *together*.

      Then again, not always.

      ### Why?

      Because.

      ## Next
      """)
    #expect(content.sections.map(\.id) == ["faqs", "next"])
    let faq = try #require(content.sections.first)
    #expect(faq.subsections.isEmpty)
    #expect(faq.blocks.count == 2)
    #expect(faq.blocks.first == .paragraph("Read these first."))
    guard case .faq(let entries) = faq.blocks.last else {
      Issue.record("no faq block")
      return
    }
    #expect(entries.map(\.question) == ["Who decides?", "Why?"])
    #expect(
      entries.first?.answer
        == RichText(spans: [
          TextSpan("Both, "), TextSpan("together", style: .emphasis),
          TextSpan(".\n\nThen again, not always."),
        ]))
    #expect(entries.last?.answer == "Because.")
  }

  // MARK: - Lists

  @Test func listsOfBoldLabelsAreLabelledListsOthersAreBullets() throws {
    let content = try load(
      """
      - **Focus:** Market *needs*.
      - **Skills**: Analysis.

      1. **Focus:** one
      2. plain
         - nested
      """)
    #expect(
      content.introduction.first
        == .labelledList([
          LabelledItem(
            label: "Focus",
            text: RichText(spans: [
              TextSpan("Market "), TextSpan("needs", style: .emphasis), TextSpan("."),
            ])),
          LabelledItem(label: "Skills", text: "Analysis."),
        ]))
    guard case .list(let list) = content.introduction.last else {
      Issue.record("expected a bullet list")
      return
    }
    #expect(list.ordered && list.start == 1 && list.items.count == 2)
    guard case .list(let nested) = list.items[1].last else {
      Issue.record("expected a nested list")
      return
    }
    #expect(!nested.ordered && nested.items == [[.paragraph("nested")]])
  }

  // MARK: - Tables

  @Test func aTableHeadedByRoleNamesIsARoleTable() throws {
    let content = try load(
      Self.twoRoles + """
        # Summary

        | Aspect | Business PM | technical |
        | --- | --- | --- |
        | Focus | Market | **Tech** |

        # Plain

        | Tool | Use |
        | :-- | --: |
        | JIRA | Tracking |
        """)
    guard case .roleTable(let table) = content.sections[0].blocks.first else {
      Issue.record("expected a role table")
      return
    }
    #expect(table.aspectHeader == "Aspect" && table.columns == ["business", "technical"])
    #expect(
      table.rows.first?.text(for: "technical")
        == RichText(spans: [TextSpan("Tech", style: .strong)]))
    #expect(
      content.sections[1].blocks
        == [
          .table(
            PlainTable(
              header: ["Tool", "Use"], rows: [["JIRA", "Tracking"]], alignments: [.left, .right]))
        ])
  }

  @Test func aPairedSectionsRoleTablesArePaired() throws {
    let content = try load(
      Self.twoRoles + """
        # Differences {.paired}

        | Aspect | Business Product Manager | Technical Product Manager |
        | --- | --- | --- |
        | Focus | Market | Tech |
        """)
    guard case .roleTable(let table) = content.sections[0].blocks.first else {
      Issue.record("expected a role table")
      return
    }
    #expect(table.paired && content.sections[0].paired)
  }

  @Test func aRoleTableWithAMisnamedColumnIsReportedAtItsHeader() {
    let found = errors(
      Self.twoRoles + """
        # Summary

        Text.

        | Aspect | Business PM | Tecnical PM |
        | --- | --- | --- |
        | Focus | Market | Tech |
        """)
    let problem = diagnostic(found, at: "sections[0].blocks[1].table")
    #expect(problem?.line == 12 && problem?.column == 1)
    #expect(problem?.message.contains("'Tecnical PM' names no role") == true)
    #expect(problem?.message.contains("did you mean 'Technical PM'?") == true)
    #expect(problem?.message.contains("no column for 'technical'") == true)
  }

  // MARK: - Other blocks

  @Test func codeQuotesRulesImagesAndInlineFormatting() throws {
    let content = try load(
      """
      See `make` and [the docs](https://example.org) or <https://x.org>.\\
      Next line, <b>raw</b>.

      ```swift
      let x = 1
      ```

          indented

      > Quoted.

      ***

      ![A chart](img/chart.png "title")
      """)
    let intro = content.introduction
    #expect(intro.count == 6)
    #expect(
      intro[0]
        == .paragraph(
          RichText(spans: [
            TextSpan("See "), TextSpan("make", style: .code), TextSpan(" and "),
            TextSpan("the docs", link: "https://example.org"), TextSpan(" or "),
            TextSpan("https://x.org", link: "https://x.org"), TextSpan(".\nNext line, <b>raw</b>."),
          ])))
    #expect(intro[1] == .code(CodeBlock(language: "swift", text: "let x = 1")))
    #expect(intro[2] == .code(CodeBlock(language: nil, text: "indented")))
    #expect(intro[3] == .quote([.paragraph("Quoted.")]))
    #expect(intro[4] == .rule)
    #expect(intro[5] == .image(ImageBlock(path: "img/chart.png", alt: "A chart")))
  }

  @Test func aRemoteImageIsAnError() {
    let found = errors("# A\n\nText.\n\n![x](https://example.com/x.png)\n")
    #expect(found.count == 1)
    // At the URL, not the line's start.
    #expect(found.first?.line == 5 && found.first?.column == 6)
    #expect(found.first?.message.contains("pmreport fetches nothing from the network") == true)
  }

  @Test func aPlainDocumentWithNoRolesDecodes() throws {
    let content = try load(
      """
      # pmreport

      A document generator. See [the guide](docs/guide.md).

      ## Install

      ```sh
      make build
      ```

      - Build with `make`.
      - Test with `make test`.

      | Target | Role |
      | --- | --- |
      | Geometry | value types |
      """)
    #expect(!content.hasRoles)
    #expect(content.sections.map(\.id) == ["pmreport"])
    #expect(content.sections[0].subsections.first?.blocks.count == 3)
  }

  // MARK: - Round trips

  @Test func theBuiltInArticleRoundTripsThroughMarkdownAndYAML() throws {
    let article = try ConfigLoader.builtInContent()
    let markdown = try ConfigLoader.exportMarkdown(article)
    #expect(try load(markdown) == article)
    #expect(!markdown.contains(MarkdownReader.yamlBlockInfo))
    let yaml = try ConfigLoader.exportContent(article)
    let folder = try TempFolder()
    defer { folder.remove() }
    #expect(
      try ConfigLoader.loadContent(path: folder.write("content.yml", yaml), inputs: Inputs())
        == article)
    #expect(
      try ConfigLoader.loadContent(path: folder.write("content.md", markdown), inputs: Inputs())
        == article)
  }

  @Test func whatMarkdownCannotSayRoundTripsThroughYAMLBlocks() throws {
    let roles = [
      Role(id: "business", name: "Business PM", shortName: "B"),
      Role(id: "technical", name: "Technical PM", shortName: "T"),
    ]
    let row = RoleRow(
      label: "Focus | *x*",
      cells: [RoleCell(role: "business", text: "a|b"), RoleCell(role: "technical", text: "`c`")])
    let content = Comparison(
      roles: roles,
      introduction: [
        .paragraph("1. not a list, # not a heading, *not emphasis*, <not html>, [not a link]"),
        .paragraph(" edge spaces "),
        .paragraph(RichText(spans: [TextSpan("bold", style: .strong), TextSpan(" and\nbreak")])),
        .list(ListBlock(ordered: false, items: [[.paragraph("one")]])),
        .list(ListBlock(ordered: true, start: 3, items: [[.paragraph("two")], [.rule]])),
        .labelledList([LabelledItem(label: "L", text: "t")]),
        .paragraph("two\nlines\n"), .paragraph("\\ - + > ~~~ 10. a & b &amp; c x_y"),
        .paragraph(RichText(spans: [TextSpan("l`k", style: .code, link: "https://a.b/c d")])),
        .code(CodeBlock(language: nil, text: "```\ninner\n```")),
        .image(ImageBlock(path: "a b (1).png", alt: "x]y")),
      ],
      sections: [
        Section(
          id: "mixed", title: "Braces {#x} and *stars*",
          blocks: [
            .faq([FAQEntry(question: "Q?", answer: "A.")]),
            .paragraph("After the FAQ."),
            .roleTable(
              RoleTable(
                aspectHeader: "Aspect", columns: ["business", "technical"], rows: [row],
                paired: true)),
            .roleTable(
              RoleTable(aspectHeader: "Aspect", columns: ["business", "technical"], rows: [row])),
            .table(PlainTable(header: ["Business PM", "Technical PM"], rows: [["x", "y"]])),
          ],
          subsections: [
            Section(
              id: "faq", title: "FAQ",
              blocks: [
                .paragraph("Intro."),
                .faq([FAQEntry(question: "Why *not*?", answer: "One.\n\nTwo.")]),
              ])
          ])
      ],
      charts: ChartData(specs: nil))
    let markdown = try ConfigLoader.exportMarkdown(content)
    #expect(try load(markdown) == content)
    #expect(markdown.contains("## FAQ {#faq .faq}"))
    #expect(markdown.contains("```pmreport-yaml"))
  }
}
