import ReportModel

/// `kind: worksheet`: exercises generated from the content, with tick boxes and ruled lines.
struct WorksheetRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .worksheet }
  var hasTitlePage: Bool { true }

  func title(of document: DocumentSpec, metadata: Metadata, words: Words) -> String {
    document.title ?? words.fill(.worksheetTitle, ["title": metadata.title])
  }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    try Self.exercises(
      of: build.spec, isKey: false, titlePage: hasTitlePage, build, emit: emit)
  }

  /// Lays out `worksheet`'s exercises (with the answers for a key) as `build`'s document.
  static func exercises(
    of worksheet: DocumentSpec, isKey: Bool, titlePage: Bool, _ build: DocumentBuild,
    emit: (consuming PlannedOutput) throws -> Void
  ) throws {
    let layout = build.handout
    let type = layout.makeType()
    let builder = WorksheetBuilder(
      content: build.project.content, worksheet: worksheet, title: build.title, isKey: isKey,
      type: type)
    let laidOut = try layout.layout(type, titlePage: titlePage, builder.blocks)
    try build.handoutOutputs(consume laidOut, layout: layout, emit: emit)
  }
}
