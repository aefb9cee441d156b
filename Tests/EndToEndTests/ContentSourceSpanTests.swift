import Foundation
import Frames
import ReportModel
import Testing

@testable import PMReportKit
@testable import ReportConfig

/// Frame items carry where their content was written (file and line), from a Markdown or a YAML
/// content file alike; the built-in content carries none.
@Suite struct ContentSourceSpanTests {
  /// Lines 5, 7, 9, 11, 12 and 14 hold the introduction, the heading, a paragraph, two list
  /// items and a table; lines 20 and 22 a question and its answer.
  static let markdown = """
    ---
    title: Spans
    ---

    Words before any heading.

    # Where things are

    A paragraph written on line nine.

    - The first item.
    - The second item.

    | Aspect | Note |
    |---|---|
    | One | Two |

    # Questions {.faq}

    ## Who asks on line twenty?

    The answer on line twenty-two.

    More of the answer.
    """

  static let yaml = """
    title: Spans
    sections:
    - id: where
      title: Where things are
      blocks:
      - paragraph: A paragraph written on line six.
      - bullets:
          items:
          - - paragraph: An item on line nine.
      - faq:
        - question: A question on line eleven?
          answer: An answer on line twelve.
    """

  /// Two roles, their focus data and the two charts it draws, listed on lines 16 and 19 and shown
  /// with the section (its paragraph on line 26).
  static let charts = """
    title: Charts
    roles:
    - {id: a, name: Role A, short-name: A}
    - {id: b, name: Role B, short-name: B}
    focus:
    - label: One
      a: 5
      b: 2
    - label: Two
      a: 1
      b: 4
    - label: Three
      a: 3
      b: 3
    charts:
    - id: focus-profile
      kind: radar
      title: Where each role puts its weight
    - id: focus-difference
      kind: diverging-bars
      title: How far apart the roles are
    sections:
    - id: where
      title: Where things are
      blocks:
      - paragraph: A paragraph written on line twenty-six.
    """

  /// The project of a folder holding `text` as the content file `name` (none when nil).
  static func project(contentFile name: String, text: String?) throws -> Project {
    let dir = try temporaryDirectory("pmreport-spans")
    if let text {
      try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }
    let options = RunOptions(
      contentPath: text == nil ? nil : name, formats: [.pdf], workingDirectory: dir,
      date: Date(timeIntervalSince1970: 1_700_000_000))
    return try Project.load(options: options, inputs: Inputs())
  }

  /// Each tagged item of the report's pages: its tag, its span, and the text inside it.
  static func taggedItems(contentFile name: String, text: String?) throws -> [(
    tag: StructureTag, source: SourceSpan?, text: String
  )] {
    let project = try project(contentFile: name, text: text)
    let resolved = try #require(project.resolvedDocuments.first { $0.spec.kind == .report })
    let layout = HandoutLayout(
      content: project.content, resolved: resolved, metadata: project.settings.metadata,
      measurer: RunShaping().measurer, date: project.date, words: project.words,
      title: "Spans", positions: project.contentPositions)
    let type = layout.makeType()
    let builder = layout.reportBuilder(type)
    let laidOut = try layout.layout(type, titlePage: true) { try builder.blocks(pages: $0) }
    var found: [(StructureTag, SourceSpan?, String)] = []
    func visit(_ frame: Frame) {
      for (_, item) in frame.items {
        switch item {
        case .tagged(let tag, let inner, _, let source):
          found.append((tag, source, shownText(of: inner)))
          visit(inner)
        case .group(let inner), .language(_, let inner), .link(_, let inner),
          .scaled(_, let inner):
          visit(inner)
        default: continue
        }
      }
    }
    func shownText(of frame: Frame) -> String {
      var words: [String] = []
      frame.walk { _, item in if case .text(let line, _) = item { words.append(line.text) } }
      return words.joined(separator: " ")
    }
    for page in laidOut.pages { visit(page.frame) }
    return found
  }

  /// The line of the first tagged item with `tag` whose text holds `words`.
  static func line(
    of words: String, tagged tag: StructureTag,
    in items: [(tag: StructureTag, source: SourceSpan?, text: String)], file: String
  ) -> Int? {
    let item = items.first { $0.tag == tag && $0.text.contains(words) }
    guard let source = item?.source, source.file == file else { return nil }
    return source.line
  }

  @Test func markdownBlocksCarryTheirFileAndLine() throws {
    let items = try Self.taggedItems(contentFile: "content.md", text: Self.markdown)
    let file = "content.md"
    #expect(Self.line(of: "before any heading", tagged: .paragraph, in: items, file: file) == 5)
    #expect(Self.line(of: "Where things are", tagged: .heading1, in: items, file: file) == 7)
    #expect(Self.line(of: "on line nine", tagged: .paragraph, in: items, file: file) == 9)
    #expect(Self.line(of: "first item", tagged: .listItem, in: items, file: file) == 11)
    #expect(Self.line(of: "second item", tagged: .listItem, in: items, file: file) == 12)
    #expect(Self.line(of: "Aspect", tagged: .table, in: items, file: file) == 14)
    #expect(Self.line(of: "Two", tagged: .tableCell, in: items, file: file) == 14)
    #expect(Self.line(of: "Who asks", tagged: .paragraph, in: items, file: file) == 20)
    #expect(Self.line(of: "line twenty-two", tagged: .paragraph, in: items, file: file) == 22)
  }

  @Test func yamlBlocksCarryTheirFileAndLine() throws {
    let items = try Self.taggedItems(contentFile: "content.yml", text: Self.yaml)
    let file = "content.yml"
    #expect(Self.line(of: "on line six", tagged: .paragraph, in: items, file: file) == 6)
    #expect(Self.line(of: "item on line nine", tagged: .listItem, in: items, file: file) == 9)
    #expect(Self.line(of: "line eleven", tagged: .paragraph, in: items, file: file) == 11)
    #expect(Self.line(of: "line twelve", tagged: .paragraph, in: items, file: file) == 12)
  }

  @Test func theBuiltInContentCarriesNoSpans() throws {
    let items = try Self.taggedItems(contentFile: "", text: nil)
    #expect(items.contains { $0.tag == .paragraph })
    #expect(items.allSatisfy { $0.source == nil })
  }

  /// A chart the content lists is a figure at its entry in the list (a YAML file's, or a
  /// Markdown file's front matter's); a chart drawn from the data alone, listed nowhere, and the
  /// text inside a chart (its title, labels, caption) carry none.
  @Test func aListedChartIsAFigureAtItsEntry() throws {
    let yaml = try Self.taggedItems(contentFile: "content.yml", text: Self.charts)
    #expect(Self.line(of: "Where each role", tagged: .figure, in: yaml, file: "content.yml") == 16)
    #expect(Self.line(of: "How far apart", tagged: .figure, in: yaml, file: "content.yml") == 19)
    #expect(
      Self.line(of: "line twenty-six", tagged: .paragraph, in: yaml, file: "content.yml") == 26)
    #expect(
      yaml.filter { $0.source != nil && $0.tag != .figure }.allSatisfy {
        !$0.text.contains("Where each role") && !$0.text.contains("How far apart")
      })
    let body = "\n# Where things are {#where}\n\nA paragraph.\n"
    let front = Self.charts.components(separatedBy: "\nsections:")[0]
    let markdown = try Self.taggedItems(
      contentFile: "content.md", text: "---\n" + front + "\n---\n" + body)
    #expect(
      Self.line(of: "How far apart", tagged: .figure, in: markdown, file: "content.md") == 20)
    let unlisted = Self.charts.replacingOccurrences(
      of: "charts:\n- id: focus-profile", with: "figures:\n- id: focus-profile")
    let drawn = try Self.taggedItems(
      contentFile: "content.yml",
      text: unlisted.components(separatedBy: "\nfigures:")[0] + "\nsections:"
        + unlisted.components(separatedBy: "\nsections:")[1])
    let figures = drawn.filter { $0.tag == .figure }
    #expect(!figures.isEmpty)
    #expect(figures.allSatisfy { $0.source == nil })
  }

  /// The run keeps one row of four integers a place, not the file's tree: the YAML content's
  /// whole, its section, its three blocks, the list item and its paragraph, the question and the
  /// answer.
  @Test func thePositionsAreOneRowAPlace() throws {
    let project = try Self.project(contentFile: "content.yml", text: Self.yaml)
    let positions = try #require(project.contentPositions)
    #expect(positions.rows.count == 9)
    #expect(MemoryLayout<ContentPositions.Row>.stride == 16)
  }
}
