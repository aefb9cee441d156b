import Foundation
import ReportModel

/// The body's headings as sections (their `{…}` attributes, ids and `.faq` questions).
extension MarkdownReader {
  // MARK: - Body

  /// A section being read.
  final class SectionDraft {
    /// The section so far: its heading's values and the blocks read.
    var section: Section
    var path: NodePath
    var level: Int
    var depth: Int
    var isFAQ = false
    var subsections: [SectionDraft] = []
    /// The `.faq` section's entries: each question and its answer's paragraphs.
    var questions: [FAQEntry] = []
    /// Where the faq block goes among the blocks.
    var faqIndex: Int?
    /// The faq block's path.
    var faqPath: NodePath { path.block(faqIndex ?? 0) }

    init(section: Section, path: NodePath, level: Int, depth: Int) {
      self.section = section
      self.path = path
      self.level = level
      self.depth = depth
    }

    /// The finished section: the faq block in its place, the subsections below.
    var value: Section {
      var section = self.section
      if let faqIndex {
        section.blocks.insert(.faq(questions), at: min(faqIndex, section.blocks.count))
      }
      section.subsections = subsections.map(\.value)
      return section
    }
  }

  /// The introduction's blocks and the sections of the document's top-level nodes.
  ///
  /// Each fenced div goes to the section its opening line is in.
  mutating func readBody(_ nodes: [MarkdownSyntax.Node], divs: [FencedDivs.Div]) -> (
    [ContentBlock], [Section]
  ) {
    var divs = divs[...]
    let levels = Array(Set(nodes.filter { $0.kind == .heading }.map(\.level))).sorted()
    for node in nodes where node.kind == .heading {
      if let id = headingAttributes(node)?.tokens.first(where: { $0.text.hasPrefix("#") }) {
        explicitIDs.insert(String(id.text.dropFirst()))
      }
    }
    var introduction: [ContentBlock] = []
    var sections: [SectionDraft] = []
    var stack: [SectionDraft] = []
    for node in nodes {
      attach(&divs, before: node.startLine, to: stack.last)
      if node.kind == .heading {
        if let faq = stack.last, faq.isFAQ, node.level > faq.level {
          let question = Self.richText(node.children).plain
          if faq.questions.isEmpty { faq.faqIndex = faq.section.blocks.count }
          positions.body[faq.faqPath.question(faq.questions.count)] = location(of: node)
          faq.questions.append(FAQEntry(question: question, answer: RichText(spans: [])))
          continue
        }
        let depth = levels.firstIndex(of: node.level) ?? 0
        while let last = stack.last, last.depth >= depth { stack.removeLast() }
        let path: NodePath
        if let parent = stack.last {
          path = parent.path.subsection(parent.subsections.count)
        } else {
          path = NodePath.section(sections.count)
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
        introduction += blocks(
          node, path: NodePath.introduction(introduction.count), paired: false)
        continue
      }
      if current.isFAQ, !current.questions.isEmpty {
        answer(node, in: current)
        continue
      }
      let path = current.path.block(current.section.blocks.count)
      current.section.blocks += blocks(node, path: path, paired: current.section.paired)
    }
    attach(&divs, before: nil, to: stack.last)
    return (introduction, sections.map(\.value))
  }

  /// Adds a paragraph to the last question's answer (a blank line between paragraphs).
  mutating func answer(_ node: MarkdownSyntax.Node, in section: SectionDraft) {
    let index = section.questions.count - 1
    guard node.kind == .paragraph else {
      error(
        "an answer in a .faq section holds paragraphs only (each heading below the section is a "
          + "question); remove .faq from the section's heading to keep this as a subsection",
        at: location(of: node), path: section.faqPath.faqEntry(index))
      return
    }
    if !section.questions[index].answer.isEmpty {
      section.questions[index].answer.append(TextSpan("\n\n"))
    } else {
      positions.body[section.faqPath.answer(index)] = location(of: node)
    }
    section.questions[index].answer.append(Self.richText(node.children))
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

  /// A section's draft from its heading: id, title, role, kind, lang and paired, each placed
  /// where the heading writes it.
  mutating func section(_ node: MarkdownSyntax.Node, path: NodePath, depth: Int)
    -> SectionDraft
  {
    let here = location(of: node)
    var title = Self.richText(node.children).plain
    var id: AttributeToken?
    var values: [(key: String, token: AttributeToken)] = []
    var paired = false
    var noSlide = false
    var isFAQ = false
    if let attributes = headingAttributes(node) {
      if let brace = title.lastIndex(of: "{") {
        title = String(title[..<brace])
        while title.last == " " || title.last == "\t" { title.removeLast() }
      }
      for token in attributes.tokens {
        if token.text.hasPrefix("#") {
          id = AttributeToken(text: String(token.text.dropFirst()), location: token.location)
        } else if token.text.hasPrefix(".") {
          let name = String(token.text.dropFirst())
          switch name {
          case ContentBlock.Kind.faq.rawValue: isFAQ = true
          case SectionKey.paired.rawValue: paired = true
          case SectionKey.noSlide.rawValue: noSlide = true
          default:
            error(
              unknownAttribute("class '.\(name)'", name, among: Self.headingClasses, prefix: "."),
              at: token.location, path: path)
          }
        } else if let equals = token.text.firstIndex(of: "=") {
          let key = String(token.text[..<equals])
          let value = String(token.text[token.text.index(after: equals)...])
          if Self.headingKeys.contains(key) {
            values.append((key, AttributeToken(text: value, location: token.location)))
          } else {
            error(
              unknownAttribute("key '\(key)'", key, among: Self.headingKeys, prefix: ""),
              at: token.location, path: path)
          }
        } else {
          error(
            "unknown heading attribute '\(token.text)'; a heading's {…} holds #id, .faq, "
              + ".paired, .no-slide, role=<role id>, kind=strengths or kind=risks, lang=<language tag> "
              + "and short=<short title>",
            at: token.location, path: path)
        }
      }
    }
    let given = id ?? AttributeToken(text: generatedID(title), location: here)
    usedIDs.insert(given.text)
    var section = Section(id: given.text, paired: paired, title: title, blocks: [])
    positions.body[path] = here
    positions.body[path.appending(SectionKey.id.rawValue)] = given.location
    positions.body[path.appending(SectionKey.title.rawValue)] = here
    if paired { positions.body[path.appending(SectionKey.paired.rawValue)] = here }
    section.noSlide = noSlide
    for key in Self.headingKeys {
      guard let token = values.last(where: { $0.key == key })?.token else { continue }
      let sectionKey = key == Self.shortKey ? SectionKey.shortTitle : SectionKey(rawValue: key)
      let at = path.appending(sectionKey?.rawValue ?? key)
      positions.body[at] = token.location
      switch sectionKey {
      case .role: section.role = RoleID(token.text)
      case .lang: section.lang = token.text
      case .shortTitle: section.shortTitle = token.text
      default: section.kind = sectionKind(token, at: at)
      }
    }
    let draft = SectionDraft(section: section, path: path, level: node.level, depth: depth)
    draft.isFAQ = isFAQ
    return draft
  }

  /// The id a heading with no `#id` gets: its title's slug, numbered past the ids taken.
  func generatedID(_ title: String) -> String {
    let base = Self.slug(title)
    var id = base
    var number = 2
    while usedIDs.contains(id) || explicitIDs.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    return id
  }

  /// The section kind `kind=` names; an unknown one is reported as decoding reports it, and
  /// stands in as decoding's placeholder does.
  func sectionKind(_ token: AttributeToken, at path: NodePath) -> SectionKind? {
    if let kind = SectionKind(rawValue: token.text) { return kind }
    session.report(SectionKind.unknownValueMessage(token.text), at: token.location, path: path)
    return SectionKind.allCases.first
  }

  func unknownAttribute(
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
}
