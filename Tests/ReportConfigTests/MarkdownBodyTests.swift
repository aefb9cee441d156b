import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// The Markdown body read straight into the content model: the values it gives, where the
/// content rules and the decoder point when a body value is wrong, and where image paths were
/// written.
@Suite struct MarkdownBodyTests {
  /// A body with a problem of every kind the reader, the decoder (of `kind=` and of a
  /// `pmreport-yaml` block) and the content rules find.
  static let troubled = """
    ---
    title: T
    roles:
      - id: business
        name: Business PM
        short-name: Biz
      - id: technical
        name: Technical PM
        short-name: Tech
    overlap:
      shared-section: nope
      business: [A]
    ---

    Intro ![x](i/one.png)

    # One {kind=strenghts}

    | Aspect | Business PM | Technical PM |
    |---|---|---|
    | Focus | a |
    | More | b | c |

    # One {#one .paired}

    | Aspect | Business PM | Technical PM |
    |---|---|---|
    | Focus | a |

    # Three {role=nobody kind=risks lang=xx-!!}

    ```pmreport-yaml
    - table:
        rows:
          - label: L
            business: x
            ghost: y
    - image: {path: i/two.png, alt: a}
    - nonsense: 3
    - paragraph: [1, 2]
    ```

    ![r](https://x/y.png)

    # Bad {.fqa colour=red #Bad_ID}

    ## Faq {.faq}

    ### Q1

    - not a paragraph

    # {#}

    """

  /// What `pmreport check` printed for ``troubled`` before the reader built the model directly.
  static let troubledDiagnostics = [
    "content.md:11:19: error: overlap.shared-section: no section has the id 'nope'; the section ids are: one-2, one, three, Bad_ID, faq, ",
    "content.md:17:8: error: sections[0].kind: unknown section kind 'strenghts'; expected strengths or risks; did you mean 'strengths'?",
    "content.md:30:10: error: sections[2].role: no role has the id 'nobody'; the role ids are: business, technical",
    "content.md:30:33: error: sections[2].lang: 'xx-!!' is not a language tag; expected a BCP 47 tag like 'en', 'de' or 'en-GB'",
    "content.md:35:9: error: sections[2].blocks[0].table.rows[0]: the row 'L' has no statement for 'technical'; a role table has one for each role (business, technical)",
    "content.md:37:16: error: sections[2].blocks[0].table.rows[0].ghost: no role has the id 'ghost'; the role ids are: business, technical",
    "content.md:39:3: error: sections[2].blocks[2].nonsense: unknown key 'nonsense' in blocks[2]; expected paragraph, list, bullets, faq, paired, table, grid, code, quote, rule or image",
    "content.md:40:15: error: sections[2].blocks[3].paragraph[0]: expected a mapping with keys text, emphasis, strong, code or link, found '1'",
    "content.md:40:18: error: sections[2].blocks[3].paragraph[1]: expected a mapping with keys text, emphasis, strong, code or link, found '2'",
    "content.md:43:6: error: sections[2].blocks[4].image: images are read from files inside the project; pmreport fetches nothing from the network (https://x/y.png)",
    "content.md:45:8: error: sections[3]: unknown heading class '.fqa'; did you mean '.faq'?",
    "content.md:45:13: error: sections[3]: unknown heading key 'colour'; expected role, kind, lang or short",
    "content.md:45:24: error: sections[3].id: section id 'Bad_ID' must be kebab-case: lowercase letters and digits in words joined by single hyphens, like 'key-differences'",
    "content.md:51:1: error: sections[3].subsections[0].blocks[0].faq[0]: an answer in a .faq section holds paragraphs only (each heading below the section is a question); remove .faq from the section's heading to keep this as a subsection",
    "content.md:53:1: error: sections[4].title: the section title must not be empty",
    "content.md:53:4: error: sections[4].id: section id '' must be kebab-case: lowercase letters and digits in words joined by single hyphens, like 'key-differences'",
  ]

  @Test func everyBodyProblemIsReportedWhereAndAsBefore() {
    let found = inputError {
      try ConfigLoader.loadMarkdownContent(Self.troubled, file: "content.md")
    }
    #expect(found?.diagnostics.map(\.description) == Self.troubledDiagnostics)
  }

  /// An unknown `kind=` is a decoding error: the rule about a kind with no role, which would be
  /// about the placeholder kind, is not reported beside it.
  @Test func anUnknownKindIsReportedOnce() {
    let found = inputError {
      try ConfigLoader.loadMarkdownContent("# A {kind=risk}\n\nText.\n", file: "content.md")
    }
    #expect(
      found?.diagnostics.map(\.description) == [
        "content.md:1:6: error: sections[0].kind: unknown section kind 'risk'; expected "
          + "strengths or risks; did you mean 'risks'?"
      ])
  }

  /// Images written in Markdown and in a `pmreport-yaml` block both keep where their path was
  /// first written.
  @Test func imagePathsInMarkdownAndInYAMLBlocksArePlaced() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "c.md",
      "# One\n\n```pmreport-yaml\nimage: {path: a.png, alt: A}\n```\n\n![B](b.png)\n\n"
        + "![A again](a.png)\n")
    let loaded = try ConfigLoader.loadContentFile(path: path, display: "c.md", inputs: Inputs())
    #expect(loaded.imageLocations["a.png"] == SourceLocation(file: "c.md", line: 4, column: 15))
    #expect(loaded.imageLocations["b.png"] == SourceLocation(file: "c.md", line: 7, column: 6))
    #expect(
      loaded.content.sections.first?.blocks == [
        .image(ImageBlock(path: "a.png", alt: "A")), .image(ImageBlock(path: "b.png", alt: "B")),
        .image(ImageBlock(path: "a.png", alt: "A again")),
      ])
  }

  /// A role table in a `.paired` section with the default first header is the paired list a YAML
  /// file writes as `paired:`; with another header it keeps it.
  @Test func roleTablesAreBuiltAsTheYAMLSchemaDecodesThem() throws {
    let roles = [
      Role(id: "business", name: "Business PM", shortName: "Biz"),
      Role(id: "technical", name: "Technical PM", shortName: "Tech"),
    ]
    let table = "| Aspect | Tech | Biz |\n|---|---|---|\n| Focus | *t* | b |\n"
    let row = RoleRow(
      label: "Focus",
      cells: [
        RoleCell(role: "technical", text: RichText(spans: [TextSpan("t", style: .emphasis)])),
        RoleCell(role: "business", text: "b"),
      ])
    #expect(
      MarkdownReader.readBlocks(table, roles: roles, paired: true) == [
        .roleTable(
          RoleTable(
            aspectHeader: "Aspect", columns: ["technical", "business"], rows: [row], paired: true))
      ])
    let renamed = table.replacingOccurrences(of: "Aspect", with: "Topic")
    #expect(
      MarkdownReader.readBlocks(renamed, roles: roles, paired: false) == [
        .roleTable(
          RoleTable(aspectHeader: "Topic", columns: ["technical", "business"], rows: [row]))
      ])
  }

  /// A role whose id is `label` (a row's own key in the schema) gets no cell in a role table, so
  /// the row is reported as it always was.
  @Test func aRoleNamedLabelHasNoCell() {
    let text =
      "---\nroles:\n  - {id: label, name: Lab, short-name: L}\n"
      + "  - {id: other, name: Oth, short-name: O}\n---\n# S\n\n"
      + "| Aspect | Lab | Oth |\n|---|---|---|\n| F | a | b |\n"
    let found = inputError { try ConfigLoader.loadMarkdownContent(text, file: "content.md") }
    #expect(
      found?.diagnostics.map(\.description) == [
        "content.md:10:2: error: sections[0].blocks[0].table.rows[0]: the row 'F' has no "
          + "statement for 'label'; a role table has one for each role (label, other)"
      ])
  }
}
