import Foundation
import ReportModel

/// Reads a Markdown content file: the front matter as the YAML tree the decoder reads, the body
/// straight into the typed content (``Section``, ``ContentBlock``), every value placed in the .md
/// file.
///
/// The keys are the model's own `CodingKeys` (the schema the YAML decoder reads), never spelled
/// again here.
///
/// The front matter (a leading `---` … `---` block) is YAML and gives the top-level keys but
/// `introduction` and `sections`; the body gives those two. A `pmreport-yaml` block is YAML too
/// and goes through the decoder. The content rules then run on the whole as for YAML, so their
/// messages point into the Markdown file. What only the Markdown can get wrong (a heading
/// attribute, a remote image, a role table's header) is reported here, in ``diagnostics``; what a
/// decoder would say of a value (an unknown `kind=`) goes to the decoding session.
struct MarkdownReader {
  // The schema's keys, as the model declares them for the YAML decoder.
  typealias TopKey = Comparison.CodingKeys
  typealias SectionKey = Section.CodingKeys

  /// The file as messages name it.
  let file: String
  /// The problems found while reading (decoding and the content rules add theirs later).
  var diagnostics: [Diagnostic] = []
  /// Decodes the `pmreport-yaml` blocks, and takes the problems a decoder would report of a value.
  let session: DecodingSession
  /// Where the body's values were written, as the content rules ask for them.
  var positions: MarkdownPositions
  /// Where each Markdown image's path was first written.
  var imageLocations: [String: SourceLocation] = [:]

  /// Each line's bytes, without its line break, to turn cmark's byte columns into characters.
  let lines: [ArraySlice<UInt8>]
  /// The roles the front matter defines: id, then the names a table header may use for it.
  var roles: [(id: String, names: [String])] = []
  /// Section ids given or generated so far, and every id a heading gives with `#id`.
  var usedIDs: Set<String> = []
  var explicitIDs: Set<String> = []

  /// Deepest nesting of lists and quotes accepted (as for YAML files).
  static let maximumDepth = YAMLSource.maximumDepth

  /// The info string of a fenced code block that holds a block in the YAML schema: what the
  /// writer uses for the rare block Markdown cannot say.
  static let yamlBlockInfo = "pmreport-yaml"

  /// The classes and keys a heading's `{…}` may hold.
  static let headingClasses = [
    ContentBlock.Kind.faq.rawValue, SectionKey.paired.rawValue, SectionKey.noSlide.rawValue,
  ]
  static let headingKeys = [SectionKey.role, .kind, .lang].map(\.rawValue) + [shortKey]
  /// The heading attribute a section's `short-title` is written as.
  static let shortKey = "short"

  private init(text: String, file: String, session: DecodingSession) {
    self.file = file
    self.session = session
    positions = MarkdownPositions(
      frontMatter: SourceNode(.mapping([]), at: SourceLocation(file: file, line: 1, column: 1)))
    let bytes = Array(text.utf8)
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      var end = index
      if end > start, bytes[end - 1] == 0x0D { end -= 1 }
      lines.append(bytes[start..<end])
      start = index + 1
    }
    lines.append(bytes[start..<bytes.count])
    self.lines = lines
  }

  /// The content of a Markdown file, and the problems found on the way; `session` decodes its
  /// `pmreport-yaml` blocks.
  ///
  /// Throws `InputError` only when nothing can be read (front matter that is not YAML).
  static func read(_ text: String, file: String, session: DecodingSession) throws -> (
    document: MarkdownDocument, diagnostics: [Diagnostic]
  ) {
    var reader = MarkdownReader(text: text, file: file, session: session)
    let document = try reader.makeDocument(text)
    return (document, reader.diagnostics)
  }

  /// The blocks of a Markdown fragment with no headings; nil when reading reports a problem.
  ///
  /// Read as inside a section (a `.paired` one when `paired`) of content with these roles. The
  /// writer checks with it that what it wrote reads back.
  static func readBlocks(_ text: String, roles: [Role], paired: Bool) -> [ContentBlock]? {
    var reader = MarkdownReader(text: text, file: "", session: DecodingSession())
    reader.roles = roles.map { ($0.id.rawValue, [$0.id.rawValue, $0.name, $0.shortName]) }
    let (document, tooDeep) = MarkdownSyntax.parse(text)
    guard tooDeep == nil else { return nil }
    var blocks: [ContentBlock] = []
    for child in document.children {
      if child.kind == .heading { return nil }
      blocks += reader.blocks(child, path: .root.appending(blocks.count), paired: paired)
    }
    return reader.diagnostics.isEmpty && reader.session.diagnostics.isEmpty ? blocks : nil
  }

  // MARK: - Whole file

  mutating func makeDocument(_ text: String) throws -> MarkdownDocument {
    let top = SourceLocation(file: file, line: 1, column: 1)
    var entries: [SourceNode.Entry] = []
    var body = text
    if let front = Self.splitFrontMatter(text) {
      let frontEntries = try frontMatter(front.yaml, openingLine: 1)
      entries += frontEntries
      readRoles(frontEntries)
      body = String(repeating: "\n", count: front.lineCount) + front.body
    }
    let divs = FencedDivs(body, file: file)
    diagnostics += divs.diagnostics
    let (document, tooDeep) = MarkdownSyntax.parse(divs.body)
    if let tooDeep {
      throw InputError(diagnostics: [
        Diagnostic(
          "lists and quotes nest deeper than \(Self.maximumDepth) levels here; "
            + "content needs only a few", at: location(of: tooDeep), keyPath: .root)
      ])
    }
    checkLinksAndControls(in: document, block: top)
    let (introduction, sections) = readBody(document.children, divs: divs.divs)
    let sectionsAt =
      positions.body[NodePath.section(0)]
      ?? top
    positions.body[NodePath.root.appending(TopKey.sections.rawValue)] = sectionsAt
    entries.append(
      SourceNode.Entry(
        key: TopKey.sections.rawValue, keyLocation: sectionsAt,
        value: SourceNode(.sequence([]), at: sectionsAt)))
    let front = SourceNode(.mapping(entries), at: top)
    positions.frontMatter = front
    return MarkdownDocument(
      introduction: introduction, sections: sections, positions: positions,
      imageLocations: imageLocations)
  }

  /// The front matter split off: the YAML, how many lines the block takes, and the text after it.
  ///
  /// Front matter is a leading `---` line, the YAML, and a `---` or `...` line. Nil when the file
  /// opens otherwise (or the block never closes).
  static func splitFrontMatter(_ text: String) -> (yaml: String, lineCount: Int, body: String)? {
    guard text.hasPrefix("---") else { return nil }
    // Bytes, not Characters: the file may be long and only the fence lines matter.
    let bytes = Array(text.utf8)
    var lineStarts = [0]
    for (i, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(i + 1) }
    func line(_ n: Int) -> ArraySlice<UInt8> {
      let end = n + 1 < lineStarts.count ? lineStarts[n + 1] - 1 : bytes.count
      var slice = bytes[lineStarts[n]..<end]
      while let last = slice.last, last == 0x0D || last == 0x20 || last == 0x09 {
        slice = slice.dropLast()
      }
      return slice
    }
    let dashes = Array("---".utf8)
    let dots = Array("...".utf8)
    guard line(0).elementsEqual(dashes) else { return nil }
    guard
      let close = (1..<lineStarts.count).first(where: {
        line($0).elementsEqual(dashes) || line($0).elementsEqual(dots)
      })
    else { return nil }
    let yamlEnd = lineStarts[close] - 1
    let yaml = close > 1 ? String(decoding: bytes[lineStarts[1]..<yamlEnd], as: UTF8.self) : ""
    let body =
      close + 1 < lineStarts.count
      ? String(decoding: bytes[lineStarts[close + 1]...], as: UTF8.self) : ""
    return (yaml, close + 1, body)
  }

  /// The front matter's entries, placed in the .md file; `introduction` and `sections` are
  /// reported (the body gives them) and left out.
  mutating func frontMatter(_ yaml: String, openingLine: Int) throws -> [SourceNode.Entry] {
    let parsed: SourceNode?
    do {
      parsed = try YAMLSource.parse(yaml, file: file)
    } catch let error as InputError {
      throw InputError(
        diagnostics: error.diagnostics.map { Self.shifted($0, lines: openingLine, columns: 0) })
    }
    guard let node = parsed?.shifted(lines: openingLine, columns: 0), !node.isNull else {
      return []
    }
    guard let entries = node.entries else {
      diagnostics.append(
        Diagnostic(
          "the front matter holds a mapping of \(Suggestions.list(Comparison.frontMatterKeys)), "
            + "found \(node.kindDescription)", at: node.location, keyPath: .root))
      return []
    }
    let bodyKeys = Set(Comparison.CodingKeys.allCases.map(\.rawValue)).subtracting(
      Comparison.frontMatterKeys)
    for entry in entries where bodyKeys.contains(entry.key) {
      diagnostics.append(
        Diagnostic(
          "unknown key '\(entry.key)' in the front matter (the Markdown body gives the "
            + "introduction and sections); expected \(Suggestions.list(Comparison.frontMatterKeys))",
          at: entry.keyLocation, keyPath: NodePath.root.appending(entry.key)))
    }
    return entries.filter { !bodyKeys.contains($0.key) }
  }

  /// Notes the roles, so a table header can name them.
  mutating func readRoles(_ entries: [SourceNode.Entry]) {
    guard let items = entries.first(where: { $0.key == TopKey.roles.rawValue })?.value.items else {
      return
    }
    for item in items {
      guard let id = item[Role.CodingKeys.id.rawValue]?.scalar else { continue }
      let names = [
        id, item[Role.CodingKeys.name.rawValue]?.scalar,
        item[Role.CodingKeys.shortName.rawValue]?.scalar,
      ].compactMap { $0 }
      roles.append((id, names))
    }
  }

  // MARK: - Positions

  /// cmark's position (column in bytes) as a location (column in Unicode scalars).
  func location(line: Int, byteColumn: Int) -> SourceLocation {
    guard line >= 1, line <= lines.count else {
      return SourceLocation(file: file, line: max(line, 0), column: max(byteColumn, 0))
    }
    let bytes = lines[line - 1]
    let end = bytes.startIndex + min(max(byteColumn - 1, 0), bytes.count)
    let scalars = bytes[bytes.startIndex..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    return SourceLocation(file: file, line: line, column: scalars + 1)
  }

  /// Where `(target` or `<target` (an autolink) is written, from `start` on (cmark gives inlines
  /// no position): so an error about an image's path or a link points at it.
  func location(ofLinkTarget target: String, from start: SourceLocation) -> SourceLocation? {
    guard start.line >= 1, !target.isEmpty else { return nil }
    for opening in ["(", "<"] {
      let needle = Array((opening + target).utf8)
      for line in start.line...min(lines.count, start.line + 20) {
        let bytes = Array(lines[line - 1])
        guard bytes.count >= needle.count else { continue }
        for i in 0...(bytes.count - needle.count)
        where Array(bytes[i..<i + needle.count]) == needle {
          return location(line: line, byteColumn: i + 2)
        }
      }
    }
    return nil
  }

  func location(of node: MarkdownSyntax.Node) -> SourceLocation {
    location(line: node.startLine, byteColumn: node.startColumn)
  }

  /// A diagnostic from YAML text that starts `lines` lines and `columns` columns into the file.
  static func shifted(_ diagnostic: Diagnostic, lines: Int, columns: Int) -> Diagnostic {
    var copy = diagnostic
    if copy.line > 0 {
      copy.line += lines
      copy.column += columns
    }
    return copy
  }

  mutating func error(_ message: String, at location: SourceLocation, path: NodePath) {
    diagnostics.append(Diagnostic(message, at: location, keyPath: path))
  }
}
