import ReportModel

/// The rules content must keep beyond its shape (a YAML file or a Markdown file alike).
enum ContentRules {
  /// The most roles a comparison may have.
  static let maxRoles = 4

  /// Checks a decoded comparison; `legacyCharts` when the file keeps the chart data in a `charts:`
  /// mapping (with the charts as `specs`), as earlier files do.
  static func check(
    _ comparison: inout Comparison, legacyCharts: Bool, with checker: inout Checker
  ) {
    if let lang = comparison.info.lang {
      comparison.info.lang = LanguageRules.check(
        lang, at: NodePath.root.appending("lang"), checker: &checker)
    }
    let roleIDs = checkRoles(comparison, with: &checker)
    let sectionIDs = checkSections(comparison, roles: roleIDs, with: &checker)
    let places = ChartPlaces(
      data: legacyCharts ? NodePath.root.appending("charts") : .root,
      specs: legacyCharts
        ? NodePath.root.appending("charts").appending("specs") : NodePath.root.appending("charts"))
    let shared = comparison.charts.overlap.flatMap { comparison.section(id: $0.sharedSection) }
    checkCharts(
      comparison.charts, roles: roleIDs, sectionIDs: sectionIDs, at: places,
      shared: shared?.labels ?? [], with: &checker)
  }

  // MARK: Roles

  /// Checks the roles; returns their ids, in order.
  private static func checkRoles(_ comparison: Comparison, with checker: inout Checker)
    -> [String]
  {
    let path = NodePath.root.appending("roles")
    var firstIndex: [RoleID: Int] = [:]
    for (index, role) in comparison.roles.enumerated() {
      let here = path.appending(index)
      if let first = firstIndex[role.id] {
        checker.error(
          "role '\(role.id)' is already defined by roles[\(first)]; role ids must be unique",
          at: here.appending("id"))
      } else {
        firstIndex[role.id] = index
      }
      if !Checker.isKebabCase(role.id.rawValue) {
        checker.error(
          "role id '\(role.id)' must be kebab-case: lowercase letters and digits in words joined "
            + "by single hyphens, like 'scrum-master'", at: here.appending("id"))
      }
      checker.checkNotEmpty(role.name, at: here.appending("name"), what: "the role's name")
      checker.checkNotEmpty(
        role.shortName, at: here.appending("short-name"), what: "the role's short name")
    }
    let count = comparison.roles.count
    if count == 1 || count > maxRoles {
      checker.error(
        "a comparison has 2 to \(maxRoles) roles, found \(count) "
          + "(leave roles out for a plain document)", at: path)
    }
    return firstIndex.sorted { $0.value < $1.value }.map(\.key.rawValue)
  }

  /// Reports a role id the content does not define, with a did-you-mean.
  private static func checkRole(
    _ id: RoleID, roles: [String], at path: NodePath, with checker: inout Checker
  ) {
    guard !roles.contains(id.rawValue) else { return }
    if roles.isEmpty {
      checker.error(
        "'\(id)' names a role, but the content defines no roles (add `roles:` with 2 to "
          + "\(maxRoles) entries)", at: path)
    } else {
      checker.error(unknown("role", id.rawValue, among: roles), at: path)
    }
  }

  // MARK: Sections

  /// Checks every section; returns the ids defined (with their paths), in reading order.
  private static func checkSections(
    _ comparison: Comparison, roles: [String], with checker: inout Checker
  ) -> [String] {
    var defined: [String: NodePath] = [:]
    var order: [String] = []
    func visit(_ sections: [Section], at path: NodePath) {
      for (index, section) in sections.enumerated() {
        let here = path.appending(index)
        let idPath = here.appending("id")
        if !Checker.isKebabCase(section.id) {
          checker.error(
            "section id '\(section.id)' must be kebab-case: lowercase letters and digits "
              + "in words joined by single hyphens, like 'key-differences'", at: idPath)
        }
        if let first = defined[section.id] {
          let line = checker.positions.location(of: first).line
          checker.error(
            "section id '\(section.id)' is already used by \(first.parent)"
              + (line > 0 ? " (line \(line))" : "") + "; ids must be unique", at: idPath)
        } else {
          defined[section.id] = idPath
          order.append(section.id)
        }
        checker.checkNotEmpty(section.title, at: here.appending("title"), what: "the section title")
        if let short = section.shortTitle {
          checkShortTitle(short, at: here.appending("short-title"), with: &checker)
        }
        if let role = section.role {
          checkRole(role, roles: roles, at: here.appending("role"), with: &checker)
        }
        if let lang = section.lang {
          _ = LanguageRules.check(lang, at: here.appending("lang"), checker: &checker)
        }
        // The role cards collect a section only with both marks.
        switch (section.role, section.kind) {
        case (let role?, nil):
          checker.error(
            "section '\(section.id)' is marked for role '\(role)' but not what it lists: add "
              + "kind=strengths or kind=risks (the role cards collect it then)",
            at: here.appending("role"))
        case (nil, let kind?):
          checker.error(
            "section '\(section.id)' lists \(kind.rawValue) but names no role: add role=<id>"
              + (roles.isEmpty ? "" : " (\(roles.joined(separator: ", ")))"),
            at: here.appending("kind"))
        default: break
        }
        for (blockIndex, block) in section.blocks.enumerated() {
          if case .roleTable(let table) = block {
            let key =
              table.paired && table.aspectHeader == RoleTable.defaultAspectHeader
              ? "paired" : "table"
            checkRoleTable(
              table, roles: roles,
              at: here.appending("blocks").appending(blockIndex).appending(key),
              with: &checker)
          }
        }
        visit(section.subsections, at: here.appending("subsections"))
      }
    }
    visit(comparison.sections, at: NodePath.root.appending("sections"))
    return order
  }

  /// A short title is not empty, and is one line with no `"` or `{` (it is written in a
  /// Markdown heading's `{short="…"}`).
  private static func checkShortTitle(
    _ short: String, at path: NodePath, with checker: inout Checker
  ) {
    checker.checkNotEmpty(short, at: path, what: "the short title")
    if let bad = short.first(where: { $0 == "\"" || $0 == "{" || $0.isNewline || $0 == "\t" }) {
      let what = bad.isNewline ? "a line break" : bad == "\t" ? "a tab" : "'\(bad)'"
      checker.error(
        "the short title holds \(what), which a Markdown heading's {short=\"…\"} cannot hold; "
          + "use “ ” for quotes", at: path)
    }
  }

  /// Every row of a role table has a statement for each role and none for another.
  private static func checkRoleTable(
    _ table: RoleTable, roles: [String], at path: NodePath, with checker: inout Checker
  ) {
    let rowsPath =
      table.paired && table.aspectHeader == RoleTable.defaultAspectHeader
      ? path : path.appending("rows")
    for (index, row) in table.rows.enumerated() {
      let here = rowsPath.appending(index)
      for cell in row.cells {
        checkRole(cell.role, roles: roles, at: here.appending(cell.role.rawValue), with: &checker)
      }
      let missing = roles.filter { id in !row.cells.contains { $0.role.rawValue == id } }
      if !missing.isEmpty, !roles.isEmpty {
        checker.error(
          "the row '\(row.label)' has no statement for \(Suggestions.list(missing.map { "'\($0)'" })); "
            + "a role table has one for each role (\(roles.joined(separator: ", ")))", at: here)
      }
    }
  }

  // MARK: Charts

  /// Where the chart data and the chart list were written.
  struct ChartPlaces {
    /// The mapping holding `focus`, `overlap` and `stakeholders`.
    var data: NodePath
    /// The list of charts.
    var specs: NodePath
  }

  private static func checkCharts(
    _ charts: ChartData, roles: [String], sectionIDs: [String], at places: ChartPlaces,
    shared: [String], with checker: inout Checker
  ) {
    var seen: [String: Int] = [:]
    for (index, spec) in (charts.specs ?? []).enumerated() {
      let here = places.specs.appending(index)
      if !Checker.isKebabCase(spec.id) {
        checker.error(
          "chart id '\(spec.id)' must be kebab-case (it is also a file name), like 'focus-profile'",
          at: here.appending("id"))
      }
      if let first = seen[spec.id] {
        checker.error(
          "chart id '\(spec.id)' is already used by \(places.specs.containerName)[\(first)]",
          at: here.appending("id"))
      } else {
        seen[spec.id] = index
      }
      checker.checkNotEmpty(spec.title, at: here.appending("title"), what: "the chart title")
      if let section = spec.section, !sectionIDs.contains(section) {
        checker.error(unknownSection(section, among: sectionIDs), at: here.appending("section"))
      }
    }
    for (index, dimension) in charts.focus.enumerated() {
      let here = places.data.appending("focus").appending(index)
      checker.checkNotEmpty(
        dimension.label, at: here.appending("label"), what: "the dimension's label")
      for score in dimension.scores {
        let at = here.appending(score.role.rawValue)
        checkRole(score.role, roles: roles, at: at, with: &checker)
        checker.check(score.score, in: 0...5, at: at, what: "a focus score")
      }
    }
    if let overlap = charts.overlap {
      let here = places.data.appending("overlap")
      if !sectionIDs.contains(overlap.sharedSection) {
        checker.error(
          unknownSection(overlap.sharedSection, among: sectionIDs),
          at: here.appending("shared-section"))
      }
      let sharedLabels = Set(shared.map { $0.lowercased() })
      for entry in overlap.distinct {
        let at = here.appending(entry.role.rawValue)
        checkRole(entry.role, roles: roles, at: at, with: &checker)
        for trait in entry.traits where sharedLabels.contains(trait.lowercased()) {
          checker.warning(
            "'\(trait)' is listed as '\(entry.role)' only and is also a shared trait (a label "
              + "in section '\(overlap.sharedSection)'): the overlap chart shows it twice", at: at)
        }
      }
    }
    for (index, link) in charts.stakeholders.enumerated() {
      let here = places.data.appending("stakeholders").appending(index)
      checker.checkNotEmpty(link.team, at: here.appending("team"), what: "the team")
      for (roleIndex, role) in link.roles.enumerated() {
        checkRole(
          role, roles: roles, at: here.appending("roles").appending(roleIndex), with: &checker)
      }
    }
  }

  /// "no section 'x'; did you mean 'y'?" (or the list of ids when none is close).
  static func unknownSection(_ id: String, among ids: [String]) -> String {
    unknown("section", id, among: ids)
  }

  /// "no section has the id 'x' in content.md; did you mean …": `file` names the content file
  /// that lacks it (nil: the content, unnamed).
  static func unknown(_ kind: String, _ id: String, among ids: [String], in file: String? = nil)
    -> String
  {
    var message = "no \(kind) has the id '\(id)'" + (file.map { " in \($0)" } ?? "")
    if let suggestion = Suggestions.nearest(to: id, in: ids) {
      message += "; did you mean '\(suggestion)'?"
    } else if ids.isEmpty {
      message += "; \(file ?? "the content") has no \(kind)s"
    } else if ids.count <= 30 {
      message += "; the \(kind) ids are: \(ids.joined(separator: ", "))"
    }
    return message
  }
}
