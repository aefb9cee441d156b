import Frames
import Geometry
import ReportModel
import TextShaping

/// Who each role works with: the first role's node on the left, the second's on the right, the teams
/// in a column between them, a line from each role to each team it works with.
///
/// Teams are grouped: the first role's alone first, then the shared ones (highlighted), then the
/// second role's alone, each group in the content's order. Lines run from a role node's inner edge
/// to a team node's near edge, through the empty gutters only, so no line crosses a label. Three
/// and four roles are laid out by ``sides(spec:roles:teams:width:setter:)``: the same columns,
/// with two role nodes stacked on a side.
enum StakeholderMapChart {
  static let inset = 2.0
  /// The gutter width for the lines that columns shrink to keep.
  static let minimumGutter = 28.0
  /// The least gutter a chart is drawn with.
  static let smallestGutter = 16.0
  static let padX = 7.0
  static let padY = 4.0
  static let teamGap = 6.0

  static func part(spec: ChartSpec, content: Comparison, width: Double, setter: TextSetter) throws
    -> PlotPart
  {
    let theme = setter.theme
    let roles = try ChartError.roles(of: content, for: spec)
    let (first, second) = (roles[0], roles[1])
    let raw = content.charts.stakeholders
      .map { (name: $0.team.trimmingSpaces, roles: roles.map(\.id).filter(Set($0.roles).contains)) }
      .filter { !$0.name.isEmpty }
    guard !raw.isEmpty else {
      throw ChartError.noData(chart: spec.id, detail: "no teams to map")
    }
    if roles.count > 2 {
      return try sides(spec: spec, roles: roles, teams: raw, width: width, setter: setter)
    }
    func group(_ roles: [RoleID]) -> Int {
      switch (roles.contains(first.id), roles.contains(second.id)) {
      case (true, false): 0
      case (true, true): 1
      case (false, true): 2
      case (false, false): 3
      }
    }
    let teams = raw.enumerated().sorted {
      (group($0.element.roles), $0.offset) < (group($1.element.roles), $1.offset)
    }
    .map(\.element)

    // Column widths: ideal ones, shrunk together when the gutters would get too narrow for the
    // lines, and smaller type only when that is not enough.
    let columns = try fittedColumns(
      teams: teams, roles: [first, second], spec: spec, width: width, setter: setter)
    let (roleBlocks, teamBlocks, roleWidth) =
      (columns.roleBlocks, columns.teamBlocks, columns.roleWidth)
    let (teamRects, columnHeight) = teamColumn(columns)

    // Role nodes, centred on the column.
    let roleRects = roleBlocks.enumerated().map { i, block in
      let h = block.height + 2 * 8
      return Rect(
        x: i == 0 ? inset : width - inset - roleWidth, y: (columnHeight - h) / 2,
        width: roleWidth, height: h)
    }

    var canvas = Canvas()
    // Links under the nodes.
    var links: [StakeholderMarks.Link] = []
    // Each role's lines leave its node spread down its inner edge, in the teams' order, so they
    // fan out without crossing and without meeting in one blot.
    var leaving: [RoleID: Int] = [:]
    let linkCounts = Dictionary(grouping: teams.flatMap(\.roles), by: { $0 }).mapValues(\.count)
    for (team, rect) in zip(teams, teamRects) {
      for role in team.roles {
        let side = role == first.id ? 0 : 1
        let node = roleRects[side]
        let k = leaving[role, default: 0]
        let count = linkCounts[role, default: 1]
        leaving[role] = k + 1
        let span = max(0, node.height - 14)
        let fromY = node.minY + 7 + span * (Double(k) + 0.5) / Double(count)
        let from = Point(x: side == 0 ? node.maxX : node.minX, y: fromY)
        let to = Point(x: side == 0 ? rect.minX : rect.maxX, y: rect.center.y)
        canvas.draw(
          .line(
            from: from, to: to,
            stroke: Stroke(
              color: theme.color(forRole: side), width: 1.2, dash: theme.dash(forRole: side))))
        canvas.draw(
          .ellipse(
            in: Rect(x: to.x - 2, y: to.y - 2, width: 4, height: 4),
            fill: theme.color(forRole: side)))
        links.append(.init(team: team.name, role: role, from: from, to: to))
      }
    }
    let marksTeams = drawNodes(
      roleRects: roleRects, roleBlocks: roleBlocks, teams: teams, teamRects: teamRects,
      teamBlocks: teamBlocks, theme: theme, on: &canvas)
    let legend = self.legend(roles: [first, second], several: .worksWithBoth, theme: theme)
    let marks = StakeholderMarks(roleNodes: roleRects, teams: marksTeams, links: links)
    return PlotPart(canvas: canvas, legend: legend, marks: .stakeholderMap(marks))
  }

  // MARK: Shared by the two- and the three-or-four-role maps

  /// The node columns at the largest label size (down to 70%) whose gutters leave room for the
  /// lines; throws when none does.
  static func fittedColumns(
    teams: [(name: String, roles: [RoleID])], roles: [Role], spec: ChartSpec, width: Double,
    setter: TextSetter
  ) throws -> Columns {
    let theme = setter.theme
    for scale in [1.0, 0.9, 0.8, 0.7] {
      let size = max(theme.labelSize * scale, min(6, theme.labelSize))
      if let c = columns(teams: teams, roles: roles, size: size, width: width, setter: setter) {
        return c
      }
    }
    throw ChartError.doesNotFit(
      chart: spec.id, width: width, detail: "no room for the lines between the nodes")
  }

  /// The team nodes, one under another in the middle column, and the column's height.
  static func teamColumn(_ columns: Columns) -> (rects: [Rect], height: Double) {
    let teamX = inset + columns.roleWidth + columns.gutter
    var rects: [Rect] = []
    var y = 0.0
    for block in columns.teamBlocks {
      let rect = Rect(x: teamX, y: y, width: columns.teamWidth, height: block.height + 2 * padY)
      rects.append(rect)
      y = rect.maxY + teamGap
    }
    return (rects, y - teamGap)
  }

  /// Draws the role nodes and the team nodes (a team linked to more than one role highlighted)
  /// with their words, over the links; returns the teams' marks.
  static func drawNodes(
    roleRects: [Rect], roleBlocks: [TextBlock], teams: [(name: String, roles: [RoleID])],
    teamRects: [Rect], teamBlocks: [TextBlock], theme: ChartTheme, on canvas: inout Canvas
  ) -> [StakeholderMarks.Team] {
    for (i, r) in roleRects.enumerated() {
      canvas.draw(
        roundedRect(
          r, radius: 4, fill: theme.color(forRole: i).tinted(0.8),
          stroke: Stroke(color: theme.color(forRole: i), width: 1.4)))
      canvas.write(
        roleBlocks[i],
        at: Point(
          x: r.center.x - roleBlocks[i].width / 2, y: r.center.y - roleBlocks[i].height / 2))
    }
    var marks: [StakeholderMarks.Team] = []
    for (i, team) in teams.enumerated() {
      let r = teamRects[i]
      let several = team.roles.count >= 2
      canvas.draw(
        roundedRect(
          r, radius: 3, fill: several ? theme.accent.tinted(0.78) : .white,
          stroke: Stroke(color: several ? theme.accent : theme.rule, width: several ? 1.3 : 0.8)))
      canvas.write(
        teamBlocks[i],
        at: Point(
          x: r.center.x - teamBlocks[i].width / 2, y: r.center.y - teamBlocks[i].height / 2))
      marks.append(.init(name: team.name, roles: team.roles, rect: r, highlighted: several))
    }
    return marks
  }

  /// A line swatch for each role, then the highlighted team's patch, worded by `several`.
  static func legend(roles: [Role], several: Words.Key, theme: ChartTheme) -> [LegendEntry] {
    roles.enumerated().map { i, role in
      LegendEntry(
        swatch: .line(
          Stroke(color: theme.color(forRole: i), width: 1.2, dash: theme.dash(forRole: i)),
          marker: nil, markerFill: nil), label: role.shortName)
    } + [
      LegendEntry(
        swatch: .patch(
          fill: theme.accent.tinted(0.78), stroke: Stroke(color: theme.accent, width: 1.3),
          hatch: nil),
        label: theme.words[several])
    ]
  }

  struct Columns {
    var roleBlocks: [TextBlock]
    var teamBlocks: [TextBlock]
    var roleWidth: Double
    var teamWidth: Double
    var gutter: Double
  }

  /// The node columns with labels at `size`; nil when the gutters between them would be too narrow.
  static func columns(
    teams: [(name: String, roles: [RoleID])], roles: [Role], size: Double, width: Double,
    setter: TextSetter
  ) -> Columns? {
    let theme = setter.theme
    let font = setter.font(size)
    let bold = setter.font(size, bold: true)
    var roleMax = min(max(width * 0.2, 70), 130)
    let teamNatural = teams.map { setter.naturalWidth($0.name, font: bold) }.max() ?? 0
    var teamMax = min(max(teamNatural + 2 * padX, 60), min(width * 0.34, 180))
    let room = width - 2 * inset - 2 * minimumGutter
    if 2 * roleMax + teamMax > room {
      let k = max(0, room) / (2 * roleMax + teamMax)
      roleMax = max(40, roleMax * k)
      teamMax = max(40, teamMax * k)
    }
    let roleBlocks = roles.map {
      setter.block(
        $0.name, font: bold, color: theme.text, maxWidth: roleMax - 2 * padX, alignment: .center)
    }
    let roleWidth = (roleBlocks.map(\.width).max() ?? 0) + 2 * padX
    let teamBlocks = teams.map { team in
      setter.block(
        team.name, font: team.roles.count >= 2 ? bold : font, color: theme.text,
        maxWidth: teamMax - 2 * padX, alignment: .center)
    }
    let teamWidth = max(teamMax, (teamBlocks.map(\.width).max() ?? 0) + 2 * padX)
    let gutter = (width - 2 * inset - 2 * roleWidth - teamWidth) / 2
    guard gutter >= smallestGutter else { return nil }
    return Columns(
      roleBlocks: roleBlocks, teamBlocks: teamBlocks, roleWidth: roleWidth, teamWidth: teamWidth,
      gutter: gutter)
  }

  /// A rectangle with rounded corners, drawn with Bézier quarter circles.
  static func roundedRect(_ r: Rect, radius: Double, fill: Color?, stroke: Stroke?) -> Shape {
    let rad = min(radius, r.width / 2, r.height / 2)
    let k = rad * 0.5523
    let path: [PathElement] = [
      .move(Point(x: r.minX + rad, y: r.minY)),
      .line(Point(x: r.maxX - rad, y: r.minY)),
      .curve(
        Point(x: r.maxX - rad + k, y: r.minY), Point(x: r.maxX, y: r.minY + rad - k),
        Point(x: r.maxX, y: r.minY + rad)),
      .line(Point(x: r.maxX, y: r.maxY - rad)),
      .curve(
        Point(x: r.maxX, y: r.maxY - rad + k), Point(x: r.maxX - rad + k, y: r.maxY),
        Point(x: r.maxX - rad, y: r.maxY)),
      .line(Point(x: r.minX + rad, y: r.maxY)),
      .curve(
        Point(x: r.minX + rad - k, y: r.maxY), Point(x: r.minX, y: r.maxY - rad + k),
        Point(x: r.minX, y: r.maxY - rad)),
      .line(Point(x: r.minX, y: r.minY + rad)),
      .curve(
        Point(x: r.minX, y: r.minY + rad - k), Point(x: r.minX + rad - k, y: r.minY),
        Point(x: r.minX + rad, y: r.minY)),
      .close,
    ]
    return Shape(path: path, fill: fill, stroke: stroke)
  }
}
