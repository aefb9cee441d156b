import Charts
import ContentFixtures
import Frames
import Geometry
import ReportConfig
import ReportModel
import TestSupport
import TextShaping

/// A small comparison built by hand.
enum Fixture {
  static let focus = [
    FocusDimension(label: "Market insight", business: 5, technical: 2),
    FocusDimension(label: "Customer contact", business: 4, technical: 2),
    FocusDimension(label: "Technical depth", business: 1, technical: 5),
    FocusDimension(label: "Engineering collaboration and delivery", business: 2, technical: 5),
    FocusDimension(label: "Quality", business: 2, technical: 4),
    FocusDimension(label: "User needs", business: 4, technical: 4),
  ]

  static let specs = [
    ChartSpec(
      id: "focus-profile", kind: .radar, title: "Where each role puts its weight",
      caption:
        "Editorial ratings from 0 to 5, read from the article's wording rather than measured.",
      section: "differences"),
    ChartSpec(
      id: "focus-difference", kind: .divergingBars, title: "How far apart the roles are",
      caption: "Each bar points toward the role that puts more weight on the dimension.",
      section: "differences"),
    ChartSpec(
      id: "overlap", kind: .venn, title: "What the roles share",
      caption: "The shared traits are the key similarities.", section: "similarities"),
    ChartSpec(
      id: "stakeholders", kind: .stakeholderMap, title: "Who each role works with",
      caption: "Teams linked to the roles that work with them.", section: nil),
  ]

  static let similarities = [
    LabelledItem(label: "Core objective", text: "Both aim at the product's success."),
    LabelledItem(label: "Strategic thinking", text: "Both think about the product's future."),
    LabelledItem(label: "User-centric approach", text: "Both serve the users' needs."),
    LabelledItem(
      label: "Product lifecycle involvement", text: "Both take part from idea to launch."),
  ]

  static func comparison(
    focus: [FocusDimension] = focus,
    business: [String] = ["Market analysis", "Pricing strategy", "Customer advocacy"],
    technical: [String] = [
      "Technical roadmap", "Code reviews", "System architecture",
      "Quality assurance",
    ],
    shared: [LabelledItem] = similarities,
    stakeholders: [StakeholderLink] = [
      StakeholderLink(team: "Marketing", roles: [.business]),
      StakeholderLink(team: "Sales", roles: [.business]),
      StakeholderLink(team: "Developers", roles: [.business, .technical]),
      StakeholderLink(team: "Engineering", roles: [.technical]),
      StakeholderLink(team: "Clients and customers", roles: [.technical, .business]),
      StakeholderLink(team: "IT", roles: [.technical]),
    ],
    roles: [Role] = [
      Role(id: .business, name: "Business Product Manager", shortName: "Business PM"),
      Role(id: .technical, name: "Technical Product Manager", shortName: "Technical PM"),
    ]
  ) -> Comparison {
    Comparison(
      roles: roles,
      introduction: [.paragraph("Two roles compared.")],
      sections: Fixture.sections(shared: shared),
      charts: ChartData(
        specs: specs, focus: focus,
        overlap: OverlapTraits(
          business: business, technical: technical,
          sharedSection: "similarities"),
        stakeholders: stakeholders))
  }

  /// A comparison's two sections: the differences, and the similarities with `shared` as their
  /// labelled list (the overlap diagrams' shared traits).
  static func sections(shared: [LabelledItem]) -> [Section] {
    [
      Section(id: "differences", title: "Key differences", blocks: [.paragraph("They differ.")]),
      Section(
        id: "similarities", title: "Key similarities",
        blocks: [.paragraph("They share a lot."), .labelledList(shared)]),
    ]
  }

  static func spec(_ kind: ChartKind) -> ChartSpec {
    guard let spec = specs.first(where: { $0.kind == kind }) else {
      preconditionFailure("no \(kind) chart")
    }
    return spec
  }
}

/// Lays a chart out with the fake measurer and the standard theme.
func layout(
  _ kind: ChartKind, _ content: Comparison = Fixture.comparison(), width: Double = 460,
  theme: ChartTheme = .standard
) throws -> ChartLayout {
  try ChartBuilder.layout(
    for: Fixture.spec(kind), content: content, theme: theme, width: width,
    measurer: FakeMeasurer())
}

/// Every shape in `frame` with its absolute position.
func shapes(in frame: Frame) -> [(Point, Shape)] {
  var out: [(Point, Shape)] = []
  frame.walk { p, item in if case .shape(let s) = item { out.append((p, s)) } }
  return out
}

/// A shape's path points moved to absolute coordinates.
func points(of shape: Shape, at p: Point) -> [Point] {
  shape.path.compactMap { e -> Point? in
    switch e {
    case .move(let q), .line(let q): Point(x: q.x + p.x, y: q.y + p.y)
    default: nil
    }
  }
}

/// Whether the shape is a straight two-point line.
func isLine(_ s: Shape) -> Bool {
  guard s.path.count == 2, case .move = s.path[0], case .line = s.path[1] else { return false }
  return true
}

/// The words of every text line in the frame.
func words(in frame: Frame) -> [String] { frame.textLines().map(\.1.text) }

func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance }
func close(_ a: Point, _ b: Point, _ tolerance: Double = 1e-6) -> Bool {
  close(a.x, b.x, tolerance) && close(a.y, b.y, tolerance)
}

extension Rect {
  func moved(_ p: Point) -> Rect {
    Rect(origin: Point(x: origin.x + p.x, y: origin.y + p.y), size: size)
  }
}

/// Whether two label boxes overlap by more than rounding: lines stacked in one block touch exactly in
/// real numbers, but their positions are sums taken in different orders, so they may differ by a few
/// units in the last place.
func overlaps(_ a: Rect, _ b: Rect) -> Bool { a.insetBy(1e-6).intersects(b.insetBy(1e-6)) }

extension Comparison {
  /// The built-in content as every run reads it: `ConfigLoader.builtInContent()` (the embedded
  /// `BuiltinContent/comparison.md`).
  static var builtIn: Comparison {
    get throws { try ConfigLoader.builtInContent() }
  }
}

/// A Scrum team's roles: three or four roles compared (the charts' roles beyond two).
enum TeamFixture {
  static let roles = [
    Role(id: "scrum-master", name: "Scrum Master", shortName: "Scrum Master"),
    Role(id: "product-owner", name: "Product Owner", shortName: "Product Owner"),
    Role(id: "developer", name: "Developer", shortName: "Developer"),
    Role(id: "stakeholder", name: "Stakeholder", shortName: "Stakeholder"),
  ]

  /// Each dimension's scores for the four roles, in the roles' order.
  static let scores: [(String, [Double])] = [
    ("Process facilitation", [5, 2, 2, 1]),
    ("Backlog ownership", [2, 5, 2, 3]),
    ("Technical depth", [1, 2, 5, 1]),
    ("Engineering collaboration and delivery", [3, 3, 5, 1]),
    ("Business value", [2, 5, 2, 4]),
    ("Team health", [5, 3, 3, 1]),
  ]

  static let distinct: [[String]] = [
    ["Facilitates events", "Removes impediments", "Coaches the team in Scrum"],
    ["Orders the backlog", "Maximises value"],
    ["Builds the increment", "Owns the definition of done", "Estimates the work"],
    ["Funds the product", "Reviews increments"],
  ]

  static let shared = [
    LabelledItem(label: "Sprint goal", text: "All work toward it."),
    LabelledItem(label: "Transparency", text: "All keep the work visible."),
    LabelledItem(label: "Continuous improvement", text: "All inspect and adapt."),
  ]

  /// Each team and the indices of the roles that work with it.
  static let stakeholders: [(String, [Int])] = [
    ("Management", [0, 3]),
    ("Customers and users", [1, 3]),
    ("Other Scrum teams", [0, 2]),
    ("Operations", [2]),
    ("Sales and marketing", [1]),
    ("HR", [0]),
    ("Architecture board", [2, 1, 0]),
  ]

  /// The comparison of the first `count` roles (2 to 4): links to the other roles are left out.
  static func comparison(_ count: Int) -> Comparison {
    let roles = Array(Self.roles.prefix(count))
    let ids = roles.map(\.id)
    return Comparison(
      roles: roles,
      introduction: [.paragraph("Several roles compared.")],
      sections: Fixture.sections(shared: shared),
      charts: ChartData(
        specs: Fixture.specs,
        focus: scores.map { label, values in
          FocusDimension(
            label: label,
            scores: zip(ids, values).map { RoleScore(role: $0, score: $1) })
        },
        overlap: OverlapTraits(
          distinct: zip(ids, distinct).map { RoleTraits(role: $0, traits: $1) },
          sharedSection: "similarities"),
        stakeholders: stakeholders.compactMap { team, linked in
          let inside = linked.filter { $0 < count }
          return inside.isEmpty ? nil : StakeholderLink(team: team, roles: inside.map { ids[$0] })
        }))
  }
}
