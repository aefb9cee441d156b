import Foundation
import Frames
import Geometry
import Testing

@testable import TextShaping

/// What keeps shaped lines' text clean: long-word break points, the text a line keeps (no soft
/// hyphen it does not break at).
@Suite struct CompactLinesTests {
  @Test func longWordsGetBreakPointsAndShortTextIsUntouched() {
    let short = "A sentence of ordinary words."
    #expect(Hyphenator.breakingLongWords(short) == short)
    let word = String(repeating: "x", count: 100)
    let broken = Hyphenator.breakingLongWords("Before " + word + " after")
    #expect(broken.replacingOccurrences(of: "\u{AD}", with: "") == "Before " + word + " after")
    // Past the 40th letter, a point every 12 (count ≡ 1 mod 12): before letters 49, 61, 73, 85, 97.
    #expect(broken.filter { $0 == "\u{AD}" }.count == 5)
    #expect(broken.hasPrefix("Before " + String(repeating: "x", count: 48) + "\u{AD}x"))
  }

  @Test func noBreakPointSplitsALetterFromItsAccent() {
    // 70 letters, each an "e" and a combining acute accent (points before letters 49 and 61):
    // the accents never start a piece.
    let word = String(repeating: "e\u{301}", count: 70)
    let broken = Hyphenator.breakingLongWords(word)
    #expect(broken.unicodeScalars.filter { $0 == "\u{AD}" }.count == 2)
    #expect(!broken.contains("\u{AD}\u{301}"))
    #expect(broken.replacingOccurrences(of: "\u{AD}", with: "") == word)
  }

  @Test func aLineKeepsOnlyTheSoftHyphenItBreaksAt() {
    let measurer = PangoMeasurer()
    let text = String(
      repeating: "Differences in responsibilities and characteristically international ", count: 4)
    let spec = ParagraphSpec(
      runs: [TextRun(text, font: FontSpec(family: "Noto Serif", size: 10))], width: 120,
      alignment: .justify, hyphenate: true)
    let lines = measurer.shape(spec).lines
    #expect(lines.contains { $0.hyphenated }, "the test needs a hyphenated line")
    for line in lines {
      #expect(!line.text.contains("\u{AD}"), "'\(line.text)' keeps a soft hyphen")
      #expect(line.text.hasSuffix("-") == line.hyphenated || line.text.hasSuffix("--"))
    }
  }
}
