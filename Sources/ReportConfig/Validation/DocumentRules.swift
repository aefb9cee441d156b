import ReportModel

extension ConfigLoader {
  /// Checks the documents' section and chart ids against the content, with did-you-mean
  /// suggestions; also warns about charts a document lists but cannot show, after the warnings
  /// the config got when loaded.
  ///
  /// Positions come from the config file the settings were loaded from; ids that file did not
  /// hold (set on the command line or in code) are reported against `<command line>`. A missing
  /// section or chart is said to be missing from `contentFile`, the content file as messages name
  /// it (nil: the content, unnamed).
  public static func validate(
    _ loaded: LoadedSettings, against content: Comparison, contentFile: String? = nil
  ) -> [Diagnostic] {
    let settings = loaded.settings
    let sectionIDs = content.allSections.map(\.id)
    let charts = content.charts()
    let chartIDs = charts.map(\.id)
    var diagnostics = loaded.warnings

    for (position, document) in settings.documents.enumerated() {
      let recorded = loaded.documentSources[document.name]
      let index = recorded?.index ?? position
      let path = NodePath.root.appending("documents").appending(index)

      func place(_ key: String, _ item: Int, _ id: String) -> (SourceLocation, NodePath) {
        let here = path.appending(key).appending(item)
        let list = key == "sections" ? recorded?.sections : recorded?.charts
        if let list, list.indices.contains(item), list[item].id == id {
          return (list[item].location, here)
        }
        return (
          SourceLocation(file: "<command line>", line: 0, column: 0),
          NodePath.root.appending("documents").appending(position).appending(key).appending(item)
        )
      }

      if !content.hasRoles, document.kind.needsRoles {
        let location =
          recorded?.location ?? SourceLocation(file: "<command line>", line: 0, column: 0)
        diagnostics.append(
          Diagnostic(
            "document '\(document.name)' is a \(document.kind.rawValue) document, which needs roles; "
              + "the content defines none (add `roles:` with 2 to \(ContentRules.maxRoles) "
              + "entries to its front matter)", at: location, keyPath: path.appending("kind")))
      }
      for (item, entry) in (document.sections ?? []).enumerated()
      where content.sections(chosenBy: entry).isEmpty {
        let (location, keyPath) = place("sections", item, entry)
        diagnostics.append(
          Diagnostic(
            Self.unchosen(entry, among: sectionIDs, in: contentFile)
              + " (document '\(document.name)')", at: location, keyPath: keyPath))
      }
      for (item, id) in (document.charts ?? []).enumerated() {
        let (location, keyPath) = place("charts", item, id)
        guard let spec = charts.first(where: { $0.id == id }) else {
          diagnostics.append(
            Diagnostic(
              ContentRules.unknown("chart", id, among: chartIDs, in: contentFile)
                + " (document '\(document.name)')", at: location, keyPath: keyPath))
          continue
        }
        if document.kind == .report, let sections = document.sections, let section = spec.section,
          !content.sections(chosenBy: sections).contains(where: { chosen in
            chosen.id == section || chosen.allSubsections.contains { $0.id == section }
          })
        {
          diagnostics.append(
            Diagnostic(
              "chart '\(id)' is shown with section '\(section)', which document '\(document.name)' leaves out;"
                + " it will not appear", at: location, keyPath: keyPath, severity: .warning))
        }
      }
    }
    return Checker.sorted(diagnostics)
  }

  /// Why a `sections:` entry chooses nothing: an unknown id or class, or a class no section has.
  static func unchosen(_ entry: String, among ids: [String], in contentFile: String?) -> String {
    guard entry.hasPrefix(".") else {
      return ContentRules.unknown("section", entry, among: ids, in: contentFile)
    }
    guard SectionChoice.classes.contains(entry) else {
      return "unknown section class '\(entry)'; expected "
        + SectionChoice.classes.map { "'\($0)'" }.joined(separator: " or ")
    }
    return "no section is marked '\(entry)'" + (contentFile.map { " in \($0)" } ?? "")
      + " (a heading's `{\(entry)}`)"
  }

  /// Settings made in code, with no file behind them: every id is reported against `<command line>`.
  public static func validate(_ settings: ReportSettings, against content: Comparison)
    -> [Diagnostic]
  {
    validate(LoadedSettings(settings), against: content)
  }
}
