import ReportModel

/// `kind: answer-key`: a worksheet's items in the same order with the answers filled in.
///
/// It uses the worksheet that `key-for` names: that document's spec (exercises, seed, prompts).
struct AnswerKeyRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .answerKey }
  var hasTitlePage: Bool { true }

  func title(of document: DocumentSpec, metadata: Metadata, words: Words) -> String {
    document.title ?? words.fill(.answerKeyTitle, ["title": metadata.title])
  }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    try WorksheetRecipe.exercises(
      of: build.used ?? build.spec, isKey: true, titlePage: hasTitlePage, build, emit: emit)
  }
}
