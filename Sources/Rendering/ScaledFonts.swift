import CCairo
import Foundation
import Frames

/// The cairo scaled fonts a document's glyph runs are drawn with, made from the palette's
/// ``FontFace`` descriptions the first time each is needed: the same fontconfig pattern, matrices
/// and options as the text engine's, so glyphs land where layout measured them.
///
/// Pages may be drawn on several threads at once: every access goes through `lock` (the scaled
/// fonts themselves are thread-safe cairo objects).
final class ScaledFonts: @unchecked Sendable {
  // @unchecked: `fonts` is read and written only under `lock`; cairo scaled fonts are thread-safe.
  private var palette: GlyphPalette
  private let lock = NSLock()
  private var fonts: [Int: OpaquePointer] = [:]

  init(palette: GlyphPalette) { self.palette = palette }

  deinit { for font in fonts.values { cairo_scaled_font_destroy(font) } }

  /// Takes `palette`, this one's palette grown since (a text engine's indices only grow): the
  /// fonts already made stay, for a file drawn while more text is shaped.
  func grow(to palette: GlyphPalette) {
    lock.lock()
    defer { lock.unlock() }
    self.palette = palette
  }

  /// The scaled font for the palette's font `index`; nil when the palette has no such font or
  /// cairo cannot make it.
  func font(_ index: Int) -> OpaquePointer? {
    lock.lock()
    defer { lock.unlock() }
    if let known = fonts[index] { return known }
    guard palette.fonts.indices.contains(index), let made = Self.make(palette.fonts[index]) else {
      return nil
    }
    fonts[index] = made
    return made
  }

  private static func make(_ face: FontFace) -> OpaquePointer? {
    guard face.fontMatrix.count == 6, face.deviceMatrix.count == 6, face.options.count == 4,
      let pattern = FcNameParse(face.pattern)
    else { return nil }
    defer { FcPatternDestroy(pattern) }
    guard let fontFace = cairo_ft_font_face_create_for_pattern(pattern) else { return nil }
    defer { cairo_font_face_destroy(fontFace) }
    var fontMatrix = matrix(face.fontMatrix)
    var deviceMatrix = matrix(face.deviceMatrix)
    let options = cairo_font_options_create()
    defer { cairo_font_options_destroy(options) }
    cairo_font_options_set_antialias(options, cairo_antialias_t(UInt32(face.options[0])))
    cairo_font_options_set_subpixel_order(options, cairo_subpixel_order_t(UInt32(face.options[1])))
    cairo_font_options_set_hint_style(options, cairo_hint_style_t(UInt32(face.options[2])))
    cairo_font_options_set_hint_metrics(options, cairo_hint_metrics_t(UInt32(face.options[3])))
    guard let scaled = cairo_scaled_font_create(fontFace, &fontMatrix, &deviceMatrix, options)
    else { return nil }
    guard cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else {
      cairo_scaled_font_destroy(scaled)
      return nil
    }
    return scaled
  }

  private static func matrix(_ v: [Double]) -> cairo_matrix_t {
    cairo_matrix_t(xx: v[0], yx: v[1], xy: v[2], yy: v[3], x0: v[4], y0: v[5])
  }
}
