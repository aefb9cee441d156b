import CCairo
import Foundation
import Frames

/// The cairo scaled fonts a document's glyph runs are drawn with, by the palette's font index,
/// taken from the process's ``ScaledFontStore`` the first time each is needed.
///
/// Pages may be drawn on several threads at once: every access goes through `lock` (the scaled
/// fonts themselves are thread-safe cairo objects).
final class ScaledFonts: @unchecked Sendable {
  // @unchecked: `fonts` is read and written only under `lock`; cairo scaled fonts are thread-safe.
  private var palette: GlyphPalette
  private let lock = NSLock()
  private var fonts: [Int: OpaquePointer] = [:]
  /// Where the fonts come from: made once a process, not once a file.
  private let store: ScaledFontStore

  init(palette: GlyphPalette, store: ScaledFontStore = .shared) {
    self.palette = palette
    self.store = store
  }

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
    guard palette.fonts.indices.contains(index),
      let made = store.font(for: palette.fonts[index])
    else { return nil }
    fonts[index] = made
    return made
  }
}
