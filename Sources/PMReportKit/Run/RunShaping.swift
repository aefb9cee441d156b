import Charts
import Frames
import ReportModel
import TextShaping

/// A run's text engine (a ``ShapingSession``), and what the run does with it between documents:
/// the language, the font substitutes (each reported once a run), the shapes kept or discarded
/// after each document, the disk cache.
///
/// Made on first use: `check`, `list` and `export-content` need no fonts. A render starts making
/// it while the inputs load (``preparing()``); `pmreport watch` hands every build the same engine
/// (``init(keeping:)``), whose shapes outlive each document.
public final class RunShaping {
  private let prepared: PreparedMeasurer?
  private let kept: (any ShapingSession)?
  private lazy var made: any ShapingSession = kept ?? prepared?.take() ?? PangoMeasurer()
  /// Font families already checked for a substitute (each is reported once a run).
  private var checkedFamilies: Set<String> = []
  /// The charts laid out in earlier builds of a `pmreport watch` session; nil for a run.
  let chartLayouts: ChartLayouts?
  /// The shape cache a `pmreport watch` session keeps from build to build (its index read once);
  /// nil for a run, which makes its own (``RunScheduler/useShapeCache()``).
  let keptShapeCache: ShapeCache?

  /// A session whose engine is made when first used.
  public init() {
    prepared = nil
    kept = nil
    chartLayouts = nil
    keptShapeCache = nil
  }

  /// A session whose engine is made on another thread from now on.
  public static func preparing() -> RunShaping {
    RunShaping(prepared: PreparedMeasurer(warming: Style.classic.fonts.body))
  }

  private init(prepared: PreparedMeasurer) {
    self.prepared = prepared
    kept = nil
    chartLayouts = nil
    keptShapeCache = nil
  }

  /// A session over `measurer`, which the caller keeps from one build to the next: its shapes are
  /// not discarded after each document (the caller bounds them, see
  /// ``ShapingSession/keepShapesUsedSinceLastKeep()``); with `charts`, the charts laid out by
  /// `measurer` in earlier builds (the caller bounds them too,
  /// ``ChartLayouts/keepUsedSinceLastKeep()``); with `shapeCache`, the shape cache the caller
  /// keeps from one build to the next (each run starts it again, ``ShapeCache/startRun()``).
  public init(
    keeping measurer: any ShapingSession, charts: ChartLayouts? = nil,
    shapeCache: ShapeCache? = nil
  ) {
    prepared = nil
    kept = measurer
    chartLayouts = charts
    keptShapeCache = shapeCache
  }

  /// Waits for an engine being made (so a process can exit without it mid-way).
  public func finish() { prepared?.finish() }

  /// What layout measures text with.
  var measurer: any ShapingSession { made }

  /// The glyphs the documents' pages name, for the exporters.
  var palette: GlyphPalette { made.palette }

  /// Sets the document language; false when no hyphenation patterns are installed for `lang`.
  ///
  /// Pango's language and the hyphenation patterns (the prepared engine's patterns are kept when
  /// they are the right ones).
  func setLanguage(_ lang: String) -> Bool {
    let path = Hyphenator.dictionaryPath(forLanguage: lang)
    let current = made.currentHyphenator
    let hyphenator =
      path != nil && current?.dictionaryPath == path
      ? current : path.flatMap { Hyphenator(dictionaryPath: $0) }
    made.setLanguage(lang, hyphenator: hyphenator)
    chartLayouts?.use(language: lang, patterns: path)
    return hyphenator != nil
  }

  /// Gives the engine `cache` (nil: none).
  func useShapeCache(_ cache: ShapeCache?) { made.useShapeCache(cache) }

  /// The families of `style` not installed, each with its substitute, each once a run.
  func substitutes(in style: Style) -> [(family: String, substitute: String)] {
    var out: [(String, String)] = []
    for family in [style.fonts.body, style.fonts.heading] where !checkedFamilies.contains(family) {
      checkedFamilies.insert(family)
      if let substitute = made.substitute(forFamily: family) { out.append((family, substitute)) }
    }
    return out
  }

  /// A document is laid out: the shapes cached for it go (its pages hold its lines), unless the
  /// engine is kept for the next build.
  func documentLaidOut() {
    if kept == nil { made.discardCachedShapes() }
  }

  /// A participant's copy is made (or their name measured): the shapes only earlier ones used go.
  ///
  /// What the participants before the last one asked for is forgotten, and what every copy asks
  /// for again (a certificate's fixed lines) stays, so that a roster's names do not pile up in
  /// memory until the document ends. A kept engine (`pmreport watch`) keeps its build's shapes.
  func dropShapesOfEarlierParticipants() {
    if kept == nil { made.keepShapesUsedSinceLastKeep() }
  }

  /// The characters no installed font had since the last call.
  func takeMissingCharacters() -> [Unicode.Scalar] { made.takeMissingCharacters() }

  /// The words wider than their column met since the last call.
  func takeOverlongWords() -> [String] { made.takeOverlongWords() }
}
