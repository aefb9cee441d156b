import ReportModel

/// Shorthands for tests written against the built-in article's two roles (`business`,
/// `technical`): the model itself knows no role by name.
extension RoleID {
  public static let business: RoleID = "business"
  public static let technical: RoleID = "technical"
}

extension RoleRow {
  /// A row with one statement for each of the article's two roles.
  public init(label: String, business: RichText, technical: RichText) {
    self.init(
      label: label,
      cells: [
        RoleCell(role: .business, text: business), RoleCell(role: .technical, text: technical),
      ])
  }
}

extension FocusDimension {
  /// A dimension scored for the article's two roles.
  public init(label: String, business: Double, technical: Double) {
    self.init(
      label: label,
      scores: [
        RoleScore(role: .business, score: business), RoleScore(role: .technical, score: technical),
      ])
  }
}

extension OverlapTraits {
  /// Traits of the article's two roles alone.
  public init(business: [String], technical: [String], sharedSection: String) {
    self.init(
      distinct: [
        RoleTraits(role: .business, traits: business),
        RoleTraits(role: .technical, traits: technical),
      ], sharedSection: sharedSection)
  }
}

extension RoleTable {
  /// A table with a column for each of the article's two roles.
  public init(aspectHeader: String, rows: [RoleRow], paired: Bool = false) {
    self.init(
      aspectHeader: aspectHeader, columns: [.business, .technical], rows: rows, paired: paired)
  }
}

extension Role {
  /// The article's two roles.
  public static let articleRoles = [
    Role(id: .business, name: "Business Product Manager", shortName: "Business PM"),
    Role(id: .technical, name: "Technical Product Manager", shortName: "Technical PM"),
  ]
}

extension FocusDimension {
  /// The business role's score.
  public var business: Double {
    get { score(for: .business) }
    set { set(newValue, for: .business) }
  }
  /// The technical role's score.
  public var technical: Double {
    get { score(for: .technical) }
    set { set(newValue, for: .technical) }
  }
  private mutating func set(_ value: Double, for role: RoleID) {
    if let i = scores.firstIndex(where: { $0.role == role }) {
      scores[i].score = value
    } else {
      scores.append(RoleScore(role: role, score: value))
    }
  }
}

extension ContentBlock {
  /// A role table set as a paired list, with a column for each of the article's two roles.
  public static func pairedList(_ rows: [RoleRow]) -> ContentBlock {
    .roleTable(RoleTable(aspectHeader: RoleTable.defaultAspectHeader, rows: rows, paired: true))
  }
}
