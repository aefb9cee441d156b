import CCairo
import CFontTables
import Frames
import Testing

@testable import Rendering

/// The drawing's fonts are made on FreeType faces pmreport opens once per (file, face index) and
/// keeps (`pmreport_drawing_font_face` in the `CFontTables` target): cairo never closes or reopens
/// them, however many files are in use, so no thread loses a face another closed.
///
/// The counts are the calling thread's alone; the faces are the process's (another suite may have
/// opened some first, which changes none of the checks).
@Suite struct DrawingFaceTests {
  static func face(_ file: String, size: Double) -> FontFace {
    FontFace(
      pattern: ":file=\(file):index=0", fontMatrix: [size, 0, 0, size, 0, 0],
      deviceMatrix: [1, 0, 0, 1, 0, 0], options: [0, 0, 0, 0])
  }

  /// Each font's FreeType face, locked and let go of in turn (past ten, cairo would close another
  /// pattern-based font's face to open one).
  static func faces(_ fonts: [OpaquePointer]) throws -> [FT_Face] {
    try fonts.map {
      let face = try #require(cairo_ft_scaled_font_lock_face($0))
      cairo_ft_scaled_font_unlock_face($0)
      return face
    }
  }

  @Test(
    .enabled(
      if: ParkedFaceTests.files.count > 10,
      "fewer than 11 of the Noto font files (cairo keeps 10 faces open): install fonts-noto-core"))
  func theDrawingsFontsShareOneKeptFacePerFileThatCairoNeverOpens() throws {
    let files = ParkedFaceTests.files
    let store = ScaledFontStore(limit: 128)
    let fonts = try files.map { try #require(store.font(for: Self.face($0, size: 12))) }
    let drawingOpened = pmreport_drawing_faces_opened()
    let other = ScaledFontStore(limit: 128)
    let larger = try files.map { try #require(other.font(for: Self.face($0, size: 30))) }
    defer { for font in fonts + larger { cairo_scaled_font_destroy(font) } }
    let cairoOpened = pmreport_font_faces_opened()
    let handedBack = pmreport_font_faces_handed_back()
    let first = try Self.faces(fonts)
    #expect(Set(first).count == files.count, "a face of its own for each file")
    for round in 1...3 {
      #expect(try Self.faces(fonts) == first, "round \(round): every font keeps its face")
      #expect(try Self.faces(larger) == first, "round \(round): another size and store, one face")
    }
    #expect(pmreport_drawing_faces_opened() == drawingOpened, "no face opened again for drawing")
    #expect(pmreport_font_faces_opened() == cairoOpened, "cairo opened no face for these fonts")
    #expect(pmreport_font_faces_handed_back() == handedBack, "cairo closed none of their faces")
    // Text shaping's pattern-based fonts of the same file are cairo's, on faces of its own.
    let shaping = try ParkedFaceTests.scaledFont(files[0])
    defer { cairo_scaled_font_destroy(shaping) }
    #expect(try Self.faces([shaping]) != [first[0]])
  }
}
