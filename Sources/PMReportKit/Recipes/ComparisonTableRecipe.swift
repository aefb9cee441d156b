import Pagination
import ReportModel

/// `kind: comparison-table`: the summary table alone, its type shrunk step by step, down to the
/// style's floor, until the table fits one page; below the floor it splits with its header
/// repeated.
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
    var size = layout.style.fonts.tableSize
    let floor = min(layout.style.fonts.minimumSize, size)
    while true {
      let setter = TableSetter(type: type, fontSize: size)
      let result = try layout.layout(type, titlePage: hasTitlePage) { _ in
        builder.titleHeading() + [setter.roleTable(table, content: layout.content)]
      }
      if result.pages.count <= 1 || size <= floor { return result }
      size = max(floor, size - 0.5)
    }
  }
}
