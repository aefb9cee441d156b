import Pagination
import ReportModel

/// `kind: comparison-table`: the summary table alone on its page, its type as large as lets it
/// keep to that one page, between the style's `minimum-size` and `maximum-table-size`, found by
/// halving (a short table fills the page's height as far as the ceiling allows); a table too
/// long for one page at the floor splits between rows, its header repeated.
struct ComparisonTableRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .comparisonTable }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    let layout = build.handout
    try build.handoutOutputs(try table(layout), layout: layout, emit: emit)
  }

  private func table(_ layout: HandoutLayout) throws -> LaidOutDocument {
    let type = layout.makeType()
    let builder = layout.reportBuilder(type)
    guard let table = builder.summaryTable() else {
      throw DocumentError.noSummaryTable(layout.document.name)
    }
    let fonts = layout.style.fonts
    let sizes = HalvingSearch(from: fonts.maximumTableSize, to: fonts.minimumSize, step: 0.25)
    func laidOut(at size: Double) throws -> LaidOutDocument {
      let setter = TableSetter(type: type, fontSize: size)
      return try layout.layout(type, titlePage: hasTitlePage) { _ in
        builder.titleHeading() + [setter.roleTable(table, content: layout.content)]
      }
    }
    return try sizes.largestFitting(laidOut(at:), fits: { $0.pages.count <= 1 }).setting
  }
}
