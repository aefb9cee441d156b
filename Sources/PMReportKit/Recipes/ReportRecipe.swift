import ReportModel

/// `kind: report`: sections in reading order, with optional title block, contents and charts (the
/// full report, and summaries that pick sections).
struct ReportRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .report }
  var hasTitlePage: Bool { true }

  /// The whole content is the longest document; a report of some sections a short one.
  func weight(of document: DocumentSpec) -> Double { document.sections == nil ? 8 : 2 }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    let layout = build.handout
    let type = layout.makeType()
    let laidOut = try layout.layout(
      type, titlePage: hasTitlePage, layout.reportBuilder(type).blocks(pages:))
    try build.handoutOutputs(consume laidOut, layout: layout, emit: emit)
  }
}
