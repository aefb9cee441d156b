import CCairo
import CFontTables
import Foundation
import Testing

/// A FreeType face cairo closes (it keeps at most 10 open) is kept, and handed back to cairo when it
/// opens the same face again: no face is opened twice, so no thread still reading a face cairo
/// closed under it reads a destroyed one (`FT_Done_Face` in the `CFontTables` target).
///
/// The counts are the calling thread's alone, and cairo's faces are the process's: other suites
/// running beside this one may open, close or reopen the same faces, which changes neither check.
@Suite struct ParkedFaceTests {
  /// Font files of fonts-noto-core (`make test-packages`), one face each: more than cairo's 10.
  static let files = [
    "NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSerif-Regular", "NotoSerif-Bold",
    "NotoSerif-Italic", "NotoSansThai-Regular", "NotoSansBengali-Regular",
    "NotoSansDevanagari-Regular", "NotoSansTamil-Regular", "NotoSansKhmer-Regular",
    "NotoSansMyanmar-Regular", "NotoSansEthiopic-Regular", "NotoSansGurmukhi-Regular",
    "NotoSansTelugu-Regular", "NotoSansMalayalam-Regular",
  ].map { "/usr/share/fonts/truetype/noto/\($0).ttf" }.filter {
    FileManager.default.fileExists(atPath: $0)
  }

  /// A scaled font of `file`'s first face, as ScaledFontStore makes one (from a pattern: cairo
  /// opens and closes its face itself).
  static func scaledFont(_ file: String) throws -> OpaquePointer {
    let pattern = try #require(FcNameParse(":file=\(file):index=0"))
    defer { FcPatternDestroy(pattern) }
    let face = try #require(cairo_ft_font_face_create_for_pattern(pattern))
    defer { cairo_font_face_destroy(face) }
    var matrix = cairo_matrix_t(xx: 12, yx: 0, xy: 0, yy: 12, x0: 0, y0: 0)
    var identity = cairo_matrix_t(xx: 1, yx: 0, xy: 0, yy: 1, x0: 0, y0: 0)
    let options = cairo_font_options_create()
    defer { cairo_font_options_destroy(options) }
    let scaled = try #require(cairo_scaled_font_create(face, &matrix, &identity, options))
    try #require(cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS)
    return scaled
  }

  @Test(
    .enabled(
      if: files.count > 10,
      "fewer than 11 of the Noto font files (cairo keeps 10 faces open): install fonts-noto-core"))
  func aFaceCairoClosesIsHandedBackWhenItOpensItAgain() throws {
    let fonts = try Self.files.map(Self.scaledFont)
    defer { for font in fonts { cairo_scaled_font_destroy(font) } }
    /// Each font's face, locked and let go of in turn: past the tenth, cairo closes another's.
    func faces() throws -> [FT_Face] {
      try fonts.map {
        let face = try #require(cairo_ft_scaled_font_lock_face($0))
        cairo_ft_scaled_font_unlock_face($0)
        return face
      }
    }
    let first = try faces()
    let opened = pmreport_font_faces_opened()
    let handedBack = pmreport_font_faces_handed_back()
    for round in 1...3 {
      #expect(try faces() == first, "round \(round): every font still has its first face")
    }
    #expect(pmreport_font_faces_opened() == opened, "no face opened again")
    #expect(
      pmreport_font_faces_handed_back() > handedBack,
      "of \(fonts.count) faces at most 10 stay open: the others were closed and handed back")
  }
}
