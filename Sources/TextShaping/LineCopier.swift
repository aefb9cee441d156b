import CPango
import Frames
import Geometry

/// Copies the lines Pango has broken into ``GlyphRuns`` (plain data), so the `PangoLayout` can be
/// freed at once.
///
/// The soft hyphens a line does not break at are left out of the text (and their blank glyphs out of
/// the glyphs): a PDF's text then reads "differences", never "dif\u{AD}ferences", without shaping the
/// paragraph a second time.
struct LineCopier {
  /// Scratch space, reused from line to line.
  private var builder = GlyphRuns.Builder()
  private var skipped: [Bool] = []

  /// Copies the line made of `runs` (glyph items in visual order: a `PangoLayoutLine`'s, or a
  /// ``CutLine``'s), ending at UTF-8 offset `lineEnd` of `layoutText`, the text their items index.
  ///
  /// `colorAt` gives the colour of the text at a byte offset of `layoutText`.
  mutating func copy(
    _ runs: UnsafeMutablePointer<GSList>?, lineEnd: Int, layoutText: UnsafePointer<CChar>,
    palette: PaletteBuilder, colorAt: (Int) -> Color
  ) -> GlyphRuns {
    builder.reset()
    var runX = 0
    for glyphItem in GlyphItems(runs) {
      guard let item = glyphItem.pointee.item, let glyphString = glyphItem.pointee.glyphs else {
        continue
      }
      let font = palette.index(of: item.pointee.analysis.font)
      let backward = item.pointee.analysis.level & 1 != 0
      addRun(
        glyphItem, glyphs: glyphString, layoutText: layoutText, lineEnd: lineEnd, x: runX,
        font: font,
        color: palette.index(of: colorAt(Int(item.pointee.offset))), backward: backward)
      runX += Int(pango_glyph_string_get_width(glyphString))
    }
    return builder.finish()
  }

  private mutating func addRun(
    _ glyphItem: UnsafeMutablePointer<PangoGlyphItem>,
    glyphs: UnsafeMutablePointer<PangoGlyphString>, layoutText: UnsafePointer<CChar>,
    lineEnd: Int, x: Int, font: UInt32, color: UInt32, backward: Bool
  ) {
    let count = Int(glyphs.pointee.num_glyphs)
    guard count > 0, let infos = glyphs.pointee.glyphs else { return }
    let source = UnsafeRawPointer(layoutText).assumingMemoryBound(to: UInt8.self)
    // Clusters in logical order. A soft hyphen the line does not break at is shaped as a
    // blank glyph of no width: it is left out of both the glyphs and the text. (It can also
    // share a cluster with letters — "f\u{AD}f" shapes as one "ff" ligature — and then only its
    // bytes go.) The one the line breaks at, drawn as a hyphen, stays.
    skipped.removeAll(keepingCapacity: true)
    skipped.append(contentsOf: repeatElement(false, count: count))
    // The text is added a stretch at a time: clusters follow each other in the text but where
    // a soft hyphen is left out.
    var stretch = 0..<0
    var iter = PangoGlyphItemIter()
    var more = pango_glyph_item_iter_init_start(&iter, glyphItem, layoutText) != 0
    while more {
      let lo = max(0, min(Int(iter.start_glyph), Int(iter.end_glyph) + 1))
      let hi = min(count, max(Int(iter.start_glyph) + 1, Int(iter.end_glyph)))
      let start = Int(iter.start_index)
      let end = Int(iter.end_index)
      var softHyphenBytes = 0
      var k = start
      while k + 1 < end {
        if source[k] == 0xC2, source[k + 1] == 0xAD, k + 2 != lineEnd {
          softHyphenBytes += 2
          k += 2
        } else {
          k += 1
        }
      }
      var visible = 0
      var blank = true
      for i in lo..<max(lo, hi) {
        if infos[i].geometry.width != 0 { blank = false }
        if Self.isDrawn(infos[i].glyph) { visible += 1 }
      }
      let length = end - start
      if softHyphenBytes == length, blank {
        for i in lo..<max(lo, hi) { skipped[i] = true }
      } else {
        var kept = length
        if softHyphenBytes == 0 || softHyphenBytes == length {
          if stretch.upperBound != start {
            appendText(source, stretch)
            stretch = start..<start
          }
          stretch = stretch.lowerBound..<end
        } else {
          appendText(source, stretch)
          stretch = end..<end
          kept -= softHyphenBytes
          var k = start
          while k < end {
            if k + 1 < end, source[k] == 0xC2, source[k + 1] == 0xAD, k + 2 != lineEnd {
              k += 2
              continue
            }
            builder.appendText(source[k])
            k += 1
          }
        }
        builder.appendCluster(bytes: kept, glyphs: visible)
      }
      more = pango_glyph_item_iter_next_cluster(&iter) != 0
    }
    appendText(source, stretch)
    // Glyphs in visual order, at their justified positions.
    // Positions add up in 64 bits and are stored clamped: absurd sizes must not trap.
    var position = x
    for i in 0..<count {
      let info = infos[i]
      defer { position += Int(info.geometry.width) }
      if skipped[i] || info.glyph == GlyphCode.empty || info.glyph == GlyphCode.invalid { continue }
      if info.glyph & GlyphCode.unknownFlag != 0 {
        if info.glyph != GlyphCode.unknownFlag | 0x20 {
          builder.appendMissingGlyph(
            x: Int32(clamping: position), width: info.geometry.width,
            size: Self.fontSize(glyphItem))
        }
        continue
      }
      builder.appendGlyph(
        info.glyph, x: Int32(clamping: position + Int(info.geometry.x_offset)),
        y: info.geometry.y_offset)
    }
    builder.endRun(font: font, color: color, backward: backward)
  }

  /// Adds bytes `range` of `source` to the line's text.
  private mutating func appendText(_ source: UnsafePointer<UInt8>, _ range: Range<Int>) {
    guard !range.isEmpty else { return }
    builder.appendText(UnsafeBufferPointer(start: source + range.lowerBound, count: range.count))
  }

  /// The size in points of the font a run is set in.
  static func fontSize(_ glyphItem: UnsafeMutablePointer<PangoGlyphItem>) -> Double {
    guard let desc = pango_font_describe(glyphItem.pointee.item.pointee.analysis.font) else {
      return 10
    }
    defer { pango_font_description_free(desc) }
    return Double(Float(pango_font_description_get_size(desc)) / Float(PANGO_SCALE))
  }

  /// Whether a glyph code is a real glyph (not Pango's empty, invalid or missing-glyph codes).
  static func isDrawn(_ glyph: UInt32) -> Bool {
    glyph != GlyphCode.empty && glyph != GlyphCode.invalid && glyph & GlyphCode.unknownFlag == 0
  }
}

/// Pango's special glyph codes (C macros Swift does not import).
enum GlyphCode {
  static let empty: UInt32 = 0x0FFF_FFFF
  static let invalid: UInt32 = 0xFFFF_FFFF
  static let unknownFlag: UInt32 = 0x1000_0000
}

/// Names the fonts and colours a measurer's lines use by small indices, and describes each font as
/// a ``FontFace`` a renderer can make again.
final class PaletteBuilder {
  private var fontIndices: [UnsafeMutablePointer<PangoFont>: UInt32] = [:]
  private var faceIndices: [FontFace: UInt32] = [:]
  private var colorIndices: [Color: UInt32] = [:]
  /// Everything named so far.
  private(set) var palette = GlyphPalette()

  deinit { for font in fontIndices.keys { g_object_unref(UnsafeMutableRawPointer(font)) } }

  /// The index of `font`'s face, added the first time it is seen.
  func index(of font: UnsafeMutablePointer<PangoFont>?) -> UInt32 {
    guard let font else { return 0 }
    if let known = fontIndices[font] { return known }
    let index = index(of: Self.describe(font))
    // Held, so that the pointer cannot be reused for another font while it is a key here.
    g_object_ref(UnsafeMutableRawPointer(font))
    fontIndices[font] = index
    return index
  }

  /// The index of `face`, added the first time it is seen.
  func index(of face: FontFace) -> UInt32 {
    if let known = faceIndices[face] { return known }
    let index = UInt32(palette.fonts.count)
    palette.fonts.append(face)
    faceIndices[face] = index
    return index
  }

  /// The index of `color`, added the first time it is seen.
  func index(of color: Color) -> UInt32 {
    if let known = colorIndices[color] { return known }
    let index = UInt32(palette.colors.count)
    palette.colors.append(color)
    colorIndices[color] = index
    return index
  }

  /// `font` as plain data: its fontconfig pattern (without the coverage and language sets, which
  /// only choosing a font needs, and the program's name, so that a copy of the binary under another
  /// name writes the same shape cache entries) and the matrices and options of the cairo scaled font Pango made.
  static func describe(_ font: UnsafeMutablePointer<PangoFont>) -> FontFace {
    var pattern = ""
    let fcFont = UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)
    if let source = pango_fc_font_get_pattern(fcFont), let copy = FcPatternDuplicate(source) {
      FcPatternDel(copy, FC_CHARSET)
      FcPatternDel(copy, FC_LANG)
      FcPatternDel(copy, FC_PRGNAME)
      if let text = FcNameUnparse(copy) {
        pattern = String(cString: UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
        free(text)
      }
      FcPatternDestroy(copy)
    }
    var fontMatrix = cairo_matrix_t()
    var deviceMatrix = cairo_matrix_t()
    var options: [Int32] = [0, 0, 0, 0]
    if let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) {
      cairo_scaled_font_get_font_matrix(scaled, &fontMatrix)
      cairo_scaled_font_get_ctm(scaled, &deviceMatrix)
      let fontOptions = cairo_font_options_create()
      cairo_scaled_font_get_font_options(scaled, fontOptions)
      options = [
        Int32(cairo_font_options_get_antialias(fontOptions).rawValue),
        Int32(cairo_font_options_get_subpixel_order(fontOptions).rawValue),
        Int32(cairo_font_options_get_hint_style(fontOptions).rawValue),
        Int32(cairo_font_options_get_hint_metrics(fontOptions).rawValue),
      ]
      cairo_font_options_destroy(fontOptions)
    }
    func values(_ m: cairo_matrix_t) -> [Double] { [m.xx, m.yx, m.xy, m.yy, m.x0, m.y0] }
    return FontFace(
      pattern: pattern, fontMatrix: values(fontMatrix), deviceMatrix: values(deviceMatrix),
      options: options)
  }
}

#if canImport(Glibc)
import Glibc
#endif
