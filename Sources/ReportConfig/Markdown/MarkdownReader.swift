import Foundation
import ReportModel

/// Turns a Markdown content file into the ``SourceNode`` tree a YAML content file gives: the same
/// keys and shapes (the schema on `ContentBlock: Codable`), every node placed in the .md file.
///
/// The front matter (a leading `---` … `---` block) is YAML and gives the top-level keys but
/// `introduction` and `sections`; the body gives those two. Decoding and the content rules then
/// run on the tree exactly as for YAML, so their messages point into the Markdown file. What only
/// the Markdown can get wrong (a heading attribute, a remote image, a role table's header) is
/// reported here, in ``diagnostics``.
struct MarkdownReader {
  /// The file as messages name it.
  let file: String
  /// The problems found while reading (decoding and the content rules add theirs later).
  private(set) var diagnostics: [Diagnostic] = []

  /// Each line's bytes, without its line break, to turn cmark's byte columns into characters.
  private let lines: [ArraySlice<UInt8>]
  /// The roles the front matter defines: id, then the names a table header may use for it.
  private var roles: [(id: String, names: [String])] = []
  /// Section ids given or generated so far, and every id a heading gives with `#id`.
  private var usedIDs: Set<String> = []
  private var explicitIDs: Set<String> = []

  /// Deepest nesting of lists and quotes accepted (as for YAML files).
  static let maximumDepth = YAMLSource.maximumDepth

  /// The info string of a fenced code block that holds a block in the YAML schema: what the
  /// writer uses for the rare block Markdown cannot say.
  static let yamlBlockInfo = "pmreport-yaml"

  /// The classes and keys a heading's `{…}` may hold.
  static let headingClasses = ["faq", "paired"]
  static let headingKeys = ["role", "kind", "lang"]

  private init(text: String, file: String) {
    self.file = file
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

  /// The tree of a Markdown content file, and the problems found on the way.
  ///
  /// Throws `InputError` only when no tree can be made (front matter that is not YAML).
  static func read(_ text: String, file: String) throws -> (
    tree: SourceNode, diagnostics: [Diagnostic]
  ) {
    var reader = MarkdownReader(text: text, file: file)
    let tree = try reader.makeTree(text)
    return (tree, reader.diagnostics)
  }

  /// The block nodes of a Markdown fragment with no headings; nil when reading reports a problem.
  ///
  /// Read as inside a section (a `.paired` one when `paired`) of content with these roles. The
  /// writer checks with it that what it wrote reads back.
  static func readBlocks(_ text: String, roles: [Role], paired: Bool) -> [SourceNode]? {
    var reader = MarkdownReader(text: text, file: "")
    reader.roles = roles.map { ($0.id.rawValue, [$0.id.rawValue, $0.name, $0.shortName]) }
    let (document, tooDeep) = MarkdownSyntax.parse(text)
    guard tooDeep == nil else { return nil }
    var nodes: [SourceNode] = []
    for child in document.children {
      if child.kind == .heading { return nil }
      nodes += reader.blocks(child, path: .root.appending(nodes.count), paired: paired)
    }
    return reader.diagnostics.isEmpty ? nodes : nil
  }

  // MARK: - Whole file

  private mutating func makeTree(_ text: String) throws -> SourceNode {
    var entries: [SourceNode.Entry] = []
    var body = text
    if let front = Self.splitFrontMatter(text) {
      let frontEntries = try frontMatter(front.yaml, openingLine: 1)
      entries += frontEntries
      readRoles(frontEntries)
      body = String(repeating: "\n", count: front.lineCount) + front.body
    }
    let (document, tooDeep) = MarkdownSyntax.parse(body)
    if let tooDeep {
      throw InputError(diagnostics: [
        Diagnostic(
          "lists and quotes nest deeper than \(Self.maximumDepth) levels here; "
            + "content needs only a few", at: location(of: tooDeep), keyPath: .root)
      ])
    }
    let (introduction, sections) = readBody(document.children)
    if let first = introduction.first {
      entries.append(
        SourceNode.Entry(
          key: "introduction", keyLocation: first.location,
          value: SourceNode(.sequence(introduction), at: first.location)))
    }
    let sectionsAt = sections.first?.location ?? SourceLocation(file: file, line: 1, column: 1)
    entries.append(
      SourceNode.Entry(
        key: "sections", keyLocation: sectionsAt,
        value: SourceNode(.sequence(sections), at: sectionsAt)))
    return SourceNode(.mapping(entries), at: SourceLocation(file: file, line: 1, column: 1))
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
  private mutating func frontMatter(_ yaml: String, openingLine: Int) throws -> [SourceNode.Entry] {
    let parsed: SourceNode?
    do {
      parsed = try YAMLSource.parse(yaml, file: file)
    } catch let error as InputError {
      throw InputError(
        diagnostics: error.diagnostics.map { Self.shifted($0, lines: openingLine, columns: 0) },
        omitted: error.omitted)
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
  private mutating func readRoles(_ entries: [SourceNode.Entry]) {
    guard let items = entries.first(where: { $0.key == "roles" })?.value.items else { return }
    for item in items {
      guard let id = item["id"]?.scalar else { continue }
      let names = [id, item["name"]?.scalar, item["short-name"]?.scalar].compactMap { $0 }
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

  /// Where `(target` is written, from `start` on (cmark gives inlines no position): so an error
  /// about an image's path points at the path.
  func location(ofLinkTarget target: String, from start: SourceLocation) -> SourceLocation? {
    let needle = Array(("(" + target).utf8)
    guard start.line >= 1, !needle.isEmpty else { return nil }
    for line in start.line...min(lines.count, start.line + 20) {
      let bytes = Array(lines[line - 1])
      guard bytes.count >= needle.count else { continue }
      for i in 0...(bytes.count - needle.count) where Array(bytes[i..<i + needle.count]) == needle {
        return location(line: line, byteColumn: i + 2)
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

  private mutating func error(_ message: String, at location: SourceLocation, path: NodePath) {
    diagnostics.append(Diagnostic(message, at: location, keyPath: path))
  }

  // MARK: - Tree helpers

  private static func scalar(_ text: String, at location: SourceLocation) -> SourceNode {
    SourceNode(.scalar(text, plain: false), at: location)
  }

  private static func flag(at location: SourceLocation) -> SourceNode {
    SourceNode(.scalar("true", plain: true), at: location)
  }

  private static func mapping(_ pairs: [(String, SourceNode)], at location: SourceLocation)
    -> SourceNode
  {
    SourceNode(
      .mapping(pairs.map { SourceNode.Entry(key: $0.0, keyLocation: $0.1.location, value: $0.1) }),
      at: location)
  }

  /// A block: `{kind: value}`.
  private static func block(_ kind: String, _ value: SourceNode) -> SourceNode {
    mapping([(kind, value)], at: value.location)
  }

  /// Rich text in its Codable shape: a string when plain, else a list of span mappings.
  static func textNode(_ text: RichText, at location: SourceLocation) -> SourceNode {
    if text.isPlain { return scalar(text.plain, at: location) }
    return SourceNode(
      .sequence(
        text.spans.map { span in
          var pairs: [(String, SourceNode)] = [("text", scalar(span.text, at: location))]
          if span.style.contains(.emphasis) { pairs.append(("emphasis", flag(at: location))) }
          if span.style.contains(.strong) { pairs.append(("strong", flag(at: location))) }
          if span.style.contains(.code) { pairs.append(("code", flag(at: location))) }
          if let link = span.link { pairs.append(("link", scalar(link, at: location))) }
          return mapping(pairs, at: location)
        }), at: location)
  }

  // MARK: - Inline text

  /// The rich text of inline nodes.
  static func richText(_ inlines: [MarkdownSyntax.Node]) -> RichText {
    var text = RichText(spans: [])
    for node in inlines { appendInline(node, style: [], link: nil, to: &text) }
    return text
  }

  private static func appendInline(
    _ node: MarkdownSyntax.Node, style: SpanStyle, link: String?, to text: inout RichText
  ) {
    func children(_ style: SpanStyle, _ link: String?) {
      for child in node.children { appendInline(child, style: style, link: link, to: &text) }
    }
    switch node.kind {
    case .text, .htmlInline, .other: text.append(TextSpan(node.literal, style: style, link: link))
    case .softBreak: text.append(TextSpan(" ", style: style, link: link))
    case .lineBreak: text.append(TextSpan("\n", style: style, link: link))
    case .code:
      text.append(TextSpan(node.literal, style: style.union(.code), link: link))
    case .emphasis: children(style.union(.emphasis), link)
    case .strong: children(style.union(.strong), link)
    case .link: children(style, node.url)
    default: children(style, link)  // an image among text: its alternate text
    }
  }

  // MARK: - Body

  /// A section being read.
  private final class SectionDraft {
    var pairs: [(String, SourceNode)] = []
    var location: SourceLocation
    var path: NodePath
    var level: Int
    var depth: Int
    var paired = false
    var isFAQ = false
    var blocks: [SourceNode] = []
    var subsections: [SectionDraft] = []
    /// The `.faq` section's entries: each question and its answer's paragraphs.
    var questions: [(question: SourceNode, answer: RichText, location: SourceLocation)] = []
    /// Where the faq block goes among the blocks.
    var faqIndex: Int?

    init(location: SourceLocation, path: NodePath, level: Int, depth: Int) {
      self.location = location
      self.path = path
      self.level = level
      self.depth = depth
    }

    var node: SourceNode {
      var pairs = self.pairs
      var blocks = self.blocks
      if let faqIndex {
        let entries = questions.map { entry in
          MarkdownReader.mapping(
            [
              ("question", entry.question),
              ("answer", MarkdownReader.textNode(entry.answer, at: entry.location)),
            ], at: entry.question.location)
        }
        let at = questions.first?.question.location ?? location
        blocks.insert(
          MarkdownReader.block("faq", SourceNode(.sequence(entries), at: at)),
          at: min(faqIndex, blocks.count))
      }
      if !blocks.isEmpty {
        pairs.append(("blocks", SourceNode(.sequence(blocks), at: blocks[0].location)))
      }
      if !subsections.isEmpty {
        let nodes = subsections.map(\.node)
        pairs.append(("subsections", SourceNode(.sequence(nodes), at: nodes[0].location)))
      }
      return MarkdownReader.mapping(pairs, at: location)
    }
  }

  /// The introduction's blocks and the sections' nodes of the document's top-level nodes.
  private mutating func readBody(_ nodes: [MarkdownSyntax.Node]) -> ([SourceNode], [SourceNode]) {
    let levels = Array(Set(nodes.filter { $0.kind == .heading }.map(\.level))).sorted()
    for node in nodes where node.kind == .heading {
      if let id = headingAttributes(node)?.tokens.first(where: { $0.text.hasPrefix("#") }) {
        explicitIDs.insert(String(id.text.dropFirst()))
      }
    }
    var introduction: [SourceNode] = []
    var sections: [SectionDraft] = []
    var stack: [SectionDraft] = []
    for node in nodes {
      if node.kind == .heading {
        if let faq = stack.last, faq.isFAQ, node.level > faq.level {
          let question = Self.richText(node.children).plain
          if faq.questions.isEmpty { faq.faqIndex = faq.blocks.count }
          faq.questions.append(
            (Self.scalar(question, at: location(of: node)), RichText(spans: []), location(of: node))
          )
          continue
        }
        let depth = levels.firstIndex(of: node.level) ?? 0
        while let last = stack.last, last.depth >= depth { stack.removeLast() }
        let path: NodePath
        if let parent = stack.last {
          path = parent.path.appending("subsections").appending(parent.subsections.count)
        } else {
          path = NodePath.root.appending("sections").appending(sections.count)
        }
        let draft = section(node, path: path, depth: depth)
        if let parent = stack.last {
          parent.subsections.append(draft)
        } else {
          sections.append(draft)
        }
        stack.append(draft)
        continue
      }
      guard let current = stack.last else {
        let path = NodePath.root.appending("introduction").appending(introduction.count)
        introduction += blocks(node, path: path, paired: false)
        continue
      }
      if current.isFAQ, !current.questions.isEmpty {
        answer(node, in: current)
        continue
      }
      let path = current.path.appending("blocks").appending(current.blocks.count)
      current.blocks += blocks(node, path: path, paired: current.paired)
    }
    return (introduction, sections.map(\.node))
  }

  /// Adds a paragraph to the last question's answer (a blank line between paragraphs).
  private mutating func answer(_ node: MarkdownSyntax.Node, in section: SectionDraft) {
    let index = section.questions.count - 1
    guard node.kind == .paragraph else {
      error(
        "an answer in a .faq section holds paragraphs only (each heading below the section is a "
          + "question); remove .faq from the section's heading to keep this as a subsection",
        at: location(of: node),
        path: section.path.appending("blocks").appending(section.faqIndex ?? 0)
          .appending("faq").appending(index))
      return
    }
    var answer = section.questions[index].answer
    if !answer.isEmpty { answer.append(TextSpan("\n\n")) }
    answer.append(Self.richText(node.children))
    section.questions[index].answer = answer
  }

  // MARK: - Headings

  /// One word of a heading's `{…}`, and where it is.
  struct AttributeToken {
    var text: String
    var location: SourceLocation
  }

  /// A heading's attribute block `{#id .class key=value}`, read from the source line: its words,
  /// or nil when the heading has none.
  func headingAttributes(_ node: MarkdownSyntax.Node) -> (
    tokens: [AttributeToken], location: SourceLocation
  )? {
    // An ATX heading is one line; a setext heading's text ends on the line above its underline.
    let isATX = node.endLine == node.startLine
    let lineNumber = isATX ? node.startLine : node.endLine - 1
    guard lineNumber >= 1, lineNumber <= lines.count else { return nil }
    var scalars = Array(String(decoding: lines[lineNumber - 1], as: UTF8.self).unicodeScalars)
    func trimEnd() {
      while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    }
    trimEnd()
    if isATX {
      // The optional closing sequence: " ###".
      var end = scalars.count
      while end > 0, scalars[end - 1] == "#" { end -= 1 }
      if end < scalars.count, end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" {
        scalars.removeSubrange(end...)
        trimEnd()
      }
    }
    guard scalars.last == "}", let open = scalars.lastIndex(of: "{"),
      open == 0 || scalars[open - 1] != "\\"
    else { return nil }
    var tokens: [AttributeToken] = []
    var index = open + 1
    let end = scalars.count - 1
    while index < end {
      if scalars[index] == " " || scalars[index] == "\t" {
        index += 1
        continue
      }
      let start = index
      var text = ""
      var quote = false
      while index < end, quote || (scalars[index] != " " && scalars[index] != "\t") {
        if scalars[index] == "\"" {
          quote.toggle()
        } else {
          text.unicodeScalars.append(scalars[index])
        }
        index += 1
      }
      tokens.append(
        AttributeToken(
          text: text, location: SourceLocation(file: file, line: lineNumber, column: start + 1)))
    }
    return (tokens, SourceLocation(file: file, line: lineNumber, column: open + 1))
  }

  /// A section's draft from its heading: id, title, role, kind and paired.
  private mutating func section(_ node: MarkdownSyntax.Node, path: NodePath, depth: Int)
    -> SectionDraft
  {
    let here = location(of: node)
    let draft = SectionDraft(location: here, path: path, level: node.level, depth: depth)
    var title = Self.richText(node.children).plain
    var idNode: SourceNode?
    var extra: [(String, SourceNode)] = []
    if let attributes = headingAttributes(node) {
      if let brace = title.lastIndex(of: "{") {
        title = String(title[..<brace])
        while title.last == " " || title.last == "\t" { title.removeLast() }
      }
      for token in attributes.tokens {
        if token.text.hasPrefix("#") {
          idNode = Self.scalar(String(token.text.dropFirst()), at: token.location)
        } else if token.text.hasPrefix(".") {
          let name = String(token.text.dropFirst())
          switch name {
          case "faq": draft.isFAQ = true
          case "paired": draft.paired = true
          default:
            error(
              unknownAttribute("class '.\(name)'", name, among: Self.headingClasses, prefix: "."),
              at: token.location, path: path)
          }
        } else if let equals = token.text.firstIndex(of: "=") {
          let key = String(token.text[..<equals])
          let value = String(token.text[token.text.index(after: equals)...])
          if Self.headingKeys.contains(key) {
            extra.append((key, Self.scalar(value, at: token.location)))
          } else {
            error(
              unknownAttribute("key '\(key)'", key, among: Self.headingKeys, prefix: ""),
              at: token.location, path: path)
          }
        } else {
          error(
            "unknown heading attribute '\(token.text)'; a heading's {…} holds #id, .faq, "
              + ".paired, role=<role id>, kind=strengths or kind=risks, and lang=<language tag>",
            at: token.location, path: path)
        }
      }
    }
    if idNode == nil {
      let base = Self.slug(title)
      var id = base
      var number = 2
      while usedIDs.contains(id) || explicitIDs.contains(id) {
        id = "\(base)-\(number)"
        number += 1
      }
      idNode = Self.scalar(id, at: here)
    }
    if let id = idNode?.scalar { usedIDs.insert(id) }
    if let idNode { draft.pairs.append(("id", idNode)) }
    draft.pairs.append(("title", Self.scalar(title, at: here)))
    for key in Self.headingKeys {
      if let value = extra.last(where: { $0.0 == key }) { draft.pairs.append(value) }
    }
    if draft.paired { draft.pairs.append(("paired", Self.flag(at: here))) }
    return draft
  }

  private func unknownAttribute(
    _ what: String, _ name: String, among names: [String], prefix: String
  ) -> String {
    var message = "unknown heading \(what)"
    if let suggestion = Suggestions.nearest(to: name, in: names) {
      message += "; did you mean '\(prefix)\(suggestion)'?"
    } else {
      message += "; expected \(Suggestions.list(names.map { prefix + $0 }))"
    }
    return message
  }

  /// A section id made from a title: lowercase ASCII letters and digits, diacritics folded
  /// ("Führung" → "fuhrung"), apostrophes dropped, words joined by single hyphens.
  static func slug(_ title: String) -> String {
    let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .lowercased()
    var slug = ""
    var gap = false
    for scalar in folded.unicodeScalars {
      if scalar == "'" || scalar == "\u{2019}" { continue }
      if scalar.isASCII, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        if gap, !slug.isEmpty { slug += "-" }
        gap = false
        slug.unicodeScalars.append(scalar)
      } else {
        gap = true
      }
    }
    return slug.isEmpty ? "section" : slug
  }

  // MARK: - Blocks

  /// The block nodes of one Markdown block (none for a block reported as wrong; several for a
  /// `pmreport-yaml` block holding a list).
  private mutating func blocks(_ node: MarkdownSyntax.Node, path: NodePath, paired: Bool)
    -> [SourceNode]
  {
    let here = location(of: node)
    switch node.kind {
    case .paragraph:
      if node.children.count == 1, let image = node.children.first, image.kind == .image {
        return self.image(image, at: here, path: path).map { [$0] } ?? []
      }
      return [Self.block("paragraph", Self.textNode(Self.richText(node.children), at: here))]
    case .heading:
      // A heading inside a list or quote: bold text.
      var text = RichText(spans: [])
      for span in Self.richText(node.children).spans {
        text.append(TextSpan(span.text, style: span.style.union(.strong), link: span.link))
      }
      return [Self.block("paragraph", Self.textNode(text, at: here))]
    case .list: return [list(node, path: path)]
    case .blockQuote:
      var items: [SourceNode] = []
      for child in node.children {
        items += blocks(
          child, path: path.appending("quote").appending(items.count), paired: paired)
      }
      return [Self.block("quote", SourceNode(.sequence(items), at: here))]
    case .codeBlock:
      var text = node.literal
      if text.hasSuffix("\n") { text.removeLast() }
      let language = node.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(
        String.init)
      if node.fenced, language == Self.yamlBlockInfo {
        return yamlBlocks(node.literal, node: node, path: path)
      }
      var pairs: [(String, SourceNode)] = []
      if let language, !language.isEmpty {
        pairs.append(("language", Self.scalar(language, at: here)))
      }
      pairs.append(("text", Self.scalar(text, at: here)))
      return [Self.block("code", Self.mapping(pairs, at: here))]
    case .htmlBlock:
      var text = node.literal
      while text.hasSuffix("\n") { text.removeLast() }
      return [Self.block("paragraph", Self.scalar(text, at: here))]
    case .thematicBreak:
      return [Self.block("rule", Self.flag(at: here))]
    case .table: return [table(node, path: path, paired: paired)]
    default:
      let text = Self.richText([node])
      return text.isEmpty ? [] : [Self.block("paragraph", Self.textNode(text, at: here))]
    }
  }

  /// `image: {path, alt}`; nil (reported) for a remote image.
  private mutating func image(_ node: MarkdownSyntax.Node, at here: SourceLocation, path: NodePath)
    -> SourceNode?
  {
    let lower = node.url.lowercased()
    if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") {
      error(
        "images are read from files inside the project; pmreport fetches nothing from the "
          + "network (\(node.url))", at: here, path: path.appending("image"))
      return nil
    }
    let alt = Self.richText(node.children).plain
    let written = location(ofLinkTarget: node.url, from: here) ?? here
    return Self.block(
      "image",
      Self.mapping(
        [("path", Self.scalar(node.url, at: written)), ("alt", Self.scalar(alt, at: here))],
        at: here))
  }

  /// A list whose every item opens with bold text ending in a colon is a labelled list
  /// (`list: [{label, text}]`); any other is `bullets: {ordered, start, items}`.
  private mutating func list(_ node: MarkdownSyntax.Node, path: NodePath) -> SourceNode {
    let here = location(of: node)
    let labelled = node.children.map { Self.labelledItem($0) }
    if !labelled.isEmpty, labelled.allSatisfy({ $0 != nil }) {
      let items = zip(node.children, labelled).map { item, parts in
        let at = location(of: item)
        return Self.mapping(
          [
            ("label", Self.scalar(parts?.label ?? "", at: at)),
            ("text", Self.textNode(parts?.text ?? RichText(spans: []), at: at)),
          ], at: at)
      }
      return Self.block("list", SourceNode(.sequence(items), at: here))
    }
    var items: [SourceNode] = []
    for (index, item) in node.children.enumerated() {
      var contents: [SourceNode] = []
      let itemPath = path.appending("bullets").appending("items").appending(index)
      for child in item.children {
        contents += blocks(child, path: itemPath.appending(contents.count), paired: false)
      }
      items.append(SourceNode(.sequence(contents), at: location(of: item)))
    }
    var pairs: [(String, SourceNode)] = [
      ("ordered", SourceNode(.scalar(node.ordered ? "true" : "false", plain: true), at: here))
    ]
    if node.ordered, node.start != 1 {
      pairs.append(("start", SourceNode(.scalar("\(node.start)", plain: true), at: here)))
    }
    pairs.append(("items", SourceNode(.sequence(items), at: here)))
    return Self.block("bullets", Self.mapping(pairs, at: here))
  }

  /// An item written `**Label:** text` or `**Label**: text`: its label and text.
  static func labelledItem(_ item: MarkdownSyntax.Node) -> (label: String, text: RichText)? {
    guard item.children.count == 1, let paragraph = item.children.first,
      paragraph.kind == .paragraph, let strong = paragraph.children.first, strong.kind == .strong
    else { return nil }
    var label = richText(strong.children).plain
    var rest = Array(paragraph.children.dropFirst())
    if label.hasSuffix(":") {
      label.removeLast()
    } else if let next = rest.first, next.kind == .text, next.literal.hasPrefix(":") {
      rest[0].literal.removeFirst()
    } else {
      return nil
    }
    return (label, richText(rest).trimmed())
  }

  // MARK: - Tables

  /// The role a table header names (by name, short name or id, in any case).
  private func role(named header: String) -> String? {
    let key = header.trimmingCharacters(in: .whitespaces).lowercased()
    return roles.first { $0.names.contains { $0.lowercased() == key } }?.id
  }

  /// A role table when the headers after the first name the roles, else a grid.
  private mutating func table(_ node: MarkdownSyntax.Node, path: NodePath, paired: Bool)
    -> SourceNode
  {
    let here = location(of: node)
    let rows = node.children.filter { $0.kind == .tableRow }
    let cells = rows.map { row in row.children.filter { $0.kind == .tableCell } }
    let header = cells.first ?? []
    let headerTexts = header.map { Self.richText($0.children).plain }
    let named = headerTexts.dropFirst().map { role(named: $0) }
    if !roles.isEmpty, named.contains(where: { $0 != nil }) {
      let headerAt = rows.first.map { location(of: $0) } ?? here
      var problems: [String] = []
      for (index, id) in named.enumerated() where id == nil {
        let text = headerTexts[index + 1]
        var message = "the column '\(text)' names no role"
        let candidates = roles.flatMap(\.names)
        if let suggestion = Suggestions.nearest(to: text, in: candidates) {
          message += " (did you mean '\(suggestion)'?)"
        }
        problems.append(message)
      }
      let ids = named.compactMap { $0 }
      let missing = roles.map(\.id).filter { !ids.contains($0) }
      if !missing.isEmpty {
        problems.append(
          "it has no column for \(Suggestions.list(missing.map { "'\($0)'" }))")
      }
      var seen: Set<String> = []
      for id in ids where !seen.insert(id).inserted {
        problems.append("two columns name the role '\(id)'")
      }
      let kind = paired ? "paired" : "table"
      if !problems.isEmpty {
        let names = roles.map { $0.names.count > 1 ? $0.names[1] : $0.id }
        error(
          "a role table's header names each role once after its first column "
            + "(\(names.joined(separator: ", "))): " + problems.joined(separator: "; "),
          at: headerAt, path: path.appending(kind))
        return grid(node, cells: cells, at: here)
      }
      return roleTable(
        cells: cells, columns: ids, header: headerTexts.first ?? "", paired: paired,
        at: here)
    }
    return grid(node, cells: cells, at: here)
  }

  private func roleTable(
    cells: [[MarkdownSyntax.Node]], columns: [String], header: String, paired: Bool,
    at here: SourceLocation
  ) -> SourceNode {
    let rows = cells.dropFirst().map { row -> SourceNode in
      let rowAt = row.first.map { location(of: $0) } ?? here
      var pairs: [(String, SourceNode)] = [
        ("label", Self.scalar(row.first.map { Self.richText($0.children).plain } ?? "", at: rowAt))
      ]
      for (index, id) in columns.enumerated() where index + 1 < row.count {
        let cell = row[index + 1]
        pairs.append((id, Self.textNode(Self.richText(cell.children), at: location(of: cell))))
      }
      return Self.mapping(pairs, at: rowAt)
    }
    let rowsNode = SourceNode(.sequence(rows), at: rows.first?.location ?? here)
    if paired, header == RoleTable.defaultAspectHeader {
      return Self.block("paired", rowsNode)
    }
    var pairs: [(String, SourceNode)] = [("aspect-header", Self.scalar(header, at: here))]
    if paired { pairs.append(("paired", Self.flag(at: here))) }
    pairs.append(("rows", rowsNode))
    return Self.block("table", Self.mapping(pairs, at: here))
  }

  private func grid(
    _ node: MarkdownSyntax.Node, cells: [[MarkdownSyntax.Node]], at here: SourceLocation
  )
    -> SourceNode
  {
    func row(_ row: [MarkdownSyntax.Node]) -> SourceNode {
      SourceNode(
        .sequence(row.map { Self.textNode(Self.richText($0.children), at: location(of: $0)) }),
        at: row.first.map { location(of: $0) } ?? here)
    }
    var pairs: [(String, SourceNode)] = [("header", row(cells.first ?? []))]
    pairs.append(("rows", SourceNode(.sequence(cells.dropFirst().map(row)), at: here)))
    let alignments = node.alignments.map { byte -> String in
      switch byte {
      case UInt8(ascii: "c"): "center"
      case UInt8(ascii: "r"): "right"
      default: "left"
      }
    }
    if alignments.contains(where: { $0 != "left" }) {
      pairs.append(
        (
          "alignments",
          SourceNode(.sequence(alignments.map { Self.scalar($0, at: here) }), at: here)
        ))
    }
    return Self.block("grid", Self.mapping(pairs, at: here))
  }

  // MARK: - Blocks in YAML

  /// The blocks of a fenced `pmreport-yaml` code block: one block in the YAML schema, or a list.
  private mutating func yamlBlocks(_ text: String, node: MarkdownSyntax.Node, path: NodePath)
    -> [SourceNode]
  {
    let indent = max(location(of: node).column - 1, 0)
    do {
      guard let parsed = try YAMLSource.parse(text, file: file) else { return [] }
      let tree = parsed.shifted(lines: node.startLine, columns: indent)
      return tree.items ?? [tree]
    } catch let error as InputError {
      diagnostics += error.diagnostics.map {
        Self.shifted($0, lines: node.startLine, columns: indent)
      }
    } catch {
      self.error("\(error)", at: location(of: node), path: path)
    }
    return []
  }
}

extension SourceNode {
  /// The same tree with every written position moved down `lines` lines and right `columns`
  /// columns (YAML parsed from a part of a Markdown file).
  func shifted(lines: Int, columns: Int) -> SourceNode {
    func move(_ location: SourceLocation) -> SourceLocation {
      guard location.line > 0 else { return location }
      return SourceLocation(
        file: location.file, line: location.line + lines, column: location.column + columns)
    }
    switch value {
    case .scalar: return SourceNode(value, at: move(location))
    case .sequence(let items):
      return SourceNode(
        .sequence(items.map { $0.shifted(lines: lines, columns: columns) }), at: move(location))
    case .mapping(let entries):
      return SourceNode(
        .mapping(
          entries.map {
            Entry(
              key: $0.key, keyLocation: move($0.keyLocation),
              value: $0.value.shifted(lines: lines, columns: columns))
          }), at: move(location))
    }
  }
}
