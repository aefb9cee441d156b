import ReportModel

extension Comparison {
  /// The part of the content a chart of `spec` reads: the roles, the chart data and, for a Venn
  /// diagram, the section its shared traits come from; no other section, no introduction, no
  /// front matter.
  ///
  /// ``ChartBuilder`` lays every chart out from this alone, so a chart is the same for every
  /// content that agrees on it: what ``ChartLayouts`` keys a chart by.
  func readByChart(_ spec: ChartSpec) -> Comparison {
    let shared =
      spec.kind == .venn ? charts.overlap.flatMap { section(id: $0.sharedSection) } : nil
    return Comparison(
      roles: roles, introduction: [], sections: shared.map { [$0] } ?? [], charts: charts)
  }
}
