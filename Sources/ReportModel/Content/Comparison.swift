/// The content model: a comparison of two to four roles, or a plain document with no roles.
///
/// Plain values, no layout, no drawing. Every part a config can pick (sections, charts) carries a
/// stable kebab-case id; roles are named by ids the content chooses.

// MARK: - Roles

/// A role's id, chosen by the content (`business`, `sm`, `data-scientist`).
///
/// Text for each role is keyed by it, so the printed role name always comes from ``Role``.
public struct RoleID: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { rawValue = value }
  public var description: String { rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(rawValue)
  }
}

/// One of the compared roles.
public struct Role: Codable, Hashable, Sendable {
  public var id: RoleID
  /// The full name, as headings and table headers print it ("Business Product Manager").
  public var name: String
  /// A short name for tight places such as chart legends ("Business PM").
  public var shortName: String
  public init(id: RoleID, name: String, shortName: String) {
    self.id = id
    self.name = name
    self.shortName = shortName
  }
}

// MARK: - Comparison

/// The whole content: its own metadata, the roles, the introduction, the sections and the chart
/// data.
public struct Comparison: Hashable, Sendable {
  /// What the content says about itself (front matter); a config's `metadata` overrides it.
  public var info: ContentInfo
  /// Two to four roles, in the order columns, cards and legends show them; none for a plain
  /// document.
  public var roles: [Role]
  /// The untitled opening paragraphs.
  public var introduction: [ContentBlock]
  /// The titled sections, in reading order.
  public var sections: [Section]
  /// Editorial data that the charts draw.
  public var charts: ChartData

  public init(
    info: ContentInfo = ContentInfo(), roles: [Role], introduction: [ContentBlock],
    sections: [Section], charts: ChartData
  ) {
    self.info = info
    self.roles = roles
    self.introduction = introduction
    self.sections = sections
    self.charts = charts
  }

  /// Whether the content compares roles (role cards, the comparison table and the charts need them).
  public var hasRoles: Bool { !roles.isEmpty }

  /// The role with this id, if the content defines it.
  public func role(_ id: RoleID) -> Role? { roles.first { $0.id == id } }

  /// The printed name of a role (its id when the content does not define it).
  public func name(of id: RoleID) -> String { role(id)?.name ?? id.rawValue }

  /// Every section, depth first (a section before its subsections).
  public var allSections: [Section] { sections.flatMap { [$0] + $0.allSubsections } }

  /// The section with this id, at any depth.
  public func section(id: String) -> Section? { allSections.first { $0.id == id } }

  /// Every role table, in reading order.
  public var roleTables: [RoleTable] {
    allSections.flatMap { section in
      section.blocks.compactMap { block -> RoleTable? in
        if case .roleTable(let table) = block { return table }
        return nil
      }
    }
  }
}

/// What a content file says about itself.
///
/// The front matter's `title`, `subtitle`, `author`, `date` and `lang`, each optional; a config's
/// `metadata` takes precedence.
public struct ContentInfo: Codable, Hashable, Sendable {
  public var title: String?
  public var subtitle: String?
  public var author: String?
  /// The printed date, as written ("March 2026"); the PDF's dates still come from the run.
  public var date: String?
  /// The content's language, a BCP 47 tag (`en`, `de-AT`).
  public var lang: String?

  public init(
    title: String? = nil, subtitle: String? = nil, author: String? = nil, date: String? = nil,
    lang: String? = nil
  ) {
    self.title = title
    self.subtitle = subtitle
    self.author = author
    self.date = date
    self.lang = lang
  }

  enum CodingKeys: String, CodingKey, CaseIterable { case title, subtitle, author, date, lang }
}

// MARK: - Section

/// What the role cards collect from a section marked for a role.
public enum SectionKind: String, Codable, CaseIterable, Hashable, Sendable {
  case strengths, risks
}

/// A titled part of the content: content blocks, then subsections.
public struct Section: Hashable, Sendable {
  /// Stable kebab-case id (`key-differences`).
  public var id: String
  public var title: String
  /// What a running header shows when the title does not fit it (`short-title`, `short=` in
  /// Markdown); nil: the title, cut short.
  public var shortTitle: String?
  public var blocks: [ContentBlock]
  public var subsections: [Section]
  /// The role whose strengths or risks this section lists (`role=` in Markdown).
  public var role: RoleID?
  /// Whether the section lists the role's strengths or its risks (`kind=`).
  public var kind: SectionKind?
  /// Its role tables keep the look of a paired list where the two differ (`.paired`).
  public var paired: Bool
  /// The language of the section and its subsections when it is not the document's (`lang=`), a
  /// BCP 47 tag: a screen reader switches voice for it.
  public var lang: String?
  /// The trainer's speaker notes for the section's slides (`notes:`, a `::: notes` div in
  /// Markdown): shown in the facilitator's guide only, never in a handout or on a slide.
  public var notes: [ContentBlock] = []
  /// The text the section's own slide shows (`slide:`, a `::: slide` div in Markdown).
  public var slide: [ContentBlock] = []
  /// The section and its subsections stay out of the slide deck (`no-slide`, `{.no-slide}`).
  public var noSlide = false

  public init(
    id: String, role: RoleID? = nil, kind: SectionKind? = nil, paired: Bool = false,
    lang: String? = nil, title: String, shortTitle: String? = nil, blocks: [ContentBlock],
    subsections: [Section] = []
  ) {
    self.lang = lang
    self.id = id
    self.title = title
    self.shortTitle = shortTitle
    self.blocks = blocks
    self.subsections = subsections
    self.role = role
    self.kind = kind
    self.paired = paired
  }

  /// The subsections at every depth below this one.
  public var allSubsections: [Section] { subsections.flatMap { [$0] + $0.allSubsections } }

  /// The labels of this section's labelled lists.
  public var labels: [String] {
    blocks.flatMap { block -> [String] in
      if case .labelledList(let items) = block { return items.map(\.label) }
      return []
    }
  }
}

// MARK: - Blocks

/// One piece of section content, in its real shape.
public indirect enum ContentBlock: Hashable, Sendable {
  /// A paragraph of prose.
  case paragraph(RichText)
  /// A list of items that each open with a bold label ("Market Insight: …").
  case labelledList([LabelledItem])
  /// A bulleted or numbered list; items hold blocks (nested lists among them).
  case list(ListBlock)
  /// Questions and answers.
  case faq([FAQEntry])
  /// Rows of aspects with one cell a role.
  case roleTable(RoleTable)
  /// Any other table.
  case table(PlainTable)
  /// Preformatted text: monospace, never hyphenated or justified.
  case code(CodeBlock)
  /// A block quote, set as a callout.
  case quote([ContentBlock])
  /// A thematic break.
  case rule
  /// A picture from a file next to the content.
  case image(ImageBlock)
}

/// "Label: text".
public struct LabelledItem: Codable, Hashable, Sendable {
  public var label: String
  public var text: RichText
  public init(label: String, text: RichText) {
    self.label = label
    self.text = text
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case label, text }
}

/// A bulleted or numbered list.
public struct ListBlock: Codable, Hashable, Sendable {
  public var ordered: Bool
  /// The first number of a numbered list.
  public var start: Int
  /// Each item's blocks.
  public var items: [[ContentBlock]]
  public init(ordered: Bool, start: Int = 1, items: [[ContentBlock]]) {
    self.ordered = ordered
    self.start = start
    self.items = items
  }
  public enum CodingKeys: String, CodingKey, CaseIterable { case ordered, start, items }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    ordered = try c.decodeIfPresent(Bool.self, forKey: .ordered) ?? false
    start = try c.decodeIfPresent(Int.self, forKey: .start) ?? 1
    items = try c.decode([[ContentBlock]].self, forKey: .items)
  }
}

/// A question and its answer.
public struct FAQEntry: Codable, Hashable, Sendable {
  public var question: String
  public var answer: RichText
  public init(question: String, answer: RichText) {
    self.question = question
    self.answer = answer
  }
  public enum CodingKeys: String, CodingKey, CaseIterable { case question, answer }
}

/// One statement for a role.
public struct RoleCell: Hashable, Sendable {
  public var role: RoleID
  public var text: RichText
  public init(role: RoleID, text: RichText) {
    self.role = role
    self.text = text
  }
}

/// An aspect with one statement a role: a row of a role table.
///
/// Written as a mapping `{label, <role-id>: text, …}` (so `{label, business, technical}` reads as
/// before).
public struct RoleRow: Hashable, Sendable {
  public var label: String
  public var cells: [RoleCell]
  public init(label: String, cells: [RoleCell]) {
    self.label = label
    self.cells = cells
  }
  /// The statement for a role, if the row has one.
  public func text(for role: RoleID) -> RichText? { cells.first { $0.role == role }?.text }
}

/// Rows of aspects compared side by side; the column headers are the role names.
public struct RoleTable: Hashable, Sendable {
  /// The header of the first column ("Aspect").
  public var aspectHeader: String
  /// The roles of the columns after the first, in order.
  public var columns: [RoleID]
  public var rows: [RoleRow]
  /// Set as a list of labelled items, one statement a role (today's paired list) where the look
  /// differs from a table.
  public var paired: Bool
  public init(aspectHeader: String, columns: [RoleID], rows: [RoleRow], paired: Bool = false) {
    self.aspectHeader = aspectHeader
    self.columns = columns
    self.rows = rows
    self.paired = paired
  }
}

/// A table that is not about the roles: a header row and body rows of text.
public struct PlainTable: Codable, Hashable, Sendable {
  public var header: [RichText]
  public var rows: [[RichText]]
  /// Per column: `left`, `center` or `right` (from the Markdown delimiter row).
  public var alignments: [CellAlignment]
  public init(header: [RichText], rows: [[RichText]], alignments: [CellAlignment] = []) {
    self.header = header
    self.rows = rows
    self.alignments = alignments
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case header, rows, alignments }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    header = try c.decode([RichText].self, forKey: .header)
    rows = try c.decodeIfPresent([[RichText]].self, forKey: .rows) ?? []
    alignments = try c.decodeIfPresent([CellAlignment].self, forKey: .alignments) ?? []
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(header, forKey: .header)
    try c.encode(rows, forKey: .rows)
    if alignments.contains(where: { $0 != .left }) { try c.encode(alignments, forKey: .alignments) }
  }
}

/// How a plain table's column is aligned.
public enum CellAlignment: String, Codable, CaseIterable, Hashable, Sendable {
  case left, center, right
}

/// Preformatted text.
public struct CodeBlock: Codable, Hashable, Sendable {
  /// The info string's first word (`swift`), if any.
  public var language: String?
  public var text: String
  public init(language: String?, text: String) {
    self.language = language
    self.text = text
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case language, text }
}

/// A picture: PNG, JPEG or SVG, by a path relative to the content file.
public struct ImageBlock: Codable, Hashable, Sendable {
  /// As written in the content.
  public var path: String
  /// The alternate text (what a screen reader says, and what prints if the image cannot be drawn).
  public var alt: String
  public init(path: String, alt: String) {
    self.path = path
    self.alt = alt
  }
  public enum CodingKeys: String, CodingKey, CaseIterable { case path, alt }
}
