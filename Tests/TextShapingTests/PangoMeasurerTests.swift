import Frames
import Geometry
import Testing
import TextShaping

/// The real measurer: Pango shaping, libhyphen hyphenation, widths for table layout.
@Suite(.serialized) struct PangoMeasurerTests {
  let measurer = PangoMeasurer()
  let font = FontSpec(family: "Noto Serif", size: 10)
  let text =
    "Technical Product Managers concentrate more on technical requirements and possibilities, "
    + "coordinating with engineering teams to ensure the technical development of the product stays on track."

  /// `pmreport watch` keeps one build's shapes for the next: a paragraph shaped again after
  /// `keepShapesUsedSinceLastKeep` (kept), after two calls (dropped, shaped afresh) and after
  /// setting the same language again (kept) comes out the same.
  @Test func keptShapesAreTheShapesMadeAfresh() throws {
    let spec = ParagraphSpec(
      runs: [TextRun(text, font: font)], width: 150, alignment: .justify, hyphenate: true,
      leading: 1.4, maxHyphenRun: 2)
    let measurer = PangoMeasurer()
    let fresh = measurer.shape(spec).lines
    func same(_ lines: [ShapedLine]) -> Bool {
      lines.map(\.text) == fresh.map(\.text) && lines.map(\.width) == fresh.map(\.width)
        && lines.map { $0.glyphs?.count } == fresh.map { $0.glyphs?.count }
    }
    measurer.keepShapesUsedSinceLastKeep()
    #expect(same(measurer.shape(spec).lines))
    measurer.setLanguage("en", hyphenator: measurer.currentHyphenator)
    #expect(same(measurer.shape(spec).lines))
    measurer.keepShapesUsedSinceLastKeep()
    measurer.keepShapesUsedSinceLastKeep()
    #expect(same(measurer.shape(spec).lines))
  }

  @Test func hyphenationMarksTeXStyleBreakPoints() throws {
    let hyphenator = try #require(Hyphenator.englishUS())
    #expect(hyphenator.hyphenate("development") == "de\u{AD}vel\u{AD}op\u{AD}ment")
    #expect(hyphenator.hyphenate("short words stay") == "short words stay")
  }

  @Test func linesFitTheMeasureAndKeepEveryWord() {
    let spec = ParagraphSpec(
      runs: [TextRun(text, font: font)], width: 150, alignment: .justify,
      hyphenate: true, leading: 1.4, maxHyphenRun: 2)
    let lines = measurer.shape(spec).lines
    #expect(lines.count > 3)
    for line in lines { #expect(line.width <= 150.5) }
    let joined = lines.map { $0.hyphenated ? String($0.text.dropLast()) : $0.text + " " }.joined()
    #expect(joined.split(separator: " ").joined(separator: " ") == text)
    for line in lines { #expect(abs(line.height - 14) < 0.01 || line.height > 14) }
  }

  @Test func noMoreHyphenatedLinesInARowThanAllowed() {
    let long = String(
      repeating: "internationalization responsibilities characteristically ", count: 6)
    let spec = ParagraphSpec(
      runs: [TextRun(long, font: font)], width: 90, alignment: .justify,
      hyphenate: true, leading: 1.3, maxHyphenRun: 1)
    var run = 0
    var worst = 0
    for line in measurer.shape(spec).lines {
      run = line.hyphenated ? run + 1 : 0
      worst = max(worst, run)
    }
    #expect(worst <= 1)
  }

  @Test func anUnbreakableWordBreaksInsteadOfOverflowing() {
    let word = String(repeating: "x", count: 800)
    let lines = measurer.shape(ParagraphSpec(runs: [TextRun(word, font: font)], width: 200)).lines
    #expect(lines.count > 5)
    for line in lines { #expect(line.width <= 200.5) }
    // It breaks with a hyphen at its own break points, and no letter is lost.
    #expect(lines.dropLast().filter { $0.hyphenated }.count >= lines.count - 2)
    #expect(lines.map { $0.hyphenated ? String($0.text.dropLast()) : $0.text }.joined() == word)
  }

  @Test func widthsAgreeWithMeasuringWordByWord() {
    let spec = ParagraphSpec(
      runs: [TextRun("Business stakeholders collaborate closely", font: font)], width: 100)
    let fast = measurer.widths(spec)
    // The protocol's default: every word shaped alone, and the whole line.
    let slow = WordByWord(measurer).widths(spec)
    #expect(abs(fast.preferred - slow.preferred) < 0.5)
    #expect(abs(fast.minimum - slow.minimum) < 0.5)
    #expect(fast.minimum < fast.preferred)
  }

  @Test func markupIsLiteralText() {
    let line = measurer.shape(
      ParagraphSpec(
        runs: [TextRun("<b>bold</b> &amp; {x} 100% \\", font: font)],
        width: 400)
    ).lines
    #expect(line.map(\.text).joined() == "<b>bold</b> &amp; {x} 100% \\")
  }
}

/// A measurer that forwards shaping and keeps the protocol's default `widths`.
final class WordByWord: TextMeasurer {
  let inner: PangoMeasurer
  init(_ inner: PangoMeasurer) { self.inner = inner }
  func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph { inner.shape(paragraph) }
}
