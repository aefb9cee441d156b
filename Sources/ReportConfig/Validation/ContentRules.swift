import ReportModel

/// The rules a content file must keep beyond its shape.
enum ContentRules {
  /// Checks a decoded comparison; puts the roles in order (business, technical) when both exist.
  static func check(_ comparison: inout Comparison, with checker: inout Checker) {
    checkRoles(&comparison, with: &checker)
    let sectionIDs = checkSections(comparison, with: &checker)
    checkCharts(comparison.charts, sectionIDs: sectionIDs, with: &checker)
  }

  // MARK: Roles

  private static func checkRoles(_ comparison: inout Comparison, with checker: inout Checker) {
    let path = NodePath.root.appending("roles")
    var firstIndex: [RoleID: Int] = [:]
    for (index, role) in comparison.roles.enumerated() {
      let here = path.appending(index)
      if let first = firstIndex[role.id] {
        checker.error(
          "role '\(role.id.rawValue)' is already defined by roles[\(first)]",
          at: here.appending("id"))
      } else {
        firstIndex[role.id] = index
      }
      checker.checkNotEmpty(role.name, at: here.appending("name"), what: "the role's name")
      checker.checkNotEmpty(
        role.shortName, at: here.appending("short-name"), what: "the role's short name")
    }
    let missing = RoleID.allCases.filter { firstIndex[$0] == nil }
    if !missing.isEmpty {
      checker.error(
        "expected exactly two roles, business and technical; "
          + "missing \(Suggestions.list(missing.map { "'\($0.rawValue)'" }))", at: path)
    } else if comparison.roles.count != 2 {
      checker.error(
        "expected exactly two roles, business and technical, found \(comparison.roles.count)",
        at: path)
    } else if comparison.roles.first?.id != .business {
      comparison.roles.reverse()
    }
  }

  // MARK: Sections

  /// Checks every section; returns the ids defined (with their paths), in reading order.
  private static func checkSections(_ comparison: Comparison, with checker: inout Checker)
    -> [String]
  {
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
          let line = checker.tree.location(of: first).line
          checker.error(
            "section id '\(section.id)' is already used by \(first.parent)"
              + (line > 0 ? " (line \(line))" : "") + "; ids must be unique", at: idPath)
        } else {
          defined[section.id] = idPath
          order.append(section.id)
        }
        checker.checkNotEmpty(section.title, at: here.appending("title"), what: "the section title")
        visit(section.subsections, at: here.appending("subsections"))
      }
    }
    visit(comparison.sections, at: NodePath.root.appending("sections"))
    return order
  }

  // MARK: Charts

  private static func checkCharts(
    _ charts: ChartData, sectionIDs: [String], with checker: inout Checker
  ) {
    let path = NodePath.root.appending("charts")
    var seen: [String: Int] = [:]
    for (index, spec) in charts.specs.enumerated() {
      let here = path.appending("specs").appending(index)
      if !Checker.isKebabCase(spec.id) {
        checker.error(
          "chart id '\(spec.id)' must be kebab-case (it is also a file name), like 'focus-profile'",
          at: here.appending("id"))
      }
      if let first = seen[spec.id] {
        checker.error(
          "chart id '\(spec.id)' is already used by specs[\(first)]", at: here.appending("id"))
      } else {
        seen[spec.id] = index
      }
      checker.checkNotEmpty(spec.title, at: here.appending("title"), what: "the chart title")
      if let section = spec.section, !sectionIDs.contains(section) {
        checker.error(unknownSection(section, among: sectionIDs), at: here.appending("section"))
      }
    }
    for (index, dimension) in charts.focus.enumerated() {
      let here = path.appending("focus").appending(index)
      checker.checkNotEmpty(
        dimension.label, at: here.appending("label"), what: "the dimension's label")
      checker.check(
        dimension.business, in: 0...5, at: here.appending("business"), what: "a focus score")
      checker.check(
        dimension.technical, in: 0...5, at: here.appending("technical"), what: "a focus score")
    }
    let shared = charts.overlap.sharedSection
    if !sectionIDs.contains(shared) {
      checker.error(
        unknownSection(shared, among: sectionIDs),
        at: path.appending("overlap").appending("shared-section"))
    }
    for (index, link) in charts.stakeholders.enumerated() {
      let here = path.appending("stakeholders").appending(index)
      checker.checkNotEmpty(link.team, at: here.appending("team"), what: "the team")
    }
  }

  /// "no section 'x'; did you mean 'y'?" (or the list of ids when none is close).
  static func unknownSection(_ id: String, among ids: [String]) -> String {
    unknown("section", id, among: ids)
  }

  static func unknown(_ kind: String, _ id: String, among ids: [String]) -> String {
    var message = "no \(kind) has the id '\(id)'"
    if let suggestion = Suggestions.nearest(to: id, in: ids) {
      message += "; did you mean '\(suggestion)'?"
    } else if ids.isEmpty {
      message += "; the content has no \(kind)s"
    } else if ids.count <= 30 {
      message += "; the \(kind) ids are: \(ids.joined(separator: ", "))"
    }
    return message
  }
}
