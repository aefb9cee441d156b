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
        build.name, minutes: session, groups: outline.groups.count)
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
      materials: handouts.map { ($0.name, participants.map(SessionPlan.copies(for:))) })
    let laidOut = try layout.layout(type, titlePage: hasTitlePage, builder.blocks)
    try build.handoutOutputs(consume laidOut, layout: layout, emit: emit)
  }
}
