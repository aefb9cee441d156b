import Testing

@testable import TextShaping

/// A word wider than its column is broken across lines, and the session names it (once) so the
/// run can warn about it; ordinary text names none.
@Suite struct OverlongWordTests {
  static let word = String(repeating: "abcdefghij", count: 200)

  static func spec(_ text: String, alignment: TextAlignment = .justify, width: Double = 300)
    -> ParagraphSpec
  {
    ParagraphSpec(
      runs: [TextRun(text, font: FontSpec(family: "Noto Serif", size: 10))], width: width,
      alignment: alignment)
  }

  @Test(arguments: [TextAlignment.justify, .left, .center])
  func aWordWiderThanTheColumnIsBrokenAndNamed(alignment: TextAlignment) {
    let session = PangoMeasurer()
    let shaped = session.shape(
      Self.spec("Some text " + Self.word + " and more.", alignment: alignment))
    #expect(shaped.lines.count > 10)
    // Each piece fits; a justified one ends in its hyphen (about 2 pt at 10 pt), which the
    // breaker places at the measure's end.
    #expect(shaped.lines.allSatisfy { $0.width <= 302 }, "\(shaped.lines.map(\.width))")
    #expect(session.takeOverlongWords() == [String(Self.word.prefix(OverlongWords.shownLength))])
    #expect(session.takeOverlongWords() == [])
  }

  @Test func aLongWordInHyphenatedTextIsNamed() {
    let session = PangoMeasurer()
    var hyphenated = Self.spec("Some text " + Self.word + " and more.")
    hyphenated.hyphenate = true
    _ = session.shape(hyphenated)
    #expect(session.takeOverlongWords() == [String(Self.word.prefix(OverlongWords.shownLength))])
  }

  @Test func aShortWordInANarrowColumnIsNamedToo() {
    let session = PangoMeasurer()
    _ = session.shape(Self.spec("a Donaudampfschifffahrt b", width: 30))
    #expect(session.takeOverlongWords() == ["Donaudampfschifffahrt"])
  }

  @Test func ordinaryTextAndLongWordsThatFitNameNone() {
    let session = PangoMeasurer()
    let long = String(repeating: "x", count: 45)
    _ = session.shape(
      Self.spec("A paragraph of plain words " + long + ", set in lines.", width: 400))
    _ = session.shape(Self.spec(String(repeating: "plain words and more ", count: 40)))
    #expect(session.takeOverlongWords() == [])
  }

  @Test func trialShapesNameNone() {
    let session = PangoMeasurer()
    var trial = Self.spec("x " + Self.word)
    trial.warnsOverlongWords = false
    _ = session.shape(trial)
    #expect(session.takeOverlongWords() == [])
  }
}
