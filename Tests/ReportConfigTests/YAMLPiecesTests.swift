import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// A watch session's content YAML parsed a piece at a time (each top-level entry, each section):
/// the same tree as a whole parse, positions included, each unchanged piece not parsed again, and
/// every file it cannot piece together parsed whole, with the whole parse's errors.
struct YAMLPiecesTests {
  /// Every node's kind, text and place, and every key's place, one a line.
  func dump(_ node: SourceNode?, _ indent: String = "") -> String {
    guard let node else { return "nil" }
    let place = node.location.description
    switch node.value {
    case .scalar(let text, let plain): return "\(indent)\(place) scalar \(plain) \(text)\n"
    case .sequence(let items):
      return "\(indent)\(place) list\n" + items.map { dump($0, indent + " ") }.joined()
    case .mapping(let entries):
      return "\(indent)\(place) mapping\n"
        + entries.map {
          "\(indent) \($0.keyLocation) key \($0.key)\n" + dump($0.value, indent + "  ")
        }.joined()
    }
  }

  /// The exported built-in article: sections as items at column 1.
  func article() throws -> String {
    try ConfigLoader.exportContent(ConfigLoader.builtInContent())
  }

  /// `text` with a paragraph of `lines` lines added before the first block of section `section`
  /// (0-based).
  func adding(lines: Int, toSection section: Int, in text: String) -> String {
    var seen: Int?
    var out: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "sections:" { seen = -1 }
      if let count = seen, line.hasPrefix("- ") { seen = count + 1 }
      out.append(String(line))
      if seen == section, line == "  blocks:" {
        out.append("  - paragraph: |-")
        out += (0..<lines).map { "      Added line \($0)." }
        seen = nil
      }
    }
    return out.joined(separator: "\n")
  }

  @Test func theArticleGivesTheWholeParsesTreeAndEachPieceIsParsedOnce() throws {
    let text = try article()
    let pieces = YAMLPieces()
    let tree = try pieces.parse(text, file: "content.yml")
    #expect(dump(tree) == dump(try YAMLSource.parse(text, file: "content.yml")))
    let parsed = pieces.counts.parsed
    #expect(parsed > 10)
    #expect(pieces.counts.reused == 0)
    _ = try pieces.parse(text, file: "content.yml")
    #expect(pieces.counts == (parsed: parsed, reused: parsed))
  }

  /// Lines added in section 2: only that section is parsed again; the later sections, taken as
  /// kept, are placed at their new lines (a value in section 5 is where a whole parse puts it).
  @Test func anEditThatAddsLinesParsesItsSectionAloneAndShiftsTheRest() throws {
    let text = try article()
    let edited = adding(lines: 3, toSection: 1, in: text)
    #expect(edited.split(separator: "\n").count == text.split(separator: "\n").count + 4)
    #expect(edited.contains("Added line 2."))
    let pieces = YAMLPieces()
    _ = try pieces.parse(text, file: "content.yml")
    let before = pieces.counts
    let tree = try pieces.parse(edited, file: "content.yml")
    let whole = try YAMLSource.parse(edited, file: "content.yml")
    #expect(dump(tree) == dump(whole))
    #expect(pieces.counts.parsed == before.parsed + 1)
    #expect(pieces.counts.reused == before.parsed - 1)
    let fifth = NodePath.root.appending("sections").appending(4).appending("title")
    let old = try #require(try YAMLSource.parse(text, file: "content.yml")?.node(at: fifth))
    let shifted = try #require(tree?.node(at: fifth))
    #expect(shifted.location.line == old.location.line + 4)
    // The undo finds the pieces from before the edit.
    _ = try pieces.parse(text, file: "content.yml")
    #expect(pieces.counts.parsed == before.parsed + 1)
  }

  /// Files that are not cut, and pieces that do not parse alone: the whole parse's tree or its
  /// errors, every time.
  @Test(arguments: [
    "a: &x 1\nb: *x\n",  // an alias to another piece
    "a: 1\nb: 2\na: 3\n",  // a key written twice, in two pieces
    "a: \"open\nb: close\"\n",  // a quoted scalar over a line at column 1
    "a: [1,\nb]\n",  // a flow list over a line at column 1
    "a:\n  x: 1\n- 2\n",  // items after an entry with a value
    "s:\n- 1\n- [\n",  // a syntax error in one item
    "---\na: 1\n",  // a document marker
    "a: 1\n\tb: 2\n",  // a tab at column 1
    "a: 1\nb\n",  // a piece that is not an entry
    "# only a comment\n",
    "- 1\n- 2\n",  // a list at the top
    "a: 1\r\nb: 2\r\n",
    "s:\n- a: 1\n  b: |\n    text\n\n- c: 2\nt: x\n",  // a block scalar before an item
    "s: \n- 1\nt:\n",
  ])
  func filesNotPiecedGiveTheWholeParse(_ text: String) throws {
    let pieces = YAMLPieces()
    for _ in 0..<2 {
      let pieced = Result { try pieces.parse(text, file: "f.yml") }
      let whole = Result { try YAMLSource.parse(text, file: "f.yml") }
      switch (pieced, whole) {
      case (.success(let a), .success(let b)): #expect(dump(a) == dump(b))
      case (.failure(let a as InputError), .failure(let b as InputError)):
        #expect(a.diagnostics == b.diagnostics)
      default: Issue.record("pieced \(pieced), whole \(whole)")
      }
    }
  }

  /// A decoding error in section 5 after lines were added in section 2: the error is reported at
  /// the line a fresh load reports, and the good save after it loads.
  @Test func aDiagnosticAfterAShiftingEditIsAtItsNewLine() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let text = try article()
    let path = try folder.write("content.yml", text)
    let pieces = YAMLPieces()
    _ = try ConfigLoader.loadContentFile(path: path, inputs: Inputs(), pieces: pieces)
    let bad = adding(lines: 2, toSection: 1, in: text).replacingOccurrences(
      of: "\n- id: ", with: "\n- colour: red\n  id: ")
    try folder.write("content.yml", bad)
    let pieced = inputError {
      _ = try ConfigLoader.loadContentFile(path: path, inputs: Inputs(), pieces: pieces)
    }
    let fresh = inputError { _ = try ConfigLoader.loadContentFile(path: path, inputs: Inputs()) }
    #expect((pieced?.diagnostics.count ?? 0) > 4)
    #expect(pieced?.diagnostics == fresh?.diagnostics)
    try folder.write("content.yml", adding(lines: 2, toSection: 1, in: text))
    let good = try ConfigLoader.loadContentFile(path: path, inputs: Inputs(), pieces: pieces)
    let freshGood = try ConfigLoader.loadContentFile(path: path, inputs: Inputs())
    #expect(good.content == freshGood.content)
    for index in 0..<good.content.sections.count {
      let place = good.positions?.section(index)
      #expect(place?.line == freshGood.positions?.section(index)?.line)
      #expect(place?.block(0)?.line == freshGood.positions?.section(index)?.block(0)?.line)
    }
    #expect(good.positions?.section(4)?.line != nil)
  }
}
