import Foundation
import ReportModel

extension ConfigLoader {
  /// The comparison as a Markdown content file: YAML front matter (metadata, roles, chart data),
  /// then the introduction and the sections.
  ///
  /// Headings carry `{#id}` always (so ids survive) and `.faq`, `.paired`, `role=`, `kind=`,
  /// `lang=`, `short=`, `.no-slide` as needed, a section's slide text and notes as `::: slide` and
  /// `::: notes` divs below its heading; labelled lists are `- **Label:** text`; role tables are GFM
  /// tables headed by the role names. ``loadMarkdownContent(_:file:)`` reads the text back to an equal value: every block is
  /// read back as it is written, and the rare block Markdown cannot say as written (a FAQ that is
  /// not its section's last block, a role table whose `paired` differs from its section's, text
  /// with edge spaces) is written in the YAML schema inside a fenced `pmreport-yaml` block.
  public static func exportMarkdown(_ comparison: Comparison) throws -> String {
    var writer = MarkdownWriter(roles: comparison.roles)
    return try writer.document(comparison)
  }
}

/// Writes content as Markdown (see ``ConfigLoader/exportMarkdown(_:)``).
struct MarkdownWriter {
  let roles: [Role]
  /// The bullet of the list just written, when the last block written was a list: the next list
  /// takes the other one, or Markdown would join the two.
  private var lastBullet: String?

  init(roles: [Role]) { self.roles = roles }

  mutating func document(_ comparison: Comparison) throws -> String {
    var out = ""
    let front = try ConfigLoader.yaml(comparison, keys: Comparison.frontMatterKeys)
    if !front.isEmpty { out += "---\n" + front + "---\n" }
    var parts: [String] = []
    let intro = try blocks(comparison.introduction, paired: false)
    if !intro.isEmpty { parts.append(intro) }
    // Sections at `##` when the deepest heading (a FAQ's questions one below) still fits in six.
    let deepest = comparison.sections.map { depth(of: $0) }.max() ?? 0
    let top = deepest + 2 <= 6 ? 2 : 1
    for section in comparison.sections { parts.append(try self.section(section, level: top)) }
    if !out.isEmpty, !parts.isEmpty { out += "\n" }
    out += parts.joined(separator: "\n")
    return out
  }

  /// How many heading levels below its own a section uses (its subsections, a FAQ's questions).
  private func depth(of section: Section) -> Int {
    let below = section.subsections.map { depth(of: $0) + 1 }.max() ?? 0
    let questions = section.blocks.contains { if case .faq = $0 { true } else { false } } ? 1 : 0
    return max(below, questions)
  }

  // MARK: - Sections

  private mutating func section(_ section: Section, level: Int) throws -> String {
    var attributes = ["#" + section.id]
    var blocks = section.blocks
    var faq: [FAQEntry]?
    if section.subsections.isEmpty, level < 6, case .faq(let entries) = blocks.last,
      blocks.dropLast().allSatisfy({ if case .faq = $0 { false } else { true } }),
      entries.allSatisfy(canWrite)
    {
      faq = entries
      blocks.removeLast()
      attributes.append(".faq")
    }
    if section.paired { attributes.append(".paired") }
    if section.noSlide { attributes.append("." + Section.CodingKeys.noSlide.rawValue) }
    if let role = section.role { attributes.append("role=" + attributeValue(role.rawValue)) }
    if let kind = section.kind { attributes.append("kind=" + kind.rawValue) }
    if let lang = section.lang { attributes.append("lang=" + attributeValue(lang)) }
    if let short = section.shortTitle {
      attributes.append(MarkdownReader.shortKey + "=" + attributeValue(short))
    }
    var out =
      String(repeating: "#", count: level) + " "
      + Self.inline(RichText(section.title), heading: true)
      + " {" + attributes.joined(separator: " ") + "}\n"
    for (kind, blocks) in [(FencedDivs.Kind.slide, section.slide), (.notes, section.notes)]
    where !blocks.isEmpty {
      out +=
        "\n::: \(kind.rawValue)\n" + (try self.blocks(blocks, paired: section.paired)) + ":::\n"
    }
    let body = try self.blocks(blocks, paired: section.paired)
    if !body.isEmpty { out += "\n" + body }
    for entry in faq ?? [] {
      out +=
        "\n" + String(repeating: "#", count: level + 1) + " "
        + Self.inline(RichText(entry.question), heading: true) + "\n"
      for paragraph in Self.paragraphs(of: entry.answer) {
        out += "\n" + Self.inline(paragraph) + "\n"
      }
    }
    for subsection in section.subsections {
      out += "\n" + (try self.section(subsection, level: level + 1))
    }
    return out
  }

  private func attributeValue(_ value: String) -> String {
    value.contains(where: { $0 == " " || $0 == "}" }) ? "\"\(value)\"" : value
  }

  /// Whether a FAQ entry reads back from a question heading and answer paragraphs.
  private func canWrite(_ entry: FAQEntry) -> Bool {
    let question = entry.question
    guard !question.isEmpty, !question.contains("\n"),
      question.trimmingCharacters(in: .whitespaces) == question
    else { return false }
    let heading = "# " + Self.inline(RichText(question), heading: true)
    let parsed = MarkdownSyntax.parse(heading).0
    guard parsed.children.count == 1, let node = parsed.children.first, node.kind == .heading,
      MarkdownReader.richText(node.children).plain == question
    else { return false }
    let paragraphs = Self.paragraphs(of: entry.answer)
    var joined = RichText(spans: [])
    for paragraph in paragraphs {
      guard reads(Self.inline(paragraph), as: [.paragraph(paragraph)], paired: false) else {
        return false
      }
      if !joined.isEmpty { joined.append(TextSpan("\n\n")) }
      joined.append(paragraph)
    }
    return joined == entry.answer
  }

  /// An answer's paragraphs: its text split at blank lines.
  static func paragraphs(of text: RichText) -> [RichText] {
    var paragraphs: [RichText] = []
    var current = RichText(spans: [])
    for span in text.spans {
      let pieces = span.text.components(separatedBy: "\n\n")
      for (index, piece) in pieces.enumerated() {
        if index > 0 {
          paragraphs.append(current)
          current = RichText(spans: [])
        }
        current.append(TextSpan(piece, style: span.style, link: span.link))
      }
    }
    if !current.isEmpty || !paragraphs.isEmpty { paragraphs.append(current) }
    return paragraphs
  }

  // MARK: - Blocks

  private mutating func blocks(_ blocks: [ContentBlock], paired: Bool) throws -> String {
    var parts: [String] = []
    lastBullet = nil
    for block in blocks {
      let before = lastBullet
      parts.append(try self.block(block, paired: paired))
      if before == lastBullet { lastBullet = nil }
    }
    lastBullet = nil
    return parts.joined(separator: "\n")
  }

  /// A block as Markdown when that reads back to it, else as YAML in a `pmreport-yaml` block.
  private mutating func block(_ block: ContentBlock, paired: Bool) throws -> String {
    if let text = markdown(block, paired: paired), reads(text, as: [block], paired: paired) {
      return text
    }
    let yaml = try ConfigLoader.yaml([block])
    let fence = Self.fence(for: yaml, character: "`")
    return fence + MarkdownReader.yamlBlockInfo + "\n" + yaml + fence + "\n"
  }

  /// Whether `text` reads back as exactly `blocks`.
  private func reads(_ text: String, as blocks: [ContentBlock], paired: Bool) -> Bool {
    MarkdownReader.readBlocks(text, roles: roles, paired: paired) == blocks
  }

  /// The Markdown of a block, ending in a line break; nil for a block Markdown cannot say.
  private mutating func markdown(_ block: ContentBlock, paired: Bool) -> String? {
    switch block {
    case .paragraph(let text):
      return Self.inline(text) + "\n"
    case .labelledList(let items):
      let bullet = nextBullet()
      return items.map { item in
        let label = Self.inline(RichText(spans: [TextSpan(item.label + ":", style: .strong)]))
        let text = Self.inline(item.text, indent: "  ")
        return bullet + " " + label + (text.isEmpty ? "" : " " + text) + "\n"
      }.joined()
    case .list(let list):
      return self.list(list)
    case .faq:
      return nil
    case .roleTable(let table):
      guard table.paired == paired, !table.columns.isEmpty else { return nil }
      let header =
        [table.aspectHeader]
        + table.columns.map { id in roles.first { $0.id == id }?.name ?? id.rawValue }
      let rows = table.rows.map { row in
        [Self.cell(RichText(row.label))] + table.columns.map { Self.cell(row.text(for: $0) ?? "") }
      }
      return Self.table(header.map { Self.cell(RichText($0)) }, rows, alignments: [])
    case .table(let table):
      guard !table.header.isEmpty else { return nil }
      return Self.table(
        table.header.map(Self.cell), table.rows.map { $0.map(Self.cell) },
        alignments: table.alignments)
    case .code(let code):
      let fence = Self.fence(for: code.text, character: "`")
      return fence + (code.language ?? "") + "\n" + code.text + "\n" + fence + "\n"
    case .quote(let blocks):
      var parts: [String] = []
      for inner in blocks {
        guard let text = markdown(inner, paired: paired) else { return nil }
        parts.append(text)
      }
      lastBullet = nil
      let body = parts.joined(separator: "\n")
      return body.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
        $0.isEmpty ? ">" : "> " + $0
      }.joined(separator: "\n") + "\n"
    case .rule:
      return "***\n"
    case .image(let image):
      return "![" + Self.escape(image.alt, table: false) + "](" + Self.destination(image.path)
        + ")\n"
    }
  }

  private mutating func nextBullet() -> String {
    let bullet = lastBullet == "-" ? "*" : "-"
    lastBullet = bullet
    return bullet
  }

  private mutating func list(_ list: ListBlock) -> String? {
    let bullet = nextBullet()
    let delimiter = bullet == "-" ? "." : ")"
    var items: [String] = []
    var loose = false
    for (index, item) in list.items.enumerated() {
      let marker = list.ordered ? "\(list.start + index)\(delimiter) " : bullet + " "
      let indent = String(repeating: " ", count: marker.count)
      var parts: [String] = []
      for block in item {
        guard let text = markdown(block, paired: false) else { return nil }
        parts.append(text)
      }
      if item.count > 1 { loose = true }
      let body = parts.joined(separator: "\n")
      let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      var text = ""
      for (number, line) in lines.enumerated() {
        if number == 0 {
          text += marker + line + "\n"
        } else {
          text += line.isEmpty ? "\n" : indent + line + "\n"
        }
      }
      items.append(text.isEmpty ? marker.trimmingCharacters(in: .whitespaces) + "\n" : text)
    }
    lastBullet = bullet
    return items.joined(separator: loose ? "\n" : "")
  }

  // MARK: - Tables

  private static func cell(_ text: RichText) -> String {
    let inline = inline(text, table: true)
    return inline.isEmpty ? " " : inline
  }

  private static func table(_ header: [String], _ rows: [[String]], alignments: [CellAlignment])
    -> String
  {
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
    let rule = header.indices.map { index -> String in
      switch index < alignments.count ? alignments[index] : .left {
      case .left: "---"
      case .center: ":---:"
      case .right: "---:"
      }
    }
    return line(header) + line(rule) + rows.map(line).joined()
  }

  // MARK: - Inline text

  /// A run of backticks or tildes longer than any in `text`, and at least three.
  static func fence(for text: String, character: Character) -> String {
    String(repeating: character, count: max(3, longestRun(of: character, in: text) + 1))
  }

  /// The length of the longest run of `character` in `text`.
  static func longestRun(of character: Character, in text: String) -> Int {
    var longest = 0
    var run = 0
    for c in text {
      run = c == character ? run + 1 : 0
      longest = max(longest, run)
    }
    return longest
  }

  /// A link or image destination, in angle brackets when it holds spaces or brackets.
  private static func destination(_ url: String) -> String {
    guard url.contains(where: { " ()<>".contains($0) }) || url.isEmpty else { return url }
    return "<"
      + url.replacingOccurrences(of: "<", with: "\\<").replacingOccurrences(
        of: ">", with: "\\>") + ">"
  }

  /// Rich text as inline Markdown: emphasis `*…*`, strong `**…**`, code spans, links; hard line
  /// breaks as a backslash at the end of the line, the next line indented by `indent`.
  static func inline(
    _ text: RichText, heading: Bool = false, table: Bool = false, indent: String = ""
  ) -> String {
    var out = ""
    for span in text.spans {
      let lines = span.text.components(separatedBy: "\n")
      for (index, line) in lines.enumerated() {
        if index > 0 { out += "\\\n" + indent }
        let atLineStart = out.isEmpty || out.hasSuffix("\n" + indent)
        out += styled(line, span: span, atLineStart: atLineStart, heading: heading, table: table)
      }
    }
    return out
  }

  private static func styled(
    _ text: String, span: TextSpan, atLineStart: Bool, heading: Bool, table: Bool
  ) -> String {
    guard !text.isEmpty else { return "" }
    var core: String
    if span.style.contains(.code) {
      let ticks = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
      let pad =
        text.hasPrefix("`") || text.hasSuffix("`") || (text.first == " " && text.last == " ")
      core =
        ticks + (pad ? " " : "") + (table ? text.replacingOccurrences(of: "|", with: "\\|") : text)
        + (pad ? " " : "") + ticks
    } else {
      core = escape(text, table: table, heading: heading, atLineStart: atLineStart)
    }
    // Delimiters hug the text: spaces at the ends stay outside.
    let leading = String(core.prefix { $0 == " " })
    let trailing = String(core.dropFirst(leading.count).reversed().prefix { $0 == " " })
    core = String(core.dropFirst(leading.count).dropLast(trailing.count))
    if span.style.contains(.strong) { core = "**" + core + "**" }
    if span.style.contains(.emphasis) { core = "*" + core + "*" }
    if let link = span.link {
      if core == link, link.contains(":"), !link.contains(where: { " <>".contains($0) }) {
        core = "<" + link + ">"
      } else {
        core = "[" + core + "](" + destination(link) + ")"
      }
    }
    return leading + core + trailing
  }

  /// Plain text with the characters Markdown would read as markup escaped.
  static func escape(
    _ text: String, table: Bool, heading: Bool = false, atLineStart: Bool = false
  ) -> String {
    var out = ""
    let chars = Array(text)
    for (index, c) in chars.enumerated() {
      switch c {
      case "\\", "`", "*", "_", "[", "]", "<":
        out += "\\" + String(c)
      case "|" where table:
        out += "\\|"
      case "{" where heading, "}" where heading:
        out += "\\" + String(c)
      case "!" where index + 1 < chars.count && chars[index + 1] == "[":
        out += "\\!"
      case "&" where entityFollows(chars, index):
        out += "\\&"
      case "#" where heading && index == chars.count - 1:
        out += "\\#"
      default:
        out.append(c)
      }
    }
    if atLineStart, let first = out.first {
      if "#>+-=~".contains(first) {
        out = "\\" + out
      } else if first.isNumber {
        let digits = out.prefix { $0.isNumber }
        let rest = out.dropFirst(digits.count)
        if let mark = rest.first, mark == "." || mark == ")" {
          out = digits + "\\" + rest
        }
      }
    }
    return out
  }

  /// Whether `&` at `index` starts what Markdown would read as an entity (`&amp;`, `&#38;`).
  private static func entityFollows(_ chars: [Character], _ index: Int) -> Bool {
    var i = index + 1
    if i < chars.count, chars[i] == "#" { i += 1 }
    let start = i
    while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber { i += 1 }
    return i > start && i < chars.count && chars[i] == ";"
  }
}
