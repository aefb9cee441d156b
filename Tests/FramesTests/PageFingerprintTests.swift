import Frames
import Geometry
import Testing

/// A page's fingerprint (what the live preview compares builds by) and its source boxes (the
/// preview's click-to-source).
@Suite struct PageFingerprintTests {
  let fontA = FontFace(
    pattern: "a.ttf", fontMatrix: [10, 0, 0, 10, 0, 0], deviceMatrix: [], options: [])
  let fontB = FontFace(
    pattern: "b.ttf", fontMatrix: [10, 0, 0, 10, 0, 0], deviceMatrix: [], options: [])

  /// A page with one line of `glyph` in the palette's font `font` and colour `color` at (`x`,
  /// `y`) after a space glyph, its paragraph written at `line` of content.md.
  func page(
    glyph: UInt32, font: UInt32, line: Int, x: Int32 = 300, y: Int32 = 0, color: UInt32 = 0
  ) -> Page {
    var builder = GlyphRuns.Builder()
    builder.appendText(UInt8(ascii: " "))
    builder.appendText(UInt8(ascii: "a"))
    builder.appendCluster(bytes: 1, glyphs: 1)
    builder.appendCluster(bytes: 1, glyphs: 1)
    builder.appendGlyph(3, x: 0, y: 0)
    builder.appendGlyph(glyph, x: x, y: y)
    builder.endRun(font: font, color: color, backward: false)
    var paragraph = Frame(size: Size(width: 100, height: 12))
    paragraph.push(
      .text(ShapedLine(width: 5, height: 12, baseline: 9, glyphs: builder.finish()), .black),
      at: .zero)
    var frame = Frame(size: Size(width: 200, height: 300))
    frame.push(
      .tagged(.paragraph, paragraph, source: SourceSpan(file: "content.md", line: line)),
      at: Point(x: 20, y: 30))
    return Page(size: Size(width: 200, height: 300), frame: frame)
  }

  @Test func fontsCountByIdentityAndSourcesNotAtAll() {
    let palette = GlyphPalette(fonts: [fontA, fontB], colors: [.black])
    let swapped = GlyphPalette(fonts: [fontB, fontA], colors: [.black])
    let base = page(glyph: 36, font: 0, line: 7).fingerprint(palette: palette)
    // The same font under another index, and the paragraph moved in the source: the same page.
    #expect(page(glyph: 36, font: 1, line: 7).fingerprint(palette: swapped) == base)
    #expect(page(glyph: 36, font: 0, line: 9).fingerprint(palette: palette) == base)
    // Another glyph or another font: another page.
    #expect(page(glyph: 37, font: 0, line: 7).fingerprint(palette: palette) != base)
    #expect(page(glyph: 36, font: 1, line: 7).fingerprint(palette: palette) != base)
  }

  @Test func glyphsMovedOrRecolouredAreAnotherPage() {
    let palette = GlyphPalette(fonts: [fontA], colors: [.black, .white])
    let base = page(glyph: 36, font: 0, line: 7).fingerprint(palette: palette)
    #expect(page(glyph: 36, font: 0, line: 7, x: 301).fingerprint(palette: palette) != base)
    #expect(page(glyph: 36, font: 0, line: 7, y: -50).fingerprint(palette: palette) != base)
    #expect(page(glyph: 36, font: 0, line: 7, color: 1).fingerprint(palette: palette) != base)
    // The same glyphs, fonts and colours built again: the same page.
    #expect(page(glyph: 36, font: 0, line: 7).fingerprint(palette: palette) == base)
  }

  @Test func aDocumentsFingerprintsAreEachPagesOwn() {
    let palette = GlyphPalette(fonts: [fontA, fontB], colors: [.black, .white])
    let pages = [
      page(glyph: 36, font: 0, line: 7), page(glyph: 36, font: 1, line: 7),
      page(glyph: 37, font: 0, line: 7, color: 1),
    ]
    let one = pages.map { $0.fingerprint(palette: palette) }
    #expect(pages.fingerprints(palette: palette) == one)
    #expect(Set(one).count == 3)
  }

  @Test func sourceBoxesAreTheTaggedElementsWithSpans() {
    let boxes = page(glyph: 36, font: 0, line: 7).frame.sourceBoxes()
    #expect(
      boxes == [
        SourceBox(
          rect: Rect(x: 20, y: 30, width: 100, height: 12),
          source: SourceSpan(file: "content.md", line: 7), tag: .paragraph)
      ])
  }
}
