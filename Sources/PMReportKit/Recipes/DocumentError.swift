import ReportConfig

/// A document that cannot be built from the content it was given.
public enum DocumentError: PositionedError, CustomStringConvertible {
  case noSummaryTable(String)
  /// The charts were asked for, and the content has nothing to draw.
  case noCharts(String)
  /// A kind the config accepted has no recipe to build it.
  case noRecipe(String, kind: String)
  /// A guide's session is shorter than a minute for each of its deck's slide groups; `at`: its
  /// `session-minutes`, else the guide's entry (the default).
  case sessionTooShort(String, minutes: Int, groups: Int, at: Provenance)

  public var description: String {
    switch self {
    case .noSummaryTable(let name):
      "document '\(name)' is a comparison-table, but the content has no role table in any section"
    case .noCharts(let name):
      "document '\(name)' draws the charts, but the content has none: charts need roles "
        + "(2 to 4 under `roles:`) and chart data (`focus`, `overlap` or `stakeholders`)"
    case .noRecipe(let name, let kind):
      "document '\(name)' is of kind '\(kind)', which no recipe builds"
    case .sessionTooShort(let name, let minutes, let groups, _):
      "document '\(name)': session-minutes \(minutes) leaves less than a minute for each of the "
        + "deck's \(groups) slide groups; give at least \(groups)"
    }
  }
}

extension DocumentError {
  /// A short session at its `session-minutes` (or the guide's entry); the others have no place.
  public var diagnostic: Diagnostic? {
    guard case .sessionTooShort(_, _, _, let place) = self else { return nil }
    let location = place.location
    return Diagnostic(
      file: location.file, line: location.line, column: location.column, keyPath: "",
      message: description)
  }
}
