import CCairo
import Frames
import Testing

@testable import Rendering

/// The process's scaled fonts: made once for every file that draws with the same face, and a
/// file's fonts kept alive when the store lets go of its own.
@Suite struct ScaledFontStoreTests {
  static func face(size: Double) -> FontFace {
    FontFace(
      pattern: "Noto Sans:file=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
      fontMatrix: [size, 0, 0, size, 0, 0], deviceMatrix: [1, 0, 0, 1, 0, 0],
      options: [0, 0, 0, 0])
  }

  @Test func filesDrawingTheSameFaceShareOneFontMadeOnce() throws {
    let store = ScaledFontStore(limit: 8)
    let palette = GlyphPalette(fonts: [Self.face(size: 12)])
    let first = ScaledFonts(palette: palette, store: store)
    let second = ScaledFonts(palette: palette, store: store)
    let font = try #require(first.font(0))
    #expect(second.font(0) == font)
    #expect(store.count == 1)
    // The store's reference and one for each file's fonts.
    #expect(cairo_scaled_font_get_reference_count(font) >= 3)
    #expect(first.font(1) == nil, "an index the palette lacks")
  }

  @Test func aFileKeepsItsFontsWhenTheStoreLetsGoOfItsOwn() throws {
    let store = ScaledFontStore(limit: 1)
    let file = ScaledFonts(
      palette: GlyphPalette(fonts: [Self.face(size: 12)]), store: store)
    let font = try #require(file.font(0))
    let other = ScaledFonts(
      palette: GlyphPalette(fonts: [Self.face(size: 30)]), store: store)
    let larger = try #require(other.font(0))
    #expect(larger != font)
    #expect(store.count == 1, "past its limit the store starts again")
    #expect(cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS)
    #expect(cairo_scaled_font_get_reference_count(font) >= 1)
    #expect(file.font(0) == font)
  }

  @Test func aFaceCairoCannotMakeGivesNoFont() {
    let broken = FontFace(pattern: "x", fontMatrix: [], deviceMatrix: [], options: [])
    let store = ScaledFontStore(limit: 8)
    #expect(ScaledFonts(palette: GlyphPalette(fonts: [broken]), store: store).font(0) == nil)
    #expect(store.count == 0)
  }
}
