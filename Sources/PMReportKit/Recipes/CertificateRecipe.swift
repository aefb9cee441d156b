import ReportConfig
import ReportModel

/// `kind: certificate`: one landscape page a participant of the roster.
///
/// Written like a personalised document's copies; none (with a note) without a roster. A name
/// that does not fit its rule is refused at its roster line before any certificate is written.
struct CertificateRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .certificate }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    guard let roster = build.project.roster else {
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
    // Every name is checked before the first page is written, whichever slice this unit makes:
    // every unit writes nothing, and each refused line is reported by the unit that would have
    // written its certificate, so once a run.
    let names: [Int: CertificateName]
    do {
      names = try build.measuredNames.names(of: build.name) { () throws(InputError) in
        try maker.names(
          build.participants, roster: roster.file,
          eachMeasured: build.session.dropShapesOfEarlierParticipants)
      }
    } catch {
      let lines = Set(build.participants[build.writtenCopies].map(\.line))
      let own = error.diagnostics.filter { lines.contains($0.line) }
      if own.isEmpty { return }
      throw InputError(diagnostics: own)
    }
    try build.copies(anchors: [], emit: emit) { participant in
      [try maker.page(for: participant, roster: roster.file, measured: names)]
    }
    // Each copy is laid out as it is written: the checks come after the last.
    build.documentLaidOut()
  }
}
