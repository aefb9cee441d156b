import ReportModel

/// Alternate text for charts, made from the data they draw: sentences a listener can act on.
///
/// Every sentence is a `Words` template in the document's language; numbers are printed as the
/// chart prints them (``ChartFormat``), roles by their short names, labels as the content writes
/// them. A chart's own `alt` (from the content) wins.
public enum ChartAltText {
  /// The chart's alternate text: the content's `alt` when it gives one, else generated.
  public static func text(for spec: ChartSpec, content: Comparison, words: Words) -> String {
    if let alt = spec.alt?.trimmingSpaces, !alt.isEmpty { return alt }
    return generated(for: spec.kind, content: content, words: words)
  }

  /// The text generated from the content's data for a chart of `kind`.
  public static func generated(for kind: ChartKind, content: Comparison, words: Words) -> String {
    switch kind {
    case .radar: radar(content, words: words)
    case .divergingBars: divergingBars(content, words: words)
    case .venn: venn(content, words: words)
    case .stakeholderMap: stakeholderMap(content, words: words)
    }
  }

  /// The radar's text: the scale, then each role's score on each dimension.
  ///
  /// "Focus profile, scores 0 to 5. Business PM: Market insight 5, …. Technical PM: …."
  static func radar(_ content: Comparison, words: Words) -> String {
    let dims = content.charts.focus
    let top = dims.flatMap { $0.scores.map(\.score) }.max() ?? 0
    var sentences = [words.fill(.altFocus, ["max": ChartFormat.number(max(5, top.rounded(.up)))])]
    for role in content.roles {
      let scores = dims.map {
        words.fill(
          .altScore,
          ["label": clean($0.label), "score": ChartFormat.number($0.score(for: role.id))])
      }
      sentences.append(
        words.fill(
          .altRoleScores,
          ["role": role.shortName, "scores": scores.joined(separator: words[.listSeparator])]))
    }
    return sentences.joined(separator: " ")
  }

  /// The diverging bars' text: for each dimension, which role leans more and by how much.
  ///
  /// "Which role leans more, in points: Market insight: Business PM +3; …; User needs: equal."
  static func divergingBars(_ content: Comparison, words: Words) -> String {
    guard content.roles.count >= 2 else { return "" }
    let (left, right) = (content.roles[0], content.roles[1])
    let items = content.charts.focus.map { d -> String in
      let difference = d.score(for: left.id) - d.score(for: right.id)
      let lean = ChartFormat.lean(difference)
      guard lean != "0" else { return words.fill(.altEqual, ["label": clean(d.label)]) }
      let role = difference > 0 ? left : right
      return words.fill(
        .altLean, ["label": clean(d.label), "role": role.shortName, "lean": lean])
    }
    return words.fill(
      .altDifference, ["items": items.joined(separator: words[.altItemSeparator])])
  }

  /// The overlap chart's text: each region's count and traits.
  ///
  /// "Business PM only (3): …. Shared (4): …. Technical PM only (4): …." (three roles: each role,
  /// then what all share).
  static func venn(_ content: Comparison, words: Words) -> String {
    guard let overlap = content.charts.overlap else { return "" }
    let shared = content.section(id: overlap.sharedSection).map(VennChart.sharedTraits) ?? []
    func list(_ traits: [String]) -> String {
      traits.isEmpty
        ? words[.altNone] : traits.map(clean).joined(separator: words[.listSeparator])
    }
    func only(_ role: Role) -> String {
      let traits = overlap.traits(of: role.id)
      return words.fill(
        .altOnly,
        ["role": role.shortName, "count": String(traits.count), "traits": list(traits)])
    }
    let all = ["count": String(shared.count), "traits": list(shared)]
    let roles = content.roles
    if roles.count == 2 {
      return [only(roles[0]), words.fill(.altShared, all), only(roles[1])].joined(separator: " ")
    }
    return (roles.map(only) + [words.fill(.altAll, all)]).joined(separator: " ")
  }

  /// The stakeholder map's text: the teams grouped by the roles they work with (in any order),
  /// groups in the order the map first names them.
  ///
  /// "With Business PM: Marketing and Sales. With Business PM and Technical PM: Developers. …"
  static func stakeholderMap(_ content: Comparison, words: Words) -> String {
    // A team's roles in the content's order, so that "A and B" and "B and A" are one group.
    let order = Dictionary(
      content.roles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var groups: [(roles: [RoleID], teams: [String])] = []
    for link in content.charts.stakeholders {
      let roles = link.roles.sorted { (order[$0] ?? .max) < (order[$1] ?? .max) }
      if let i = groups.firstIndex(where: { $0.roles == roles }) {
        groups[i].teams.append(clean(link.team))
      } else {
        groups.append((roles, [clean(link.team)]))
      }
    }
    return groups.map { group in
      let names = group.roles.map { id in
        content.roles.first { $0.id == id }?.shortName ?? id.rawValue
      }
      return words.fill(
        .altTeam, ["roles": listing(names, words), "teams": listing(group.teams, words)])
    }.joined(separator: " ")
  }

  /// "A, B and C": commas between all but the last two, the language's "and" before the last.
  static func listing(_ items: [String], _ words: Words) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    let first = items.dropLast().joined(separator: words[.listSeparator])
    return words.fill(.altAnd, ["first": first, "last": last])
  }

  /// `text` on one line: a label written over lines reads as one phrase.
  static func clean(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
