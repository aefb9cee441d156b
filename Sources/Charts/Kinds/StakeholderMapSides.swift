import Frames
import Geometry
import ReportModel
import TextShaping

extension StakeholderMapChart {
  /// The least vertical gap between two role nodes on one side.
  static let nodeGap = 12.0

  /// The map of three or four roles: the roles at even positions (the first, the third) on the
  /// left, the others on the right, two nodes stacked on a side, the teams in a column between.
  ///
  /// Teams are ordered by the mean height of the role nodes they are linked to (then the left
  /// side's before the right's, then the content's order), so most lines run level. Every line
  /// runs from a role node's inner edge to the team node's near edge, through the gutter only, so
  /// no line crosses a label; lines reaching one team from one side end spread down its edge.
  /// Teams linked to more than one role are highlighted.
  static func sides(
    spec: ChartSpec, roles: [Role], teams raw: [(name: String, roles: [RoleID])], width: Double,
    setter: TextSetter
  ) throws -> PlotPart {
    let theme = setter.theme
    let index = Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1.id, $0) })
    /// 0 on the left, 1 on the right.
    func side(_ role: Int) -> Int { role % 2 }
    let perSide = [(roles.count + 1) / 2, roles.count / 2]
    /// A role node's place down its side: 0 at the top, 1 at the bottom.
    func height(_ role: Int) -> Double {
      (Double(role / 2) + 0.5) / Double(perSide[side(role)])
    }
    func key(_ team: (name: String, roles: [RoleID])) -> (Double, Double) {
      let linked = team.roles.compactMap { index[$0] }
      guard !linked.isEmpty else { return (2, 2) }
      let n = Double(linked.count)
      return (
        linked.map(height).reduce(0, +) / n, linked.map { Double(side($0)) }.reduce(0, +) / n
      )
    }
    let teams = raw.enumerated().sorted {
      let (a, b) = (key($0.element), key($1.element))
      return a != b ? a < b : $0.offset < $1.offset
    }
    .map(\.element)

    let columns = try fittedColumns(
      teams: teams, roles: roles, spec: spec, width: width, setter: setter)
    let (roleBlocks, teamBlocks, roleWidth) =
      (columns.roleBlocks, columns.teamBlocks, columns.roleWidth)
    let (teamRects, columnHeight) = teamColumn(columns)

    // Role nodes: each side's spread down the column, stacked around its middle when they would
    // come too close.
    var roleRects = [Rect](repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: roles.count)
    for s in 0..<2 {
      let members = roles.indices.filter { side($0) == s }
      let heights = members.map { roleBlocks[$0].height + 2 * 8 }
      var tops = zip(members, heights).map { columnHeight * height($0) - $1 / 2 }
      let crowded = tops.indices.dropFirst().contains {
        tops[$0] < tops[$0 - 1] + heights[$0 - 1] + nodeGap
      }
      if crowded {
        let total = heights.reduce(0, +) + nodeGap * Double(heights.count - 1)
        var top = (columnHeight - total) / 2
        for k in tops.indices {
          tops[k] = top
          top += heights[k] + nodeGap
        }
      }
      for (k, role) in members.enumerated() {
        roleRects[role] = Rect(
          x: s == 0 ? inset : width - inset - roleWidth, y: tops[k], width: roleWidth,
          height: heights[k])
      }
    }

    var canvas = Canvas()
    // Links under the nodes. A role's lines leave its node spread down its inner edge in the
    // teams' order; a team's lines from one side arrive spread down its edge in the roles' order.
    var links: [StakeholderMarks.Link] = []
    var leaving: [Int: Int] = [:]
    var linkCounts: [Int: Int] = [:]
    for team in teams {
      for role in team.roles.compactMap({ index[$0] }) { linkCounts[role, default: 0] += 1 }
    }
    for (team, rect) in zip(teams, teamRects) {
      let linked = team.roles.compactMap { index[$0] }.sorted()
      for s in 0..<2 {
        let arriving = linked.filter { side($0) == s }
        for (j, role) in arriving.enumerated() {
          let node = roleRects[role]
          let k = leaving[role, default: 0]
          leaving[role] = k + 1
          let count = linkCounts[role, default: 1]
          let span = max(0, node.height - 14)
          let fromY = node.minY + 7 + span * (Double(k) + 0.5) / Double(count)
          let from = Point(x: s == 0 ? node.maxX : node.minX, y: fromY)
          let toY = rect.minY + rect.height * Double(j + 1) / Double(arriving.count + 1)
          let to = Point(x: s == 0 ? rect.minX : rect.maxX, y: toY)
          canvas.draw(
            .line(
              from: from, to: to,
              stroke: Stroke(
                color: theme.color(forRole: role), width: 1.2, dash: theme.dash(forRole: role))))
          canvas.draw(
            .ellipse(
              in: Rect(x: to.x - 2, y: to.y - 2, width: 4, height: 4),
              fill: theme.color(forRole: role)))
          links.append(.init(team: team.name, role: roles[role].id, from: from, to: to))
        }
      }
    }
    let marksTeams = drawNodes(
      roleRects: roleRects, roleBlocks: roleBlocks, teams: teams, teamRects: teamRects,
      teamBlocks: teamBlocks, theme: theme, on: &canvas)
    let legend = self.legend(roles: roles, several: .worksWithSeveral, theme: theme)
    let marks = StakeholderMarks(roleNodes: roleRects, teams: marksTeams, links: links)
    return PlotPart(canvas: canvas, legend: legend, marks: .stakeholderMap(marks))
  }
}
