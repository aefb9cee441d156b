import Frames
import Testing

@testable import TextShaping

/// Paragraphs broken by ``LineBreaker`` and set by Pango: every line re-shaped, justified to the
/// measure, nothing lost.
@Suite struct OptimumFitTests {
  static let font = FontSpec(family: "Noto Serif", size: 10.5)
  static let text =
    "The main difference between a Business Product Manager and a Technical Product Manager is "
    + "that the former focuses primarily on developing product strategies that align with market "
    + "needs and business goals, while the latter is more involved with the technical aspects and "
    + "development challenges of the product. Business Product Managers aim to maximize product "
    + "profitability and market share by understanding customer demands and competitive positioning."

  static func shaped(_ alignment: TextAlignment, width: Double = 300, hanging: Bool = false)
    -> [ShapedLine]
  {
    PangoMeasurer().shape(
      ParagraphSpec(
        runs: [TextRun(text, font: font)], width: width, alignment: alignment, hyphenate: true,
        maxHyphenRun: 2, hangingPunctuation: hanging)
    ).lines
  }

  /// The lines' text joined again: hyphens at line ends taken out.
  static func joined(_ lines: [ShapedLine]) -> String {
    lines.map { line in
      var t = line.text
      if line.hyphenated { t.removeLast() }
      return t
    }.joined()
  }

  @Test func justifiedLinesFillTheMeasureAndKeepEveryCharacter() {
    let lines = Self.shaped(.justify)
    #expect(lines.count > 4)
    for line in lines.dropLast() {
      #expect(abs(line.width - 300) < 0.01, "\(line.text)")
      #expect(line.glyphs != nil)
    }
    #expect(lines.last.map { $0.width < 300 } == true)
    #expect(Self.joined(lines) == Self.text)
  }

  @Test func hangingPunctuationProtrudesOnlyAFractionOfAGlyph() {
    let lines = Self.shaped(.justify, hanging: true)
    let hyphenated = lines.dropLast().filter { $0.hyphenated || $0.text.hasSuffix(", ") }
    #expect(!hyphenated.isEmpty)
    for line in lines.dropLast() {
      #expect(line.width >= 300 - 0.01 && line.width <= 300 + 5, "\(line.text)")
      #expect(line.offset <= 0 && line.offset > -5)
    }
    for line in hyphenated { #expect(line.width > 300.5, "\(line.text)") }
    #expect(Self.joined(lines) == Self.text)
  }

  @Test func noLineIsWiderThanItsMeasureAndWhatHangs() {
    // A last line the breaker shrank to fit is shrunk when set, too.
    let measurer = PangoMeasurer()
    for width in stride(from: 150.0, through: 450, by: 3) {
      let lines = measurer.shape(
        ParagraphSpec(
          runs: [TextRun(Self.text, font: Self.font)], width: width, alignment: .justify,
          hyphenate: true, maxHyphenRun: 2, hangingPunctuation: true)
      ).lines
      for line in lines.dropLast() { #expect(line.width <= width + 5, "\(width): \(line.text)") }
      #expect(lines.last.map { $0.width <= width + 0.01 } == true, "\(width)")
    }
  }

  @Test func aLineShrunkToFitIsSetWithinTheMeasure() {
    // A justified sentence a little wider than the measure: one line, its spaces shrunk.
    let measurer = PangoMeasurer()
    let sentence = [
      TextRun("What are the challenges faced in a tech-driven industry?", font: Self.font)
    ]
    let natural = measurer.shape(ParagraphSpec(runs: sentence, width: 10_000)).maxLineWidth
    let lines = measurer.shape(
      ParagraphSpec(runs: sentence, width: natural - 2, alignment: .justify, hyphenate: true)
    ).lines
    #expect(lines.count == 1)
    #expect(lines.first.map { $0.width <= natural - 2 + 0.01 } == true)
  }

  @Test func raggedLinesStayWithinTheMeasure() {
    let lines = Self.shaped(.left, width: 180)
    #expect(lines.count > 6)
    #expect(lines.allSatisfy { $0.width <= 180.01 })
    #expect(Self.joined(lines) == Self.text)
  }

  @Test func aCompoundBreaksOnlyAtItsOwnHyphen() {
    let text = Array(repeating: "business-related cross-functional", count: 8).joined(
      separator: " ")
    for width in stride(from: 60.0, through: 140, by: 10) {
      let lines = PangoMeasurer().shape(
        ParagraphSpec(
          runs: [TextRun(text, font: Self.font)], width: width, alignment: .left, hyphenate: true,
          maxHyphenRun: 1)
      ).lines
      // Every word holds a hyphen: no line breaks at a hyphenation point of the dictionary's.
      #expect(lines.count > 2)
      for line in lines { #expect(!line.hyphenated, "\(line.text)") }
    }
  }
}
