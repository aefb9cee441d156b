/// How the content model is written as YAML (and read back): the content file's schema, which is
/// also the vocabulary of a Markdown file's front matter.
///
/// Top-level keys: `title`, `subtitle`, `author`, `date`, `lang`, `roles`, `focus`, `overlap`,
/// `stakeholders`, `charts`, `introduction`, `sections`. Text for each role is keyed by the role's
/// id. The earlier layout (`charts: {specs, focus, overlap, stakeholders}`, introduction paragraphs
/// as strings) still reads.

/// A key chosen by the content (a role id), next to fixed ones.
struct DynamicKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// A mapping holding one fixed key and a value a role, keyed by the role's id
/// (`{label, <role-id>: …}`, `{<role-id>: …, shared-section}`).
extension KeyedDecodingContainer where Key == DynamicKey {
  /// Every entry but `fixed`, as (role, value), in the order written.
  func roleValues<Value: Decodable>(besides fixed: String) throws -> [(RoleID, Value)] {
    try allKeys.filter { $0.stringValue != fixed }.map {
      (RoleID($0.stringValue), try decode(Value.self, forKey: $0))
    }
  }
}

extension KeyedEncodingContainer where Key == DynamicKey {
  /// Writes each role's value under the role's id, in order.
  mutating func encode<Value: Encodable>(roleValues: [(RoleID, Value)]) throws {
    for (role, value) in roleValues { try encode(value, forKey: DynamicKey(role.rawValue)) }
  }
}

// MARK: - Comparison

extension Comparison: Codable {
  /// The top-level keys, in the order they are written.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case title, subtitle, author, date, lang, roles, focus, overlap, stakeholders, charts
    case introduction, sections
  }

  /// The keys a Markdown file's front matter may hold (all but the body's).
  public static let frontMatterKeys = CodingKeys.allCases.filter {
    $0 != .introduction && $0 != .sections
  }.map(\.rawValue)

  /// The earlier `charts:` mapping.
  enum LegacyChartKeys: String, CodingKey, CaseIterable { case specs, focus, overlap, stakeholders }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    info = try ContentInfo(from: decoder)
    roles = try c.decodeIfPresent([Role].self, forKey: .roles) ?? []
    introduction = try c.decodeIfPresent([ContentBlock].self, forKey: .introduction) ?? []
    sections = try c.decode([Section].self, forKey: .sections)
    var charts = ChartData(
      specs: nil,
      focus: try c.decodeIfPresent([FocusDimension].self, forKey: .focus) ?? [],
      overlap: try c.decodeIfPresent(OverlapTraits.self, forKey: .overlap),
      stakeholders: try c.decodeIfPresent([StakeholderLink].self, forKey: .stakeholders) ?? [])
    if c.contains(.charts) {
      let shape = try c.superDecoder(forKey: .charts).nodeShape
      if shape == .mapping {
        let legacy = try c.nestedContainer(keyedBy: LegacyChartKeys.self, forKey: .charts)
        charts.specs = try legacy.decodeIfPresent([ChartSpec].self, forKey: .specs)
        charts.focus += try legacy.decodeIfPresent([FocusDimension].self, forKey: .focus) ?? []
        if let overlap = try legacy.decodeIfPresent(OverlapTraits.self, forKey: .overlap) {
          charts.overlap = overlap
        }
        charts.stakeholders +=
          try legacy.decodeIfPresent([StakeholderLink].self, forKey: .stakeholders) ?? []
      } else {
        charts.specs = try c.decode([ChartSpec].self, forKey: .charts)
      }
    }
    self.charts = charts
  }

  public func encode(to encoder: any Encoder) throws {
    try info.encode(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    if !roles.isEmpty { try c.encode(roles, forKey: .roles) }
    if !charts.focus.isEmpty { try c.encode(charts.focus, forKey: .focus) }
    try c.encodeIfPresent(charts.overlap, forKey: .overlap)
    if !charts.stakeholders.isEmpty { try c.encode(charts.stakeholders, forKey: .stakeholders) }
    try c.encodeIfPresent(charts.specs, forKey: .charts)
    if !introduction.isEmpty {
      try c.encode(introduction.map(IntroductionItem.init), forKey: .introduction)
    }
    try c.encode(sections, forKey: .sections)
  }
}

extension ContentInfo {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Comparison.CodingKeys.self)
    title = try c.decodeIfPresent(String.self, forKey: .title)
    subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
    author = try c.decodeIfPresent(String.self, forKey: .author)
    date = try c.decodeIfPresent(String.self, forKey: .date)
    lang = try c.decodeIfPresent(String.self, forKey: .lang)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Comparison.CodingKeys.self)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encodeIfPresent(subtitle, forKey: .subtitle)
    try c.encodeIfPresent(author, forKey: .author)
    try c.encodeIfPresent(date, forKey: .date)
    try c.encodeIfPresent(lang, forKey: .lang)
  }
}

extension Role {
  /// A role's keys.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id, name
    case shortName = "short-name"
  }
}

/// An introduction block as written: a plain paragraph as a bare string (as earlier files have it),
/// anything else as a block.
private struct IntroductionItem: Encodable {
  let block: ContentBlock
  func encode(to encoder: any Encoder) throws {
    if case .paragraph(let text) = block, text.isPlain {
      var c = encoder.singleValueContainer()
      try c.encode(text.plain)
    } else {
      try block.encode(to: encoder)
    }
  }
}

// MARK: - Section

extension Section: Codable {
  /// A section's keys.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id, title, role, kind, paired, lang, blocks, subsections, notes, slide
    case shortTitle = "short-title"
    case noSlide = "no-slide"
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    title = try c.decode(String.self, forKey: .title)
    shortTitle = try c.decodeIfPresent(String.self, forKey: .shortTitle)
    role = try c.decodeIfPresent(RoleID.self, forKey: .role)
    kind = try c.decodeIfPresent(SectionKind.self, forKey: .kind)
    paired = try c.decodeIfPresent(Bool.self, forKey: .paired) ?? false
    lang = try c.decodeIfPresent(String.self, forKey: .lang)
    blocks = try c.decodeIfPresent([ContentBlock].self, forKey: .blocks) ?? []
    subsections = try c.decodeIfPresent([Section].self, forKey: .subsections) ?? []
    notes = try c.decodeIfPresent([ContentBlock].self, forKey: .notes) ?? []
    slide = try c.decodeIfPresent([ContentBlock].self, forKey: .slide) ?? []
    noSlide = try c.decodeIfPresent(Bool.self, forKey: .noSlide) ?? false
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(title, forKey: .title)
    try c.encodeIfPresent(shortTitle, forKey: .shortTitle)
    try c.encodeIfPresent(role, forKey: .role)
    try c.encodeIfPresent(kind, forKey: .kind)
    if paired { try c.encode(true, forKey: .paired) }
    try c.encodeIfPresent(lang, forKey: .lang)
    if !blocks.isEmpty { try c.encode(blocks, forKey: .blocks) }
    if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
    if !slide.isEmpty { try c.encode(slide, forKey: .slide) }
    if noSlide { try c.encode(true, forKey: .noSlide) }
    if !subsections.isEmpty { try c.encode(subsections, forKey: .subsections) }
  }
}

// MARK: - Blocks

/// A block is written as a mapping with exactly one key naming its kind: `paragraph: "…"`,
/// `list: [{label, text}]`, `bullets: {ordered, start, items}`, `faq: [{question, answer}]`,
/// `paired: [{label, <role>: …}]` (a role table set as a paired list), `table: {aspect-header,
/// rows}` (a role table), `grid: {header, rows}` (any other table), `code: {language, text}`,
/// `quote: [blocks]`, `rule: true`, `image: {path, alt}`. A bare string is a paragraph.
extension ContentBlock: Codable {
  public enum Kind: String, CodingKey, CaseIterable, Sendable {
    case paragraph, list, bullets, faq, paired, table, grid, code, quote, rule, image
  }

  public init(from decoder: any Decoder) throws {
    switch decoder.nodeShape {
    case .scalar:
      self = .paragraph(try RichText(from: decoder))
      return
    case nil:
      // A decoder that does not say the shape (JSON): a bare string is a paragraph.
      if let text = try? decoder.singleValueContainer().decode(String.self) {
        self = .paragraph(RichText(text))
        return
      }
    case .list, .mapping:
      break
    }
    let c = try decoder.container(keyedBy: Kind.self)
    guard c.allKeys.count == 1, let kind = c.allKeys.first else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "a block has exactly one of the keys "
            + Kind.allCases.map(\.rawValue).joined(separator: ", ")))
    }
    switch kind {
    case .paragraph: self = .paragraph(try c.decode(RichText.self, forKey: kind))
    case .list: self = .labelledList(try c.decode([LabelledItem].self, forKey: kind))
    case .bullets: self = .list(try c.decode(ListBlock.self, forKey: kind))
    case .faq: self = .faq(try c.decode([FAQEntry].self, forKey: kind))
    case .paired:
      let rows = try c.decode([RoleRow].self, forKey: kind)
      self = .roleTable(
        RoleTable(
          aspectHeader: RoleTable.defaultAspectHeader, columns: RoleTable.columns(of: rows),
          rows: rows, paired: true))
    case .table: self = .roleTable(try c.decode(RoleTable.self, forKey: kind))
    case .grid: self = .table(try c.decode(PlainTable.self, forKey: kind))
    case .code: self = .code(try c.decode(CodeBlock.self, forKey: kind))
    case .quote: self = .quote(try c.decode([ContentBlock].self, forKey: kind))
    case .rule: self = .rule
    case .image: self = .image(try c.decode(ImageBlock.self, forKey: kind))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Kind.self)
    switch self {
    case .paragraph(let text): try c.encode(text, forKey: .paragraph)
    case .labelledList(let items): try c.encode(items, forKey: .list)
    case .list(let list): try c.encode(list, forKey: .bullets)
    case .faq(let entries): try c.encode(entries, forKey: .faq)
    case .roleTable(let table)
    where table.paired && table.aspectHeader == RoleTable.defaultAspectHeader:
      try c.encode(table.rows, forKey: .paired)
    case .roleTable(let table): try c.encode(table, forKey: .table)
    case .table(let table): try c.encode(table, forKey: .grid)
    case .code(let code): try c.encode(code, forKey: .code)
    case .quote(let blocks): try c.encode(blocks, forKey: .quote)
    case .rule: try c.encode(true, forKey: .rule)
    case .image(let image): try c.encode(image, forKey: .image)
    }
  }
}

extension RoleTable: Codable {
  /// The first column's header when the content gives none.
  public static let defaultAspectHeader = "Aspect"

  /// The role columns the rows use, in first-seen order.
  public static func columns(of rows: [RoleRow]) -> [RoleID] {
    var seen: [RoleID] = []
    for row in rows {
      for cell in row.cells where !seen.contains(cell.role) { seen.append(cell.role) }
    }
    return seen
  }

  /// A role table's keys.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case aspectHeader = "aspect-header"
    case paired, rows
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    aspectHeader =
      try c.decodeIfPresent(String.self, forKey: .aspectHeader) ?? Self.defaultAspectHeader
    paired = try c.decodeIfPresent(Bool.self, forKey: .paired) ?? false
    rows = try c.decode([RoleRow].self, forKey: .rows)
    columns = Self.columns(of: rows)
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(aspectHeader, forKey: .aspectHeader)
    if paired { try c.encode(true, forKey: .paired) }
    try c.encode(rows, forKey: .rows)
  }
}

extension RoleRow: Codable {
  /// The row's fixed key (its other keys are role ids).
  public static let labelKey = "label"

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: DynamicKey.self)
    label = try c.decode(String.self, forKey: DynamicKey(Self.labelKey))
    cells = try c.roleValues(besides: Self.labelKey).map { RoleCell(role: $0, text: $1) }
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    try c.encode(label, forKey: DynamicKey(Self.labelKey))
    try c.encode(roleValues: cells.map { ($0.role, $0.text) })
  }
}

// MARK: - Chart data

extension FocusDimension: Codable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: DynamicKey.self)
    label = try c.decode(String.self, forKey: DynamicKey("label"))
    scores = try c.roleValues(besides: "label").map { RoleScore(role: $0, score: $1) }
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    try c.encode(label, forKey: DynamicKey("label"))
    try c.encode(roleValues: scores.map { ($0.role, $0.score) })
  }
}

extension OverlapTraits: Codable {
  static let sharedKey = DynamicKey("shared-section")
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: DynamicKey.self)
    sharedSection = try c.decode(String.self, forKey: Self.sharedKey)
    distinct = try c.roleValues(besides: Self.sharedKey.stringValue).map {
      RoleTraits(role: $0, traits: $1)
    }
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    try c.encode(roleValues: distinct.map { ($0.role, $0.traits) })
    try c.encode(sharedSection, forKey: Self.sharedKey)
  }
}
