import Frames
import TestSupport
import Testing

@testable import TextShaping

/// The shaping stack: a shaper that returns each paragraph's missing characters, the in-memory
/// generations in front of it, and the session that collects a document's missing characters.
@Suite struct ShapingCompositionTests {
  let font = FontSpec(family: "Noto Serif", size: 10)

  func spec(_ text: String, width: Double = 60) -> ParagraphSpec {
    ParagraphSpec(runs: [TextRun(text, font: font)], width: width)
  }

  @Test func theMemoReturnsTheInnerShapersResultAndAsksItOnce() {
    let fake = FakeMeasurer()
    let memo = ShapeMemo(fake)
    let paragraph = spec("one two three four five six")
    let expected = fake.shape(paragraph).lines.map(\.text)
    let first = memo.shapeParagraph(paragraph)
    let again = memo.shapeParagraph(paragraph)
    #expect(first.paragraph.lines.map(\.text) == expected)
    #expect(again.paragraph.lines.map(\.text) == expected)
    #expect(fake.shapeCalls == 2)  // the one above, and the memo's one
    #expect(memo.measureWidths(paragraph) == fake.measureWidths(paragraph))
    #expect(memo.measureWidths(paragraph) == fake.measureWidths(paragraph))
    #expect(fake.widthCalls == 3)  // the memo's one, and the two above
    // Another width is another paragraph.
    _ = memo.shapeParagraph(spec("one two three four five six", width: 200))
    #expect(fake.shapeCalls == 3)
  }

  /// Asks `memo` for each paragraph's lines and widths; returns how many of each its inner
  /// shaper has been asked for so far.
  func ask(_ memo: ShapeMemo<FakeMeasurer>, for paragraphs: ParagraphSpec...) -> [Int] {
    for paragraph in paragraphs {
      _ = memo.shapeParagraph(paragraph)
      _ = memo.measureWidths(paragraph)
    }
    return [memo.inner.shapeCalls, memo.inner.widthCalls]
  }

  @Test func discardingForgetsEverything() {
    let memo = ShapeMemo(FakeMeasurer())
    let paragraph = spec("a paragraph")
    #expect(ask(memo, for: paragraph) == [1, 1])
    memo.discardAll()
    #expect(ask(memo, for: paragraph) == [2, 2])
  }

  /// `pmreport watch`: a build keeps what the build before it used, and nothing older.
  @Test func keepingHoldsTheShapesUsedSinceTheLastKeep() {
    let memo = ShapeMemo(FakeMeasurer())
    let used = spec("used in both builds")
    let dropped = spec("used in the first build only")
    #expect(ask(memo, for: used, dropped) == [2, 2])
    memo.keepUsedSinceLastKeep()
    // The second build asks for one of them: kept, not shaped again.
    #expect(ask(memo, for: used) == [2, 2])
    memo.keepUsedSinceLastKeep()
    // The third build: the one the second build used is still there; the other is gone.
    #expect(ask(memo, for: used) == [2, 2])
    #expect(ask(memo, for: dropped) == [3, 3])
    // Two builds that do not use a paragraph let it go.
    memo.keepUsedSinceLastKeep()
    memo.keepUsedSinceLastKeep()
    #expect(ask(memo, for: used) == [4, 4])
  }

  /// Where the inner shaper sets fitting text alike at any width, a one-line paragraph is given
  /// again at another width that holds its line; not at one too narrow for it, not when it took
  /// two lines, and not without the inner shaper's word for it.
  @Test func aOneLineParagraphIsGivenAgainAtAWidthThatHoldsIt() {
    let fake = FakeMeasurer()
    let memo = ShapeMemo(fake, fitsOnOneLineAlike: { $0.alignment == .left })
    let title = "a short title"  // 13 characters: 65 points
    _ = memo.shapeParagraph(spec(title, width: 70))
    #expect(fake.shapeCalls == 1)
    let wider = memo.shapeParagraph(spec(title, width: 300))
    let justFits = memo.shapeParagraph(spec(title, width: 65))
    #expect(fake.shapeCalls == 1)
    #expect(wider.paragraph.lines.map(\.text) == [title])
    #expect(justFits.paragraph.lines.map(\.width) == [65])
    _ = memo.shapeParagraph(spec(title, width: 64))  // too narrow: two lines
    #expect(fake.shapeCalls == 2)
    // Lines set at one width are not reused at another.
    _ = memo.shapeParagraph(spec("two lines here", width: 40))
    _ = memo.shapeParagraph(spec("two lines here", width: 80))
    #expect(fake.shapeCalls == 4)
    // Not where the inner shaper does not set it alike (here: centred).
    var centred = spec(title, width: 70)
    centred.alignment = .center
    _ = memo.shapeParagraph(centred)
    centred.width = 90
    _ = memo.shapeParagraph(centred)
    #expect(fake.shapeCalls == 6)
    // Forgotten with the generation.
    memo.discardAll()
    _ = memo.shapeParagraph(spec(title, width: 70))
    _ = memo.shapeParagraph(spec(title, width: 80))
    #expect(fake.shapeCalls == 7)
    // The default memo shapes each width.
    let plain = ShapeMemo(FakeMeasurer())
    _ = plain.shapeParagraph(spec(title, width: 70))
    _ = plain.shapeParagraph(spec(title, width: 80))
    #expect(plain.inner.shapeCalls == 2)
  }

  /// The real measurer: a one-line paragraph (left-aligned, justified, hyphenated, with a link)
  /// given again at another width that holds it is, value for value, what a fresh measurer sets
  /// at that width, and so is one narrower than its line.
  @Test func aOneLineParagraphAtAnotherWidthIsTheOneSetAfresh() throws {
    let runs = [
      TextRun("The [3] Product Owner, ", font: font),
      TextRun("as written", font: font, link: .uri("https://example.org/owner")),
    ]
    for alignment in [TextAlignment.left, .justify] {
      let roomy = ParagraphSpec(runs: runs, width: 300, alignment: alignment, hyphenate: true)
      let measurer = PangoMeasurer()
      let first = measurer.shape(roomy).lines
      try #require(first.count == 1)
      let width = first[0].width
      for other in [width, width + 0.5, 400] {
        var wider = roomy
        wider.width = other
        #expect(values(measurer, wider) == values(PangoMeasurer(), wider))
      }
      // Narrower than the line: set again (left-aligned, on two lines; justified, its one line
      // shrunk to the measure, which the memo must not give at a wider width).
      var tight = roomy
      tight.width = width - 1
      #expect(values(measurer, tight) == values(PangoMeasurer(), tight))
      if alignment == .left { #expect(measurer.shape(tight).lines.count == 2) }
      // Set narrower first, then wider: the narrow setting is not what the wider width gets.
      let again = PangoMeasurer()
      _ = again.shape(tight)
      #expect(values(again, roomy) == values(PangoMeasurer(), roomy))
    }
  }

  /// A paragraph's missing characters come with it from the shaper; a remembered one reports
  /// none (they were reported when it was shaped).
  @Test func missingCharactersComeWithTheParagraphThatHasThem() {
    let fake = FakeMeasurer(lacking: ["\u{0378}", "\u{0379}"])
    let memo = ShapeMemo(fake)
    let paragraph = spec("a\u{0379}b \u{0378}\u{0379}")
    #expect(memo.shapeParagraph(paragraph).missing == ["\u{0379}", "\u{0378}"])
    #expect(memo.shapeParagraph(paragraph).missing == [])
    #expect(memo.shapeParagraph(spec("nothing missing")).missing == [])
  }

  /// The real shaper remembers nothing: it finds a paragraph's missing characters each time.
  @Test func pangoShaperReturnsEachParagraphsMissingCharacters() {
    let shaper = PangoShaper()
    let paragraph = spec("a\u{0378}b")
    #expect(shaper.shapeParagraph(paragraph).missing == ["\u{0378}"])
    #expect(shaper.shapeParagraph(paragraph).missing == ["\u{0378}"])
    #expect(shaper.shapeParagraph(spec("ab")).missing == [])
  }

  /// The session collects a document's missing characters, each once, in the order first met,
  /// until the run takes them.
  @Test func theSessionCollectsADocumentsMissingCharacters() {
    let session = PangoMeasurer()
    _ = session.shape(spec("a\u{0378}b"))
    _ = session.shape(spec("ok"))
    _ = session.shape(spec("\u{0379} and \u{0378}"))
    #expect(session.takeMissingCharacters() == ["\u{0378}", "\u{0379}"])
    #expect(session.takeMissingCharacters() == [])
    // The next document, its shapes discarded: shaped again, noted again.
    session.discardCachedShapes()
    _ = session.shape(spec("a\u{0378}b"))
    #expect(session.takeMissingCharacters() == ["\u{0378}"])
  }

  /// The words rewritten are the ones that hold the offsets, in whichever run they are.
  @Test func wordSurgeryRewritesTheWordAtAnOffset() throws {
    let runs = [TextRun("ab\u{AD}cd ef\u{AD}gh ", font: font), TextRun("ij\u{AD}kl", font: font)]
    // Byte 9 is in "ef-gh" (a soft hyphen is two bytes).
    #expect(
      WordSurgery.removingSoftHyphens(around: 9, in: runs).map(\.text) == [
        "ab\u{AD}cd efgh ", "ij\u{AD}kl",
      ])
    #expect(
      WordSurgery.removingSoftHyphens(around: 17, in: runs).map(\.text) == [
        "ab\u{AD}cd ef\u{AD}gh ", "ijkl",
      ])
    // Bytes 3 and 20 are in the first and the last word; the word between is left alone.
    let hyphenator = try #require(Hyphenator.englishUS())
    let words = [TextRun("a development of responsibilities", font: font)]
    let marked =
      "a \(hyphenator.hyphenate("development")) of "
      + hyphenator.hyphenate("responsibilities")
    #expect(marked.contains("\u{AD}"))
    #expect(
      WordSurgery.hyphenatingWords(at: [3, 20], in: words, with: hyphenator).map(\.text) == [
        marked
      ])
  }
}
