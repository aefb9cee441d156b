import Geometry
import Testing

@testable import Frames

/// Glyph runs are plain data: what the builder is given comes back, packed as narrow as it fits.
@Suite struct GlyphRunsTests {
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

  @Test func partsRoundTripAndTheBuilderForgetsTheLineBefore() throws {
    var builder = GlyphRuns.Builder()
    builder.appendText(UInt8(ascii: "a"))
    builder.appendCluster(bytes: 1, glyphs: 1)
    builder.appendGlyph(36, x: 0, y: 0)
    builder.appendMissingGlyph(x: 0, width: 500, size: 10)
    builder.endRun(font: 2, color: 1, backward: false)
    let first = builder.finish()
    #expect(GlyphRuns(parts: first.parts)?.parts == first.parts)
    builder.reset()
    builder.appendText(UInt8(ascii: "b"))
    builder.appendCluster(bytes: 1, glyphs: 1)
    builder.appendGlyph(37, x: 0, y: 0)
    builder.endRun(font: 0, color: 0, backward: false)
    // Nothing of the line before (its missing glyph's size) stays in the next.
    #expect(builder.finish().missingGlyphSize == 0)
    // Parts that do not fit together are refused.
    var bad = first.parts
    bad.columns[GlyphRuns.Parts.runsColumn][3] = 5
    #expect(GlyphRuns(parts: bad) == nil)
  }

  @Test func zigzagStepsRoundTripBothSigns() {
    for step: Int32 in [0, 1, -1, 1023, -1024, Int32.max, Int32.min] {
      #expect(GlyphRuns.unzigzag(GlyphRuns.zigzag(step)) == step)
    }
    #expect(GlyphRuns.zigzag(-1) == 1 && GlyphRuns.zigzag(1) == 2)
  }

  @Test func runsGiveBackTheirGlyphsTextAndClusters() {
    var builder = GlyphRuns.Builder()
    builder.appendText(UInt8(ascii: "a"))
    builder.appendCluster(bytes: 1, glyphs: 1)
    builder.appendGlyph(36, x: 0, y: 0)
    builder.endRun(font: 0, color: 1, backward: false)
    Array("fi".utf8).withUnsafeBufferPointer { builder.appendText($0) }
    builder.appendCluster(bytes: 2, glyphs: 1)
    builder.appendGlyph(400, x: 5 * 1024, y: -512)
    builder.appendMissingGlyph(x: 9 * 1024, width: 2048, size: 10)
    builder.endRun(font: 2, color: 0, backward: true)
    let runs = builder.finish()
    #expect(runs.count == 2)
    #expect(runs.text == "afi")
    #expect(runs.clusterMap == .pairs)
    let second = runs.run(1)
    #expect(second.font == 2 && second.color == 0 && second.backward)
    #expect(second.glyphs == 1..<2 && second.text == 1..<3 && second.clusters == 1..<2)
    #expect(runs.cluster(1) == (bytes: 2, glyphs: 1))
    var x: Int32 = 0
    var seen: [(UInt32, Double, Double)] = []
    for i in 0..<runs.count {
      runs.forEachGlyph(in: runs.run(i), x: &x) { seen.append(($0, $1, $2)) }
    }
    #expect(seen.map(\.0) == [36, 400])
    #expect(seen.map(\.1) == [0, 5])
    #expect(seen.map(\.2) == [0, -0.5])
    #expect(
      runs.missingGlyphs.count == 1 && runs.missingGlyphs[0].x == 9
        && runs.missingGlyphs[0].width == 2)
    #expect(runs.missingGlyphSize == 10)
  }

  @Test func plainTextNeedsNoClusterPairs() {
    var builder = GlyphRuns.Builder()
    Array("ab".utf8).withUnsafeBufferPointer { builder.appendText($0) }
    builder.appendCluster(bytes: 1, glyphs: 1)
    builder.appendCluster(bytes: 1, glyphs: 1)
    builder.appendGlyph(1, x: 0, y: 0)
    builder.appendGlyph(2, x: 600, y: 0)
    builder.endRun(font: 0, color: 0, backward: false)
    let runs = builder.finish()
    #expect(runs.clusterMap == .oneToOne)
    #expect(runs.text == "ab")
  }
}
