/// The editorial data behind the comparison charts, and which charts exist.
///
/// Figures the content already implies (how many traits the roles share, for example) are not
/// stored here: the charts module computes them from the sections.
public struct ChartData: Hashable, Sendable {
  /// The charts as the content lists them; nil when it lists none (then ``charts(roles:)`` picks
  /// every chart whose data is present).
  public var specs: [ChartSpec]?
  /// The focus profile: 0–5 emphasis per role on each dimension.
  public var focus: [FocusDimension]
  /// What each role does alone; the shared traits come from the section `overlap.sharedSection`.
  public var overlap: OverlapTraits?
  /// Who each role works with.
  public var stakeholders: [StakeholderLink]

  public init(
    specs: [ChartSpec]?, focus: [FocusDimension] = [], overlap: OverlapTraits? = nil,
    stakeholders: [StakeholderLink] = []
  ) {
    self.specs = specs
    self.focus = focus
    self.overlap = overlap
    self.stakeholders = stakeholders
  }

  /// The charts to draw for `roleCount` roles: the listed ones, or every chart whose data is
  /// present, titled in `words` and shown with `defaultSection` (the Venn with its shared section);
  /// kinds that cannot show that many roles are left out.
  public func charts(
    roleCount: Int, words: Words = .english, defaultSection: String? = nil
  ) -> [ChartSpec] {
    let listed = specs ?? defaultSpecs(words: words, section: defaultSection)
    return listed.filter { $0.kind.roleCounts.contains(roleCount) }
  }

  /// Every chart whose data is present.
  func defaultSpecs(words: Words, section: String?) -> [ChartSpec] {
    var out: [ChartSpec] = []
    if !focus.isEmpty {
      out.append(
        ChartSpec(
          id: "focus-profile", kind: .radar, title: words[.focusChart], section: section))
      out.append(
        ChartSpec(
          id: "focus-difference", kind: .divergingBars, title: words[.differenceChart],
          section: section))
    }
    if let overlap {
      out.append(
        ChartSpec(
          id: "overlap", kind: .venn, title: words[.overlapChart], section: overlap.sharedSection))
    }
    if !stakeholders.isEmpty {
      out.append(
        ChartSpec(
          id: "stakeholders", kind: .stakeholderMap, title: words[.stakeholderChart],
          section: section))
    }
    return out
  }
}

extension Comparison {
  /// The charts this content draws, in `words`: those it lists, or every chart its data allows,
  /// shown with the first section that holds a paired role table (else any role table, else the
  /// first section).
  public func charts(words: Words = .english) -> [ChartSpec] {
    let withTable = { (paired: Bool) in
      self.allSections.first { section in
        section.blocks.contains {
          if case .roleTable(let table) = $0 { return !paired || table.paired }
          return false
        }
      }
    }
    let home = (withTable(true) ?? withTable(false) ?? sections.first)?.id
    return charts.charts(roleCount: roles.count, words: words, defaultSection: home)
  }
}

/// The kinds of chart the charts module can draw.
public enum ChartKind: String, Codable, CaseIterable, Hashable, Sendable {
  case radar
  case divergingBars = "diverging-bars"
  case venn
  case stakeholderMap = "stakeholder-map"

  /// How many roles the kind can show.
  public var roleCounts: ClosedRange<Int> {
    switch self {
    case .radar, .stakeholderMap: 2...4
    case .venn: 2...3
    case .divergingBars: 2...2
    }
  }
}

/// One chart: what it draws, its words, and the section it illustrates.
public struct ChartSpec: Codable, Hashable, Sendable {
  /// Stable kebab-case id, also the standalone file name (`focus-profile`).
  public var id: String
  public var kind: ChartKind
  public var title: String
  public var caption: String
  /// The id of the section the chart is shown with in a handout (at that section's end).
  public var section: String?
  /// Alternate text for the chart; generated from the data when nil.
  public var alt: String?

  public init(
    id: String, kind: ChartKind, title: String, caption: String = "", section: String? = nil,
    alt: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.title = title
    self.caption = caption
    self.section = section
    self.alt = alt
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case id, kind, title, caption, section, alt }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    kind = try c.decode(ChartKind.self, forKey: .kind)
    title = try c.decode(String.self, forKey: .title)
    caption = try c.decodeIfPresent(String.self, forKey: .caption) ?? ""
    section = try c.decodeIfPresent(String.self, forKey: .section)
    alt = try c.decodeIfPresent(String.self, forKey: .alt)
  }
}

/// A role's score on one focus dimension.
public struct RoleScore: Hashable, Sendable {
  public var role: RoleID
  public var score: Double
  public init(role: RoleID, score: Double) {
    self.role = role
    self.score = score
  }
}

/// One axis of the focus profile: `{label, <role-id>: score, …}`.
public struct FocusDimension: Hashable, Sendable {
  public var label: String
  /// Emphasis 0…5 for each role, in the order written.
  public var scores: [RoleScore]
  public init(label: String, scores: [RoleScore]) {
    self.label = label
    self.scores = scores
  }
  /// The score for a role (0 when the content gives none).
  public func score(for role: RoleID) -> Double {
    scores.first { $0.role == role }?.score ?? 0
  }
}

/// A role's traits that no other role has.
public struct RoleTraits: Hashable, Sendable {
  public var role: RoleID
  public var traits: [String]
  public init(role: RoleID, traits: [String]) {
    self.role = role
    self.traits = traits
  }
}

/// The traits each role has alone; the shared ones are the labels of a list section:
/// `{<role-id>: [traits], …, shared-section: id}`.
public struct OverlapTraits: Hashable, Sendable {
  public var distinct: [RoleTraits]
  /// The id of the section whose labelled list names the shared traits (`key-similarities`).
  public var sharedSection: String
  public init(distinct: [RoleTraits], sharedSection: String) {
    self.distinct = distinct
    self.sharedSection = sharedSection
  }
  /// The traits of a role alone.
  public func traits(of role: RoleID) -> [String] {
    distinct.first { $0.role == role }?.traits ?? []
  }
}

/// A team and the roles that work with it, as the content names them.
public struct StakeholderLink: Codable, Hashable, Sendable {
  public var team: String
  public var roles: [RoleID]
  public init(team: String, roles: [RoleID]) {
    self.team = team
    self.roles = roles
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case team, roles }
}
