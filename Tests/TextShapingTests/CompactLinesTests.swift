import Foundation
import Geometry
import Testing
@testable import TextShaping

/// The pieces that keep shaped lines small and their text clean: packed number columns, long-word
/// break points, the text a line keeps (no soft hyphen it does not break at).
@Suite struct CompactLinesTests {
    @Test func packedColumnsGiveBackEveryNumberAtEveryWidth() {
        let narrow: [UInt32] = [0, 7, 255]
        let half: [UInt32] = [256, 1, 65_535]
        let wide: [UInt32] = [65_536, 0, 4_000_000_000]
        let packed = PackedColumns([narrow, half, wide, []], tail: Array("tail".utf8))
        for (c, column) in [narrow, half, wide].enumerated() {
            for (i, value) in column.enumerated() { #expect(packed.number(c, i) == value) }
        }
        #expect(Array(packed.tail) == Array("tail".utf8))
    }

    @Test func zigzagStepsRoundTripBothSigns() {
        for step: Int32 in [0, 1, -1, 1023, -1024, Int32.max, Int32.min] {
            #expect(GlyphLine.unzigzag(GlyphLine.zigzag(step)) == step)
        }
        #expect(GlyphLine.zigzag(-1) == 1 && GlyphLine.zigzag(1) == 2)
    }

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
        let text = String(repeating: "Differences in responsibilities and characteristically international ", count: 4)
        let spec = ParagraphSpec(runs: [TextRun(text, font: FontSpec(family: "Noto Serif", size: 10))], width: 120,
                                 alignment: .justify, hyphenate: true)
        let lines = measurer.shape(spec).lines
        #expect(lines.contains { $0.hyphenated }, "the test needs a hyphenated line")
        for line in lines {
            #expect(!line.text.contains("\u{AD}"), "'\(line.text)' keeps a soft hyphen")
            #expect(line.text.hasSuffix("-") == line.hyphenated || line.text.hasSuffix("--"))
        }
    }
}
