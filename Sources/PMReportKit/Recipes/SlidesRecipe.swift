import Charts
import Frames
import Geometry
import Pagination
import ReportModel

/// `kind: slides`: a deck for the room, a page a slide at `slide-size`, made from the content
/// (``SlideOutline``): the title and agenda, each section's role-table rows, lists, FAQ questions
/// and charts, and the quiz from the worksheet `quiz-for` names (default the config's only one).
///
/// `--page-size` does not apply: a warning says so.
struct SlidesRecipe: DocumentRecipe {
  var rules: DocumentKindRules { .slides }
  var hasTitlePage: Bool { true }

  func weight(of document: DocumentSpec) -> Double { 3 }

  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws {
    if build.project.options.paperSize != nil {
      build.warn(.input, "--page-size does not apply to slides (their size is slide-size)")
    }
    let laidOut = try Self.layout(build)
    build.documentLaidOut()
    guard build.unit.writesCopies else { return }
    try emit(
      PlannedOutput(
        PlannedFile(build.name, pages: laidOut.pages, anchors: laidOut.anchors),
        formats: build.unit.formats))
  }

  /// The outline of `build`'s deck and its pages.
  static func layout(_ build: DocumentBuild) throws -> (
    outline: SlideOutline, pages: [Page], anchors: [AnchorLocation]
  ) {
    let outline = self.outline(of: build.spec, in: build)
    let document = build.document
    let words = build.project.words
    let size = document.spec.session.slideSize.points
    let colors =
      document.slideColors
      ?? SlideColors(
        background: .white, text: document.colors.text, heading: document.colors.accent)
    let slideText = TypeSet(
      style: document.style, colors: document.colors, measurer: build.session.measurer,
      width: size.width, words: words)
    slideText.charts = build.session.chartLayouts
    let type = SlideType(
      type: slideText, colors: colors, size: Size(width: size.width, height: size.height))
    let slides = document.style.slides
    let base = ChartTheme(style: document.style, colors: document.colors, words: words)
    var theme = base
    theme.text = colors.text
    theme.muted = colors.text
    theme.titleSize = slides.headingSize
    theme.labelSize = slides.chartLabelSize
    theme.captionSize = slides.chartLabelSize
    let bodies = SlideBodies(
      type: type, content: build.project.content, theme: theme,
      roleColors: build.project.content.roles.indices.map { base.color(forRole: $0) },
      warn: { build.warn(.layout, $0) })
    let deck = SlideDeck(type: type, bodies: bodies, deckTitle: build.title)
    let laidOut = try deck.layout(outline)
    return (outline, laidOut.pages, laidOut.anchors)
  }

  /// The slides `deck` shows: its quiz from the worksheet `quiz-for` names, else the config's only
  /// worksheet (none when it has none).
  static func outline(of deck: DocumentSpec, in build: DocumentBuild) -> SlideOutline {
    let worksheets = build.settings.documents.filter { $0.kind == .worksheet }
    let worksheet =
      deck.session.quizFor.flatMap { name in worksheets.first { $0.name == name } }
      ?? (worksheets.count == 1 ? worksheets[0] : nil)
    return SlideOutline(
      content: build.project.content, deck: deck, worksheet: worksheet,
      metadata: build.settings.metadata,
      date: ReportBuilder.formatted(build.project.date, words: build.project.words),
      words: build.project.words)
  }
}
