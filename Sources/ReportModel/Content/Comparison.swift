/// The content model of one comparison between two roles: plain values, no layout, no drawing.
///
/// Every part a config can pick (sections, charts) carries a stable kebab-case id.

// MARK: - Roles

/// Which of the two compared roles a value refers to.
///
/// Paired text refers to a role by identity, never by a typed label, so the printed role name
/// always comes from ``Role``.
public enum RoleID: String, Codable, CaseIterable, Hashable, Sendable {
  case business
  case technical
}

/// One of the two compared roles.
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

/// The whole comparison: the two roles, the introduction, the sections and the chart data.
public struct Comparison: Codable, Hashable, Sendable {
  /// Exactly two roles: business first, technical second.
  public var roles: [Role]
  /// The untitled opening paragraphs.
  public var introduction: [String]
  /// The titled sections, in reading order.
  public var sections: [Section]
  /// Editorial data that the charts draw.
  public var charts: ChartData

  public init(roles: [Role], introduction: [String], sections: [Section], charts: ChartData) {
    self.roles = roles
    self.introduction = introduction
    self.sections = sections
    self.charts = charts
  }

  enum CodingKeys: String, CodingKey, CaseIterable { case roles, introduction, sections, charts }

  /// The role with this identity.
  public func role(_ id: RoleID) -> Role {
    roles.first { $0.id == id } ?? Role(id: id, name: id.rawValue, shortName: id.rawValue)
  }

  /// Every section, depth first (a section before its subsections).
  public var allSections: [Section] { sections.flatMap { [$0] + $0.allSubsections } }

  /// The section with this id, at any depth.
  public func section(id: String) -> Section? { allSections.first { $0.id == id } }
}

// MARK: - Section

/// A titled part of the comparison: content blocks, then subsections.
public struct Section: Codable, Hashable, Sendable {
  /// Stable kebab-case id (`key-differences`).
  public var id: String
  public var title: String
  public var blocks: [ContentBlock]
  public var subsections: [Section]

  public init(id: String, title: String, blocks: [ContentBlock], subsections: [Section] = []) {
    self.id = id
    self.title = title
    self.blocks = blocks
    self.subsections = subsections
  }

  /// The subsections at every depth below this one.
  public var allSubsections: [Section] { subsections.flatMap { [$0] + $0.allSubsections } }
}

// MARK: - Blocks

/// One piece of section content, in its real shape.
public enum ContentBlock: Hashable, Sendable {
  /// A paragraph of prose.
  case paragraph(String)
  /// A list of items that each open with a bold label ("Market Insight: …").
  case labelledList([LabelledItem])
  /// A list whose items each say one thing for each role (Key Differences).
  case pairedList([PairedItem])
  /// Questions and answers.
  case faq([FAQEntry])
  /// A table of aspects, one column per role (the summary table).
  case aspectTable(AspectTable)
}

/// "Label: text".
public struct LabelledItem: Codable, Hashable, Sendable {
  public var label: String
  public var text: String
  public init(label: String, text: String) {
    self.label = label
    self.text = text
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case label, text }
}

/// A labelled item with one statement per role.
public struct PairedItem: Codable, Hashable, Sendable {
  public var label: String
  public var business: String
  public var technical: String
  public init(label: String, business: String, technical: String) {
    self.label = label
    self.business = business
    self.technical = technical
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case label, business, technical }
  /// The statement for a role.
  public func text(for role: RoleID) -> String { role == .business ? business : technical }
}

/// A question and its answer.
public struct FAQEntry: Codable, Hashable, Sendable {
  public var question: String
  public var answer: String
  public init(question: String, answer: String) {
    self.question = question
    self.answer = answer
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case question, answer }
}

/// Rows of aspects compared side by side; the column headers are the role names.
public struct AspectTable: Codable, Hashable, Sendable {
  /// The header of the first column ("Aspect").
  public var aspectHeader: String
  public var rows: [PairedItem]
  public init(aspectHeader: String, rows: [PairedItem]) {
    self.aspectHeader = aspectHeader
    self.rows = rows
  }
}

// MARK: - Codable for ContentBlock

/// Blocks are written as a mapping with exactly one key naming the kind:
/// `paragraph: "…"`, `list: [{label, text}]`, `paired: [{label, business, technical}]`,
/// `faq: [{question, answer}]`, `table: {aspect-header, rows}`.
extension ContentBlock: Codable {
  public enum Kind: String, CodingKey, CaseIterable, Sendable {
    case paragraph, list, paired, faq, table
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Kind.self)
    guard c.allKeys.count == 1, let kind = c.allKeys.first else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "a block has exactly one of the keys paragraph, list, paired, faq, table"))
    }
    switch kind {
    case .paragraph: self = .paragraph(try c.decode(String.self, forKey: kind))
    case .list: self = .labelledList(try c.decode([LabelledItem].self, forKey: kind))
    case .paired: self = .pairedList(try c.decode([PairedItem].self, forKey: kind))
    case .faq: self = .faq(try c.decode([FAQEntry].self, forKey: kind))
    case .table: self = .aspectTable(try c.decode(AspectTable.self, forKey: kind))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Kind.self)
    switch self {
    case .paragraph(let s): try c.encode(s, forKey: .paragraph)
    case .labelledList(let items): try c.encode(items, forKey: .list)
    case .pairedList(let items): try c.encode(items, forKey: .paired)
    case .faq(let entries): try c.encode(entries, forKey: .faq)
    case .aspectTable(let t): try c.encode(t, forKey: .table)
    }
  }
}

extension AspectTable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case aspectHeader = "aspect-header"
    case rows
  }
}

extension Section {
  enum CodingKeys: String, CodingKey, CaseIterable { case id, title, blocks, subsections }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    title = try c.decode(String.self, forKey: .title)
    blocks = try c.decodeIfPresent([ContentBlock].self, forKey: .blocks) ?? []
    subsections = try c.decodeIfPresent([Section].self, forKey: .subsections) ?? []
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(title, forKey: .title)
    if !blocks.isEmpty { try c.encode(blocks, forKey: .blocks) }
    if !subsections.isEmpty { try c.encode(subsections, forKey: .subsections) }
  }
}

extension Role {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, name
    case shortName = "short-name"
  }
}
