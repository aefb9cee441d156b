import Foundation
import Frames
import Testing
import TextShaping

/// Unhyphenated text (charts, a style with `hyphenate: false`): a word wider than the measure
/// breaks at its dictionary's hyphenation points, with the soft hyphen in the text; and a line of
/// smaller code keeps its paragraph's baseline.
@Suite(.serialized) struct LongWordAndBaselineTests {
  /// German patterns, when installed (the tests that need them are skipped without).
  static var german: Hyphenator? {
    Hyphenator(
      language: "de",
      cacheDirectory: NSTemporaryDirectory()
        + "pmreport-hyphen-\(ProcessInfo.processInfo.processIdentifier)")
  }
  let font = FontSpec(family: "Noto Sans", size: 10)

  /// Where `lines` break `word` (character offsets), when every line but the last ends at a soft
  /// hyphen; nil when a line breaks any other way.
  func breaks(_ lines: [ShapedLine], of word: String) -> [Int]? {
    var offsets: [Int] = []
    var joined = ""
    for (i, line) in lines.enumerated() {
      let isLast = i == lines.count - 1
      guard isLast || line.hyphenated else { return nil }
      joined += isLast ? line.text : String(line.text.dropLast())
      if !isLast { offsets.append(joined.count) }
    }
    return joined == word ? offsets : nil
  }

  /// The dictionary's hyphenation points in `word` (character offsets).
  func points(_ word: String, _ hyphenator: Hyphenator) -> Set<Int> {
    var out = Set<Int>()
    var n = 0
    for c in hyphenator.hyphenate(word) {
      if c == "\u{AD}" { out.insert(n) } else { n += 1 }
    }
    return out
  }

  @Test(
    .enabled(if: german != nil), arguments: ["Hindernisbeseitigung", "Produktverantwortlichkeit"])
  func aWordWiderThanTheMeasureBreaksAtDictionaryPoints(_ word: String) throws {
    let german = try #require(Self.german)
    let measurer = PangoMeasurer(hyphenator: german)
    for width in [40.0, 55, 70, 85] {
      let lines = measurer.shape(
        ParagraphSpec(runs: [TextRun(word, font: font)], width: width, hyphenate: false)
      ).lines
      #expect(lines.count > 1, "\(word) at \(width)")
      let at = try #require(breaks(lines, of: word), "\(lines.map(\.text)) at \(width)")
      #expect(Set(at).isSubset(of: points(word, german)), "\(lines.map(\.text)) at \(width)")
    }
  }

  @Test(.enabled(if: german != nil))
  func wordsThatFitGetNoHyphenationPoints() throws {
    let measurer = PangoMeasurer(hyphenator: try #require(Self.german))
    let one = measurer.shape(
      ParagraphSpec(runs: [TextRun("Verantwortung", font: font)], width: 10_000)
    ).lines[0].width
    // "ab Verantwortung" does not fit; "Verantwortung" does: it moves whole to the next line, as
    // unhyphenated text must (hyphenated, it would break as "ab Verant-" / "wortung").
    let lines = measurer.shape(
      ParagraphSpec(
        runs: [TextRun("ab Verantwortung", font: font)], width: one + 2, hyphenate: false)
    ).lines
    #expect(lines.map { $0.text.trimmingCharacters(in: .whitespaces) } == ["ab", "Verantwortung"])
  }

  @Test func aLineOfCodeAloneSharesTheBaseFontsBaseline() {
    let measurer = PangoMeasurer()
    // As a table cell sets them: serif cell text, and a code span at 0.9 × in the monospace family.
    let cell = FontSpec(family: "Noto Serif", size: 9, features: ["tnum"])
    let code = FontSpec(family: "DejaVu Sans Mono", size: 8.1)
    func first(_ run: TextRun) -> ShapedLine {
      measurer.shape(
        ParagraphSpec(runs: [run], width: 200, leading: 1.3, baseFont: cell)
      ).lines[0]
    }
    let text = first(TextRun("Owner", font: cell))
    let codeOnly = first(TextRun("make lint", font: code))
    #expect(abs(codeOnly.baseline - text.baseline) < 0.001)
    #expect(abs(codeOnly.height - text.height) < 0.001)
    // Without a base font, the line of code alone is shorter, its baseline higher.
    let bare = measurer.shape(
      ParagraphSpec(runs: [TextRun("make lint", font: code)], width: 200, leading: 1.3)
    ).lines[0]
    #expect(bare.baseline < text.baseline - 0.1)
  }
}
