import CPango
import Frames
import Geometry

/// Shapes paragraphs with Pango and marks hyphenation points with libhyphen, remembering none of
/// them: the engine the in-memory and disk caches wrap (``ShapeMemo``, ``DiskCachedShaper``).
///
/// It owns the font map and context, set for 1 pt = 1 unit, with hint metrics and glyph-position
/// rounding off so that widths measured here match every output format; the fonts and colours its
/// lines name (``palette``); the language and the hyphenator. Each paragraph comes back with the
/// characters no installed font could draw. Not thread-safe: use one shaper per thread.
public final class PangoShaper: ParagraphShaper {
  private let fontMap: UnsafeMutablePointer<PangoFontMap>
  let context: OpaquePointer
  /// The hyphenation patterns in use (nil: no hyphenation).
  public private(set) var hyphenator: Hyphenator?
  /// Pango's language, as set (`en` is `en-us`).
  public private(set) var languageTag = "en-us"
  /// Font descriptions by request, reused across paragraphs.
  var fontCache: [FontSpec: OpaquePointer] = [:]
  /// A line's ascent and descent by font (a paragraph's least, see `ParagraphSpec.baseFont`).
  var metricsCache: [FontSpec: (ascent: Double, descent: Double)] = [:]
  /// A hyphen's width by font (what breaking at a soft hyphen adds to a line).
  var hyphenWidths: [FontSpec: Double] = [:]
  /// Names the fonts and colours the shaped lines are drawn with.
  let paletteBuilder = PaletteBuilder()
  /// Copies lines out of layouts (with its scratch space).
  var lineCopier = LineCopier()
  /// Whether optimally broken paragraphs have their lines cut out of their unbroken shaping where
  /// that is safe (``ParagraphCutter``); false: every line is shaped again (for tests).
  var cutsLines = true
  /// The fonts lines may be cut out in (decided once a face).
  let spaceNeutralFonts = SpaceNeutralFonts()
  /// How many lines of optimally broken paragraphs were set, how many of them were cut out whole,
  /// and how many cut out but for a word fragment shaped again.
  var lineCounts = (set: 0, cut: 0, spliced: 0)

  /// The fonts and colours of every line shaped so far.
  public var palette: GlyphPalette { paletteBuilder.palette }

  /// Makes a shaper.
  ///
  /// `hyphenator` defaults to US English when its patterns are installed.
  public init(hyphenator: Hyphenator? = Hyphenator.englishUS()) {
    fontMap = pango_cairo_font_map_new()
    pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
    context = pango_font_map_create_context(fontMap)
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    pango_context_set_round_glyph_positions(context, 0)
    let lang = pango_language_from_string("en-us")
    pango_context_set_language(context, lang)
    self.hyphenator = hyphenator
  }

  deinit {
    for desc in fontCache.values { pango_font_description_free(desc) }
    g_object_unref(UnsafeMutableRawPointer(context))
    g_object_unref(UnsafeMutableRawPointer(fontMap))
  }

  /// Sets the language text is shaped and hyphenated in: Pango's language (`en` is `en-us`) and
  /// the hyphenator (nil: no hyphenation).
  ///
  /// Returns false, changing nothing, when they are the ones already set.
  @discardableResult
  public func setLanguage(_ tag: String, hyphenator: Hyphenator?) -> Bool {
    let lower = String(tag.lowercased().map { $0 == "_" ? "-" : $0 })
    let pangoTag = lower == "en" ? "en-us" : lower
    guard pangoTag != languageTag || hyphenator !== self.hyphenator else { return false }
    pango_context_set_language(context, pango_language_from_string(pangoTag))
    languageTag = pangoTag
    self.hyphenator = hyphenator
    return true
  }

  /// The family fontconfig actually uses for `family`: nil when it is installed, else the
  /// substitute's name (so a style naming a missing font is a warning, not a failure).
  public func substitute(forFamily family: String) -> String? {
    guard let desc = pango_font_description_new() else { return "none" }
    defer { pango_font_description_free(desc) }
    pango_font_description_set_family(desc, family)
    pango_font_description_set_absolute_size(desc, 10 * Double(PANGO_SCALE))
    guard let font = pango_font_map_load_font(fontMap, context, desc) else { return "none" }
    defer { g_object_unref(UnsafeMutableRawPointer(font)) }
    let described = pango_font_describe(font)
    defer { pango_font_description_free(described) }
    guard let name = pango_font_description_get_family(described).map({ String(cString: $0) })
    else { return nil }
    return name.lowercased() == family.lowercased() ? nil : name
  }

  /// Adds to `missing` the characters of `runs` that no font has a glyph for (those not in it
  /// yet, in the order met), each shaped alone in its run's font.
  func findMissingCharacters(_ runs: [TextRun], into missing: inout [Unicode.Scalar]) {
    for run in runs {
      var seen = Set<Unicode.Scalar>()
      for scalar in run.text.unicodeScalars
      where scalar.value > 0x7F && !scalar.properties.isWhitespace
        && scalar != "\u{00AD}" && seen.insert(scalar).inserted
      {
        let probe = makeLayout(
          runs: [TextRun(String(Character(scalar)), font: run.font)],
          spec: ParagraphSpec(runs: [], width: 10_000))
        if pango_layout_get_unknown_glyphs_count(probe.layout) > 0, !missing.contains(scalar) {
          missing.append(scalar)
        }
      }
    }
  }

  // MARK: Shaping

  /// The paragraph's runs with their hyphenation points marked (soft hyphens), when it asks for them.
  private func hyphenatedRuns(_ paragraph: ParagraphSpec) -> [TextRun] {
    guard paragraph.hyphenate, let hyphenator else { return paragraph.runs }
    return paragraph.runs.map {
      var r = $0
      r.text = hyphenator.hyphenate(r.text)
      return r
    }
  }

  public func shapeParagraph(_ paragraph: ParagraphSpec) -> ShapingResult {
    var missing: [Unicode.Scalar] = []
    var overlong: [String] = []
    let shaped = shape(paragraph, missing: &missing, overlong: &overlong)
    return ShapingResult(paragraph: shaped, missing: missing, overlongWords: overlong)
  }

  /// Sets `paragraph`, adding the characters no font has to `missing` and the start of each word
  /// wider than the measure to `overlong`.
  private func shape(
    _ paragraph: ParagraphSpec, missing: inout [Unicode.Scalar], overlong: inout [String]
  ) -> ShapedParagraph {
    var runs = hyphenatedRuns(paragraph)
    // Pango breaks an unbreakable word letter by letter, re-shaping the rest of it for every
    // line (quadratic in its length): give very long words break points of their own.
    let broken = runs.map {
      var r = $0
      r.text = Hyphenator.breakingLongWords(r.text)
      return r
    }
    var hasLongWord = broken != runs
    runs = broken
    if Self.breaksOptimally(paragraph),
      let set = setOptimally(
        paragraph, runs: runs, hasLongWord: hasLongWord, missing: &missing, overlong: &overlong)
    {
      return set
    }
    var layout = makeLayout(runs: runs, spec: paragraph)
    // Unhyphenated text: a word wider than the measure is broken by Pango at any letter (with a
    // hyphen drawn that is not in the text). Give those words, and only those, their dictionary's
    // hyphenation points and break again.
    var breaksInsideWords = false
    if !paragraph.hyphenate, let hyphenator {
      let forced = WordSurgery.breaksInsideWords(layout.layout)
      breaksInsideWords = !forced.isEmpty
      if !forced.isEmpty {
        let marked = WordSurgery.hyphenatingWords(at: forced, in: runs, with: hyphenator)
        if marked != runs {
          runs = marked
          hasLongWord = true
          layout = makeLayout(runs: runs, spec: paragraph)
        }
      }
    }
    var lines = readLines(layout, runs: runs, spec: paragraph)
    // Pango breaks greedily and knows no limit on consecutive hyphens: where a run of hyphenated
    // lines grows too long, take the hyphenation points out of the word that ends it and break
    // again. (Not for a paragraph with an over-long word: its pieces are hyphenated lines by design.)
    var attempts = 0
    while !hasLongWord, paragraph.maxHyphenRun > 0, attempts < 8,
      let tooMany = WordSurgery.firstLineExceedingHyphenRun(lines, limit: paragraph.maxHyphenRun)
    {
      attempts += 1
      runs = WordSurgery.removingSoftHyphens(around: lines[tooMany].endByte, in: runs)
      layout = makeLayout(runs: runs, spec: paragraph)
      lines = readLines(layout, runs: runs, spec: paragraph)
    }
    if pango_layout_get_unknown_glyphs_count(layout.layout) > 0 {
      findMissingCharacters(runs, into: &missing)
    }
    if hasLongWord || breaksInsideWords { overlong = overlongWords(runs, spec: paragraph) }
    return ShapedParagraph(lines: lines.map(\.line))
  }

  /// One unwrapped layout gives both widths: the whole line, and the widest stretch between two
  /// line-break opportunities (trailing spaces not counted).
  public func measureWidths(_ paragraph: ParagraphSpec) -> TextWidths {
    let runs = hyphenatedRuns(paragraph)
    let handle = makeLayout(runs: runs, spec: paragraph)
    pango_layout_set_width(handle.layout, -1)
    var logical = PangoRectangle()
    pango_layout_get_extents(handle.layout, nil, &logical)
    let preferred = Double(logical.width) / Double(PANGO_SCALE)
    let minimum = LayoutCharacters(handle.layout, text: runs.map(\.text).joined())
      .widestUnbreakable
    return TextWidths(minimum: minimum, preferred: preferred)
  }
}
