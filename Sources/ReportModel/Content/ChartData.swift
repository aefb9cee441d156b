/// The editorial data behind the comparison charts, and which charts exist.
///
/// Figures the content already implies (how many traits the roles share, for example) are not
/// stored here: the charts module computes them from the sections.
public struct ChartData: Codable, Hashable, Sendable {
  /// The charts, in the order a charts document lists them.
  public var specs: [ChartSpec]
  /// The focus profile: 0–5 emphasis per role on each dimension.
  public var focus: [FocusDimension]
  /// What each role does alone; the shared traits come from the section `overlap.sharedSection`.
  public var overlap: OverlapTraits
  /// Who each role works with.
  public var stakeholders: [StakeholderLink]

  public init(
    specs: [ChartSpec], focus: [FocusDimension], overlap: OverlapTraits,
    stakeholders: [StakeholderLink]
  ) {
    self.specs = specs
    self.focus = focus
    self.overlap = overlap
    self.stakeholders = stakeholders
  }

  enum CodingKeys: String, CodingKey, CaseIterable { case specs, focus, overlap, stakeholders }

  /// The chart with this id.
  public func spec(id: String) -> ChartSpec? { specs.first { $0.id == id } }
}

/// The kinds of chart the charts module can draw.
public enum ChartKind: String, Codable, CaseIterable, Hashable, Sendable {
  case radar
  case divergingBars = "diverging-bars"
  case venn
  case stakeholderMap = "stakeholder-map"
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

  public init(id: String, kind: ChartKind, title: String, caption: String, section: String?) {
    self.id = id
    self.kind = kind
    self.title = title
    self.caption = caption
    self.section = section
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case id, kind, title, caption, section }
}

/// One axis of the focus profile.
public struct FocusDimension: Codable, Hashable, Sendable {
  public var label: String
  /// Emphasis 0…5 for the business role.
  public var business: Double
  /// Emphasis 0…5 for the technical role.
  public var technical: Double
  public init(label: String, business: Double, technical: Double) {
    self.label = label
    self.business = business
    self.technical = technical
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case label, business, technical }
  /// The score for a role.
  public func score(for role: RoleID) -> Double { role == .business ? business : technical }
}

/// The traits each role has alone; the shared ones are the labels of a list section.
public struct OverlapTraits: Codable, Hashable, Sendable {
  public var business: [String]
  public var technical: [String]
  /// The id of the section whose labelled list names the shared traits (`key-similarities`).
  public var sharedSection: String
  public init(business: [String], technical: [String], sharedSection: String) {
    self.business = business
    self.technical = technical
    self.sharedSection = sharedSection
  }
  enum CodingKeys: String, CodingKey, CaseIterable {
    case business, technical
    case sharedSection = "shared-section"
  }
}

/// A team and the roles that work with it, as the article names them.
public struct StakeholderLink: Codable, Hashable, Sendable {
  public var team: String
  public var roles: [RoleID]
  public init(team: String, roles: [RoleID]) {
    self.team = team
    self.roles = roles
  }
  enum CodingKeys: String, CodingKey, CaseIterable { case team, roles }
}
