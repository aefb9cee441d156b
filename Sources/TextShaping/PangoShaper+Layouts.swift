import CPango
import Frames
import Geometry

/// Pango layouts made for paragraphs, and their lines copied out as ``ShapedLine``s.
extension PangoShaper {
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

  /// The lines of `handle`'s layout, copied out as glyph runs (`runs` are the texts it was made
  /// of), each with the UTF-8 offset it ends at.
  func readLines(_ handle: LayoutHandle, runs: [TextRun], spec: ParagraphSpec)
    -> [(line: ShapedLine, endByte: Int)]
  {
    let layout = handle.layout
    guard let source = LineSource(layout, runs: runs), let iter = pango_layout_get_iter(layout)
    else { return [] }
    defer { pango_layout_iter_free(iter) }
    var out: [(ShapedLine, Int)] = []
    repeat {
      guard let line = pango_layout_iter_get_line_readonly(iter) else { break }
      var ink = PangoRectangle()
      var logical = PangoRectangle()
      pango_layout_iter_get_line_extents(iter, &ink, &logical)
      let start = Int(line.pointee.start_index)
      let end = min(start + Int(line.pointee.length), source.bytes.count)
      let shaped = readLine(
        line.pointee.runs, from: start, to: end, in: source, spec: spec, logical: logical,
        baseline: pango_layout_iter_get_baseline(iter), x: Self.x(on: line))
      out.append((shaped, end))
    } while pango_layout_iter_next_line(iter) != 0
    return out
  }

  /// Where a byte offset lies on layout line `line` (its leading edge), from the line's start.
  static func x(on line: UnsafeMutablePointer<PangoLayoutLine>) -> (Int) -> Int32 {
    { index in
      var x: Int32 = 0
      pango_layout_line_index_to_x(line, Int32(index), 0, &x)
      return x
    }
  }

  /// The line made of `runs` (bytes `start..<end` of `source`'s text), copied out as glyph runs.
  ///
  /// `logical` is its logical rectangle and `baseline` its baseline, in the same coordinates
  /// (a layout's, or the line's own); `x` gives where a byte offset lies on the line.
  func readLine(
    _ runs: UnsafeMutablePointer<GSList>?, from start: Int, to end: Int, in source: LineSource,
    spec: ParagraphSpec, logical: PangoRectangle, baseline: Int32, x: (Int) -> Int32
  ) -> ShapedLine {
    let nominal = spec.fontSize * spec.leading
    let least = spec.baseFont.map(lineMetrics) ?? (ascent: 0, descent: 0)
    let scale = Double(PANGO_SCALE)
    let baselineInLayout = Double(baseline) / scale
    let lineAscent = baselineInLayout - Double(logical.y) / scale
    let ascent = max(least.ascent, lineAscent)
    let descent = max(least.descent, Double(logical.height) / scale - lineAscent)
    let height = max(nominal, ascent + descent)
    let bytes = source.bytes
    // Ends at a soft hyphen (U+00AD, C2 AD in UTF-8): breaks there, with a hyphen drawn.
    let hyphenated =
      end >= start + 2 && end < bytes.count && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xAD
    var shaped = ShapedLine(
      width: Double(logical.width) / scale, height: height,
      baseline: (height - (ascent + descent)) / 2 + ascent,
      hyphenated: hyphenated,
      offset: Double(logical.x) / scale,
      glyphs: lineCopier.copy(
        runs, lineEnd: end, layoutText: source.text, palette: paletteBuilder,
        colorAt: source.color))
    shaped.links = Self.links(
      from: start, to: end, runs: source.runs, runEnds: source.runEnds, x: x)
    return shaped
  }
}

/// The text a line's runs index into, and the runs it was made of (their colours and links).
struct LineSource {
  let text: UnsafePointer<CChar>
  let bytes: UnsafeBufferPointer<UInt8>
  let runs: [TextRun]
  /// Where each run ends (``PangoShaper/runEnds(_:)``).
  let runEnds: [Int]

  /// The text of `layout`, made of `runs`.
  init?(_ layout: OpaquePointer, runs: [TextRun]) {
    guard let text = pango_layout_get_text(layout) else { return nil }
    self.text = text
    bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    self.runs = runs
    runEnds = PangoShaper.runEnds(runs)
  }

  /// The colour of the run holding byte offset `byte`.
  func color(at byte: Int) -> Color {
    let i = runEnds.firstIndex(where: { byte < $0 }) ?? (runs.count - 1)
    return i >= 0 ? runs[i].color : .black
  }
}

// MARK: - Links

extension PangoShaper {
  /// Where the linked runs among `runs` land on the line covering bytes `start..<end`; `x` gives
  /// where a byte offset lies on the line.
  static func links(
    from start: Int, to end: Int, runs: [TextRun], runEnds: [Int], x: (Int) -> Int32
  ) -> [LineLink] {
    guard runs.contains(where: { $0.link != nil }) else { return [] }
    var out: [LineLink] = []
    for (i, run) in runs.enumerated() {
      guard let target = run.link else { continue }
      let runStart = i == 0 ? 0 : runEnds[i - 1]
      let lo = max(runStart, start)
      let hi = min(runEnds[i], end)
      guard lo < hi else { continue }
      let x0 = x(lo)
      let x1 = x(hi)
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
