import CCairo
import CFontTables
import Foundation
import Frames

/// The cairo scaled fonts made in this process, by ``FontFace``: every file a run draws asks for
/// the same faces, and making one (fontconfig parsing the pattern's text, cairo reading its
/// options) cost a certificate about 2 % of its drawing when each file made its own.
///
/// Holds one reference to each font it made, at most `limit` fonts: past that it lets go of all
/// of them and starts again (a file's ``ScaledFonts`` hold references of their own, so fonts in
/// use stay). cairo keeps recently released scaled fonts alive by itself, so this holds little
/// that cairo would not. Every access goes through `lock`: pages are drawn on several threads.
final class ScaledFontStore: @unchecked Sendable {
  // @unchecked: `fonts` is read and written only under `lock`; cairo scaled fonts are thread-safe.
  /// The store the exporters share.
  static let shared = ScaledFontStore(limit: 128)

  private let limit: Int
  private let lock = NSLock()
  private var fonts: [FontFace: OpaquePointer] = [:]

  init(limit: Int) { self.limit = limit }

  deinit { for font in fonts.values { cairo_scaled_font_destroy(font) } }

  /// How many fonts the store holds (for the tests).
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return fonts.count
  }

  /// A new reference to the scaled font for `face` (the caller destroys it), made the first time;
  /// nil when cairo cannot make it.
  func font(for face: FontFace) -> OpaquePointer? {
    lock.lock()
    defer { lock.unlock() }
    if let known = fonts[face] { return cairo_scaled_font_reference(known) }
    guard let made = Self.make(face) else { return nil }
    if fonts.count >= limit {
      for font in fonts.values { cairo_scaled_font_destroy(font) }
      fonts.removeAll(keepingCapacity: true)
    }
    fonts[face] = made
    return cairo_scaled_font_reference(made)
  }

  /// A scaled font from `face`'s description: the same fontconfig pattern, matrices and options
  /// as the text engine's, so glyphs land where layout measured them.
  ///
  /// Its font face is made on a FreeType face the drawing keeps open for the process
  /// (`pmreport_drawing_font_face`), not on one cairo opens and closes: cairo closes a
  /// pattern-based font's face under other threads.
  private static func make(_ face: FontFace) -> OpaquePointer? {
    guard face.fontMatrix.count == 6, face.deviceMatrix.count == 6, face.options.count == 4,
      let pattern = FcNameParse(face.pattern)
    else { return nil }
    defer { FcPatternDestroy(pattern) }
    guard let fontFace = pmreport_drawing_font_face(pattern) else { return nil }
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
