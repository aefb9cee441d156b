import ReportModel

/// `kind: certificate`: one landscape page a participant of the roster, written like a
/// personalised document's copies; none (with a note) without a roster.
struct CertificateRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .certificate }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    guard build.project.roster != nil else {
      build.note(
        .certificatesWithoutRoster,
        "certificates are made for a roster's participants; "
          + "none written (give one with --roster FILE.csv or roster: in the config)")
      return
    }
    let layout = build.handout
    let maker = CertificateBuilder(
      type: layout.makeType(), template: layout.template, completed: layout.metadata.title,
      date: ReportBuilder.formatted(layout.date, words: layout.words),
      trainer: build.settings.metadata.author)
    try build.copies(anchors: [], emit: emit) { participant in
      [maker.page(name: participant.name, fields: participant.fields)]
    }
    // Each copy is laid out as it is written: the checks come after the last.
    build.documentLaidOut()
  }
}
