import Frames
import ReportModel

/// `kind: facilitator-guide`: the trainer's guide to a deck (`guide-for:`, default the config's
/// only deck), a portrait handout: the session plan, the materials to print, each slide with its
/// notes.
///
/// It uses the deck: the deck's pages come from ``DocumentBuild/usedPages()`` (laid out by the
/// slides recipe, nothing written), its outline is made again (it is pure and small).
struct FacilitatorGuideRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .facilitatorGuide }
  var hasTitlePage: Bool { true }

  func weight(of document: DocumentSpec) -> Double { 3 }

  func title(of document: DocumentSpec, metadata: Metadata, words: Words) -> String {
    document.title ?? words.fill(.guideTitle, ["title": metadata.title])
  }

  /// The guide that belongs to `deck` (the first, when several do); nil when none does.
  static func guide(for deck: DocumentSpec, in settings: ReportSettings) -> DocumentSpec? {
    settings.documents.first { document in
      document.kind == .facilitatorGuide
        && Self().usedDocument(by: document, in: settings)?.name == deck.name
    }
  }

  /// The deck `guide-for` names, else the config's only deck.
  func usedDocument(by document: DocumentSpec, in settings: ReportSettings) -> DocumentSpec? {
    let decks = settings.documents.filter { $0.kind == .slides }
    guard let name = document.session.guideFor else { return decks.count == 1 ? decks[0] : nil }
    return decks.first { $0.name == name }
  }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    guard let deck = build.used else { return }
    let pages = try build.usedPages() ?? []
    let outline = SlidesRecipe.outline(of: deck, in: build)
    let plans = FacilitatorGuideBuilder.plannedSlides(of: pages)
    let session = build.spec.session.minutes
    guard let minutes = FacilitatorGuideBuilder.minutes(outline, plans: plans, session: session)
    else {
      throw DocumentError.sessionTooShort(
        build.name, minutes: session, groups: outline.groups.count,
        at: build.document.sources.sessionMinutes)
    }
    let participants =
      build.spec.session.participants ?? build.project.roster.map(\.participants.count)
    let handouts = build.settings.documents.filter { document in
      ![.slides, .facilitatorGuide, .charts].contains(document.kind)
    }
    let layout = build.handout
    let type = layout.makeType()
    let builder = FacilitatorGuideBuilder(
      type: type, title: build.title, outline: outline, pages: pages, minutes: minutes,
      materials: handouts.map { Self.material($0, participants: participants, in: build) })
    let laidOut = try layout.layout(type, titlePage: hasTitlePage, builder.blocks)
    try build.handoutOutputs(consume laidOut, layout: layout, emit: emit)
  }

  /// A handout to print, as the guide lists it: its title as it prints it (the trainer looks
  /// for that, not the config's id) and how many: one answer key (the trainer's), a certificate
  /// a participant (no spares), one of any other handout a participant and a spare in ten.
  private static func material(
    _ document: DocumentSpec, participants: Int?, in build: DocumentBuild
  ) -> String {
    let words = build.project.words
    let title =
      (try? DocumentRecipes.recipe(of: document))?.title(
        of: document, metadata: build.settings.metadata, words: words)
      ?? document.title ?? document.name
    let copies: Int?
    switch document.kind {
    case .answerKey: return words.fill(.handoutTrainer, ["document": title])
    case .certificate: copies = participants
    default: copies = participants.map(SessionPlan.copies(for:))
    }
    guard let copies else { return words.fill(.handoutEach, ["document": title]) }
    return words.fill(.handoutCopies, ["document": title, "count": "\(copies)"])
  }
}
