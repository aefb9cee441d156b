import ReportModel

/// Why a chart could not be laid out.
///
/// Charts throw these rather than trap.
public enum ChartError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The chart's data is empty (no focus dimensions, no traits, no stakeholders).
  case noData(chart: String, detail: String)
  /// A radar needs at least three axes to enclose an area.
  case tooFewAxes(chart: String, count: Int, minimum: Int)
  /// A score that is negative, above 100, infinite or not a number.
  case invalidScore(chart: String, label: String, value: Double)
  /// The section that should name the shared traits does not exist.
  case missingSection(chart: String, section: String)
  /// The chart cannot be drawn within the width it was given.
  case doesNotFit(chart: String, width: Double, detail: String)

  public var description: String {
    switch self {
    case .noData(let chart, let detail):
      "chart '\(chart)' has nothing to draw: \(detail)"
    case .tooFewAxes(let chart, let count, let minimum):
      "chart '\(chart)' needs at least \(minimum) focus dimensions for a radar, but has \(count)"
    case .invalidScore(let chart, let label, let value):
      "chart '\(chart)': the score \(value) for '\(label)' is not a number from 0 to 100"
    case .missingSection(let chart, let section):
      "chart '\(chart)' takes its shared traits from section '\(section)', which does not exist"
    case .doesNotFit(let chart, let width, let detail):
      "chart '\(chart)' does not fit in \(Int(width.rounded())) pt: \(detail)"
    }
  }
}

extension ChartError {
  /// The focus profile's dimensions, or `noData` when it has none (the radar and the bars both draw it).
  static func focusDimensions(of content: Comparison, for spec: ChartSpec) throws
    -> [FocusDimension]
  {
    let dims = content.charts.focus
    guard !dims.isEmpty else {
      throw ChartError.noData(chart: spec.id, detail: "the focus profile has no dimensions")
    }
    return dims
  }

  /// The content's roles, or `noData` when the chart's kind cannot show that many.
  static func roles(of content: Comparison, for spec: ChartSpec) throws -> [Role] {
    let count = content.roles.count
    guard spec.kind.roleCounts.contains(count) else {
      let range = spec.kind.roleCounts
      let wanted =
        range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
      throw ChartError.noData(
        chart: spec.id,
        detail: "a \(spec.kind.rawValue) chart shows \(wanted) roles; the content has \(count)")
    }
    return content.roles
  }
}
