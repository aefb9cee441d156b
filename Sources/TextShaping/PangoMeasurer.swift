import CPango
import Frames
import Geometry

/// The real ``TextMeasurer``: Pango shapes, breaks and justifies; libhyphen marks hyphenation points.
///
/// One font map and context per measurer, set for 1 pt = 1 unit, with hint metrics and glyph-position
/// rounding off so that widths measured here match every output format. Not thread-safe: Pango
/// objects must stay on the thread that made them, so use one measurer per thread.
public final class PangoMeasurer: TextMeasurer {
  private let fontMap: UnsafeMutablePointer<PangoFontMap>
  private let context: OpaquePointer
  var hyphenator: Hyphenator?
  /// Font descriptions by request, reused across paragraphs.
  private var fontCache: [FontSpec: OpaquePointer] = [:]
  /// Paragraphs already shaped: layout passes (the contents' second pass, a table shrinking to fit)
  /// ask for the same paragraph at the same width again.
  ///
  /// Dropped after each document (`discardCachedShapes`), so that its lines can be freed as its
  /// pages are written; or, between the builds of `pmreport watch`, kept for the next build
  /// (`keepShapesUsedSinceLastKeep`).
  private var shapeCache: [ParagraphSpec: ShapedParagraph] = [:]
  /// Widths already measured (tables are measured again on every contents pass).
  private var widthsCache: [ParagraphSpec: TextWidths] = [:]
  /// The shapes and widths of the previous build not yet asked for in this one
  /// (`keepShapesUsedSinceLastKeep`): one asked for again moves back into the caches above.
  private var previousShapes: [ParagraphSpec: ShapedParagraph] = [:]
  private var previousWidths: [ParagraphSpec: TextWidths] = [:]
  /// A line's ascent and descent by font (a paragraph's least, see `ParagraphSpec.baseFont`).
  private var metricsCache: [FontSpec: (ascent: Double, descent: Double)] = [:]
  /// A hyphen's width by font (what breaking at a soft hyphen adds to a line).
  var hyphenWidths: [FontSpec: Double] = [:]
  /// Shaped paragraphs and widths kept on disk from run to run (nil: none; see ``useShapeCache(_:)``).
  var diskCache: ShapeCache?
  /// The keys of `diskCache`'s entries in the current language (made on first use).
  var diskKeys: ShapeCacheKeys?
  /// Pango's language, as set.
  var languageTag = "en-us"
  /// fontconfig's configuration as bytes for the cache keys (read once).
  lazy var fontconfigIdentity = ShapeCacheKeys.fontconfigIdentity()
  /// Names the fonts and colours the shaped lines are drawn with.
  let paletteBuilder = PaletteBuilder()
  /// Copies lines out of layouts (with its scratch space).
  var lineCopier = LineCopier()

  /// The fonts and colours of every line shaped so far.
  public var palette: GlyphPalette { paletteBuilder.palette }

  /// Makes a measurer.
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

  /// Sets the language text is shaped and hyphenated in.
  ///
  /// Pango's language (`en` is `en-us`) and the hyphenator (nil: no hyphenation). Forgets the
  /// shapes cached so far, unless the language and the hyphenator are the ones already set.
  public func setLanguage(_ tag: String, hyphenator: Hyphenator?) {
    let lower = String(tag.lowercased().map { $0 == "_" ? "-" : $0 })
    let pangoTag = lower == "en" ? "en-us" : lower
    guard pangoTag != languageTag || hyphenator !== self.hyphenator else { return }
    pango_context_set_language(context, pango_language_from_string(pangoTag))
    languageTag = pangoTag
    self.hyphenator = hyphenator
    diskKeys = nil
    discardCachedShapes()
  }

  /// The hyphenator in use (nil: none).
  public var currentHyphenator: Hyphenator? { hyphenator }

  deinit {
    for desc in fontCache.values { pango_font_description_free(desc) }
    g_object_unref(UnsafeMutableRawPointer(context))
    g_object_unref(UnsafeMutableRawPointer(fontMap))
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

  /// Forgets the paragraphs and widths shaped so far (the lines already handed out stay valid), and
  /// lets the disk cache write what is pending and let go of its index until the next lookup.
  public func discardCachedShapes() {
    shapeCache = [:]
    widthsCache = [:]
    previousShapes = [:]
    previousWidths = [:]
    diskCache?.release()
  }

  /// Keeps the paragraphs and widths asked for since the last call, for the next build, and
  /// forgets the others: the cache holds one build's shapes at most (`pmreport watch`, where a
  /// one-paragraph edit re-shapes only that paragraph).
  public func keepShapesUsedSinceLastKeep() {
    previousShapes = shapeCache
    previousWidths = widthsCache
    shapeCache = [:]
    widthsCache = [:]
  }

  /// Characters that no installed font could draw (they print as boxes), in the order first met.
  public internal(set) var missingCharacters: [Unicode.Scalar] = []

  /// Returns the missing characters found since the last call, and forgets them.
  public func takeMissingCharacters() -> [Unicode.Scalar] {
    defer { missingCharacters = [] }
    return missingCharacters
  }

  /// Adds those of `scalars` not noted yet to ``missingCharacters``.
  func noteMissing(_ scalars: [Unicode.Scalar]) {
    for scalar in scalars where !missingCharacters.contains(scalar) {
      missingCharacters.append(scalar)
    }
  }

  /// Finds which characters of `runs` have no glyph in any font, each shaped alone in its run's font.
  func noteMissingCharacters(_ runs: [TextRun]) {
    for run in runs {
      var seen = Set<Unicode.Scalar>()
      for scalar in run.text.unicodeScalars
      where scalar.value > 0x7F && !scalar.properties.isWhitespace
        && scalar != "\u{00AD}" && seen.insert(scalar).inserted
      {
        let probe = makeLayout(
          runs: [TextRun(String(Character(scalar)), font: run.font)],
          spec: ParagraphSpec(runs: [], width: 10_000))
        if pango_layout_get_unknown_glyphs_count(probe.layout) > 0 { noteMissing([scalar]) }
      }
    }
  }

  // MARK: Shaping

  public func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph {
    if let hit = shapeCache[paragraph] { return hit }
    let shaped =
      previousShapes.removeValue(forKey: paragraph) ?? shapeThroughDiskCache(paragraph)
    shapeCache[paragraph] = shaped
    return shaped
  }

  /// The paragraph's runs with their hyphenation points marked (soft hyphens), when it asks for them.
  private func hyphenatedRuns(_ paragraph: ParagraphSpec) -> [TextRun] {
    guard paragraph.hyphenate, let hyphenator else { return paragraph.runs }
    return paragraph.runs.map {
      var r = $0
      r.text = hyphenator.hyphenate(r.text)
      return r
    }
  }

  func shapeUncached(_ paragraph: ParagraphSpec) -> ShapedParagraph {
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
      let set = setOptimally(paragraph, runs: runs, hasLongWord: hasLongWord)
    {
      return set
    }
    var layout = makeLayout(runs: runs, spec: paragraph)
    // Unhyphenated text: a word wider than the measure is broken by Pango at any letter (with a
    // hyphen drawn that is not in the text). Give those words, and only those, their dictionary's
    // hyphenation points and break again.
    if !paragraph.hyphenate, let hyphenator {
      let forced = Self.breaksInsideWords(layout.layout)
      if !forced.isEmpty {
        let marked = Self.hyphenatingWords(at: forced, in: runs, with: hyphenator)
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
      let tooMany = Self.firstLineExceedingHyphenRun(lines, limit: paragraph.maxHyphenRun)
    {
      attempts += 1
      runs = Self.removingSoftHyphens(around: lines[tooMany].endByte, in: runs)
      layout = makeLayout(runs: runs, spec: paragraph)
      lines = readLines(layout, runs: runs, spec: paragraph)
    }
    if pango_layout_get_unknown_glyphs_count(layout.layout) > 0 { noteMissingCharacters(runs) }
    return ShapedParagraph(lines: lines.map(\.line))
  }

  /// One unwrapped layout gives both widths: the whole line, and the widest stretch between two
  /// line-break opportunities (trailing spaces not counted).
  public func widths(_ paragraph: ParagraphSpec) -> TextWidths {
    if let hit = widthsCache[paragraph] { return hit }
    let measured =
      previousWidths.removeValue(forKey: paragraph) ?? widthsThroughDiskCache(paragraph)
    widthsCache[paragraph] = measured
    return measured
  }

  func widthsUncached(_ paragraph: ParagraphSpec) -> TextWidths {
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

  /// The index of the first hyphenated line that makes a run longer than `limit`.
  static func firstLineExceedingHyphenRun(_ lines: [(line: ShapedLine, endByte: Int)], limit: Int)
    -> Int?
  {
    var run = 0
    for (i, l) in lines.enumerated() {
      run = l.line.hyphenated ? run + 1 : 0
      if run > limit { return i }
    }
    return nil
  }

  /// The UTF-8 offsets in the layout's text where a line ends at no line-break opportunity: where
  /// Pango broke a word too wide for the measure at a letter of its choosing.
  static func breaksInsideWords(_ layout: OpaquePointer) -> [Int] {
    var count: Int32 = 0
    guard pango_layout_get_line_count(layout) > 1,
      let attrs = pango_layout_get_log_attrs_readonly(layout, &count),
      let textPointer = pango_layout_get_text(layout)
    else { return [] }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(textPointer).assumingMemoryBound(to: UInt8.self),
      count: strlen(textPointer))
    var out: [Int] = []
    var charIndex = 0
    var scanned = 0
    let lines = pango_layout_get_line_count(layout)
    for l in 0..<(lines - 1) {
      guard let line = pango_layout_get_line_readonly(layout, l) else { continue }
      let end = min(Int(line.pointee.start_index + line.pointee.length), bytes.count)
      // Characters up to `end` (lead bytes only).
      while scanned < end {
        if bytes[scanned] & 0xC0 != 0x80 { charIndex += 1 }
        scanned += 1
      }
      if end < bytes.count, charIndex < Int(count), attrs[charIndex].is_line_break == 0 {
        out.append(end)
      }
    }
    return out
  }

  /// `runs` with the words that hold the UTF-8 offsets `bytes` of their text hyphenated (their
  /// soft hyphens so far replaced by the dictionary's, then very long pieces broken as usual).
  static func hyphenatingWords(at bytes: [Int], in runs: [TextRun], with hyphenator: Hyphenator)
    -> [TextRun]
  {
    var offset = 0
    return runs.map { run in
      var r = run
      var utf8 = Array(run.text.utf8)
      defer { offset += run.text.utf8.count }
      // From the last offset back, so that earlier offsets stay valid while words grow.
      for byte in bytes.reversed() where byte >= offset && byte <= offset + utf8.count {
        let local = byte - offset
        var lo = local
        var hi = local
        while lo > 0, utf8[lo - 1] != 0x20 { lo -= 1 }
        while hi < utf8.count, utf8[hi] != 0x20 { hi += 1 }
        guard lo < hi else { continue }
        let word = String(decoding: utf8[lo..<hi], as: UTF8.self).withoutSoftHyphens
        let marked = Hyphenator.breakingLongWords(hyphenator.hyphenate(word))
        utf8.replaceSubrange(lo..<hi, with: Array(marked.utf8))
      }
      r.text = String(decoding: utf8, as: UTF8.self)
      return r
    }
  }

  /// `runs` without the soft hyphens of the word that holds the UTF-8 offset `byte` of their text.
  static func removingSoftHyphens(around byte: Int, in runs: [TextRun]) -> [TextRun] {
    var offset = 0
    return runs.map { run in
      var r = run
      let utf8 = Array(run.text.utf8)
      defer { offset += utf8.count }
      guard byte >= offset, byte <= offset + utf8.count else { return r }
      let local = byte - offset
      var lo = min(local, utf8.count)
      var hi = min(local, utf8.count)
      while lo > 0, utf8[lo - 1] != 0x20 { lo -= 1 }
      while hi < utf8.count, utf8[hi] != 0x20 { hi += 1 }
      let word = String(decoding: utf8[lo..<hi], as: UTF8.self).withoutSoftHyphens
      r.text =
        String(decoding: utf8[..<lo], as: UTF8.self) + word
        + String(decoding: utf8[hi...], as: UTF8.self)
      return r
    }
  }

  func makeLayout(runs: [TextRun], spec: ParagraphSpec) -> LayoutHandle {
    // Pango allocates with g_slice, which aborts rather than return NULL.
    guard let layout = pango_layout_new(context) else {
      preconditionFailure("pango_layout_new failed")
    }
    let text = runs.map(\.text).joined()
    pango_layout_set_text(layout, text, -1)
    let attrs = pango_attr_list_new()
    var start = 0
    for run in runs {
      let end = start + run.text.utf8.count
      add(pango_attr_font_desc_new(font(run.font)), to: attrs, start, end)
      let c = run.color
      add(
        pango_attr_foreground_new(
          UInt16(c.red * 65535), UInt16(c.green * 65535), UInt16(c.blue * 65535)),
        to: attrs, start, end)
      if c.alpha < 1 {
        add(pango_attr_foreground_alpha_new(UInt16(c.alpha * 65535)), to: attrs, start, end)
      }
      if !run.font.features.isEmpty {
        add(
          pango_attr_font_features_new(run.font.features.joined(separator: ",")), to: attrs, start,
          end)
      }
      start = end
    }
    pango_layout_set_attributes(layout, attrs)
    pango_attr_list_unref(attrs)
    pango_layout_set_width(layout, Int32(max(1, spec.width) * Double(PANGO_SCALE)))
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    switch spec.alignment {
    case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
    case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
    case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
    case .justify:
      pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
      pango_layout_set_justify(layout, 1)
    }
    return LayoutHandle(layout)
  }

  private func add(
    _ attr: UnsafeMutablePointer<PangoAttribute>?, to list: OpaquePointer?, _ start: Int, _ end: Int
  ) {
    guard let attr else { return }
    attr.pointee.start_index = UInt32(start)
    attr.pointee.end_index = UInt32(end)
    pango_attr_list_insert(list, attr)
  }

  func font(_ spec: FontSpec) -> OpaquePointer? {
    if let hit = fontCache[spec] { return hit }
    guard let desc = pango_font_description_new() else { return nil }
    pango_font_description_set_family(desc, spec.family)
    pango_font_description_set_absolute_size(desc, spec.size * Double(PANGO_SCALE))
    pango_font_description_set_weight(desc, spec.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    pango_font_description_set_style(desc, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    fontCache[spec] = desc
    return desc
  }

  /// The ascent and descent of a line set in `font` (measured as `readLines` measures lines).
  private func lineMetrics(_ font: FontSpec) -> (ascent: Double, descent: Double) {
    if let hit = metricsCache[font] { return hit }
    let probe = makeLayout(
      runs: [TextRun("x", font: font)], spec: ParagraphSpec(runs: [], width: 100_000))
    var metrics = (ascent: 0.0, descent: 0.0)
    if let iter = pango_layout_get_iter(probe.layout) {
      defer { pango_layout_iter_free(iter) }
      var logical = PangoRectangle()
      pango_layout_iter_get_line_extents(iter, nil, &logical)
      let scale = Double(PANGO_SCALE)
      let ascent = Double(pango_layout_iter_get_baseline(iter)) / scale - Double(logical.y) / scale
      metrics = (ascent, Double(logical.height) / scale - ascent)
    }
    metricsCache[font] = metrics
    return metrics
  }

  /// The lines of `handle`'s layout (the first `limit`), copied out as glyph runs (`runs` are the
  /// texts it was made of).
  func readLines(
    _ handle: LayoutHandle, runs: [TextRun], spec: ParagraphSpec, limit: Int = .max
  ) -> [(line: ShapedLine, endByte: Int)] {
    let layout = handle.layout
    guard let textPointer = pango_layout_get_text(layout) else { return [] }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(textPointer).assumingMemoryBound(to: UInt8.self),
      count: strlen(textPointer))
    let nominal = spec.fontSize * spec.leading
    let least = spec.baseFont.map(lineMetrics) ?? (ascent: 0, descent: 0)
    var out: [(ShapedLine, Int)] = []
    guard let iter = pango_layout_get_iter(layout) else { return [] }
    defer { pango_layout_iter_free(iter) }
    var runEnds: [Int] = []
    var offset = 0
    for run in runs {
      offset += run.text.utf8.count
      runEnds.append(offset)
    }
    let colorAt = { (byte: Int) -> Color in
      let i = runEnds.firstIndex(where: { byte < $0 }) ?? (runs.count - 1)
      return i >= 0 ? runs[i].color : .black
    }
    repeat {
      guard let line = pango_layout_iter_get_line_readonly(iter) else { break }
      var ink = PangoRectangle()
      var logical = PangoRectangle()
      pango_layout_iter_get_line_extents(iter, &ink, &logical)
      let scale = Double(PANGO_SCALE)
      let baselineInLayout = Double(pango_layout_iter_get_baseline(iter)) / scale
      let lineAscent = baselineInLayout - Double(logical.y) / scale
      let ascent = max(least.ascent, lineAscent)
      let descent = max(least.descent, Double(logical.height) / scale - lineAscent)
      let height = max(nominal, ascent + descent)
      let start = Int(line.pointee.start_index)
      let length = Int(line.pointee.length)
      let end = min(start + length, bytes.count)
      // Ends at a soft hyphen (U+00AD, C2 AD in UTF-8): breaks there, with a hyphen drawn.
      let hyphenated =
        end >= start + 2 && end < bytes.count && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xAD
      var shaped = ShapedLine(
        width: Double(logical.width) / scale, height: height,
        baseline: (height - (ascent + descent)) / 2 + ascent,
        hyphenated: hyphenated,
        offset: Double(logical.x) / scale,
        glyphs: lineCopier.copy(
          line, layoutText: textPointer, palette: paletteBuilder, colorAt: colorAt))
      shaped.links = Self.links(of: line, from: start, to: end, runs: runs, runEnds: runEnds)
      out.append((shaped, end))
    } while out.count < limit && pango_layout_iter_next_line(iter) != 0
    return out
  }
}

// MARK: - Links

extension PangoMeasurer {
  /// Where the linked runs among `runs` land on the layout line covering bytes `start..<end`.
  static func links(
    of line: UnsafeMutablePointer<PangoLayoutLine>, from start: Int, to end: Int, runs: [TextRun],
    runEnds: [Int]
  ) -> [LineLink] {
    guard runs.contains(where: { $0.link != nil }) else { return [] }
    var out: [LineLink] = []
    for (i, run) in runs.enumerated() {
      guard let target = run.link else { continue }
      let runStart = i == 0 ? 0 : runEnds[i - 1]
      let lo = max(runStart, start)
      let hi = min(runEnds[i], end)
      guard lo < hi else { continue }
      var x0: Int32 = 0
      var x1: Int32 = 0
      pango_layout_line_index_to_x(line, Int32(lo), 0, &x0)
      pango_layout_line_index_to_x(line, Int32(hi), 0, &x1)
      let scale = Double(PANGO_SCALE)
      let left = Double(min(x0, x1)) / scale
      let width = Double(abs(x1 - x0)) / scale
      if width > 0 { out.append(LineLink(x: left, width: width, target: target)) }
    }
    return out
  }
}

// MARK: - Handles

/// Owns one `PangoLayout` (a reference released on deinit).
final class LayoutHandle {
  let layout: OpaquePointer
  init(_ layout: OpaquePointer) { self.layout = layout }
  deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
}

extension String {
  /// The string with every soft hyphen (U+00AD) removed.
  var withoutSoftHyphens: String {
    guard utf8.contains(0xAD) else { return self }
    var out = String.UnicodeScalarView()
    for scalar in unicodeScalars where scalar != "\u{00AD}" { out.append(scalar) }
    return String(out)
  }

}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
