import Geometry
import ReportModel

/// `kind: role-cards`: a card a role, four to a sheet with cut marks (`card-size: a6`, a print
/// file), or a page each (`card-size: page`).
struct RoleCardsRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .roleCards }

  func weight(of document: DocumentSpec) -> Double { 2 }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    let layout = build.handout
    let type = layout.makeType()
    let content = build.project.content
    guard build.spec.cardSize == .a6 else {
      let laidOut = try layout.layout(
        type, titlePage: hasTitlePage, RoleCardsBuilder(content: content, type: type).blocks)
      try build.handoutOutputs(consume laidOut, layout: layout, emit: emit)
      return
    }
    let sheet = CardSheetBuilder(
      content: content, type: type,
      sheet: Size(width: build.document.paperWidth, height: build.document.paperHeight),
      copies: build.spec.copies)
    try build.handoutOutputs(sheet.layout(), layout: layout, isPrintFile: true, emit: emit)
  }
}
