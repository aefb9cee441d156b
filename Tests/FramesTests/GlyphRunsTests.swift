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

  /// A line of `text` in one run of `glyphs` glyphs with cluster `pairs` (`.pairs` when given).
  private func parts(_ text: String, glyphs: Int, pairs: [UInt32]?) -> GlyphRuns.Parts {
    let bytes = Array(text.utf8)
    let clusters = pairs ?? []
    return GlyphRuns.Parts(
      runCount: 1, clusterMap: pairs == nil ? .oneToOne : .pairs, missingGlyphSize: 0, ys: [],
      missing: [],
      columns: [
        Array(repeating: 36, count: glyphs), Array(repeating: 0, count: glyphs), clusters,
        [0, 0, 0, UInt32(glyphs), UInt32(bytes.count), UInt32(clusters.count)],
      ], text: bytes)
  }

  @Test func clustersThatDoNotCoverTheRunAreRefused() {
    #expect(GlyphRuns(parts: parts("Hello", glyphs: 5, pairs: nil)) != nil)
    #expect(GlyphRuns(parts: parts("Hello", glyphs: 2, pairs: [3, 1, 2, 1])) != nil)
    #expect(GlyphRuns(parts: parts("h\u{E9}", glyphs: 2, pairs: [1, 1, 2, 1])) != nil)
    // One glyph for five bytes one to one: cairo would refuse the clusters.
    #expect(GlyphRuns(parts: parts("Hello", glyphs: 1, pairs: nil)) == nil)
    // One to one over a two-byte character: a cluster that is not whole UTF-8.
    #expect(GlyphRuns(parts: parts("h\u{E9}", glyphs: 3, pairs: nil)) == nil)
    // A pair past Int32 (a trap when drawn), sums that miss the run's text or glyphs, an empty
    // cluster, a cluster splitting a character, half a pair.
    #expect(GlyphRuns(parts: parts("Hello", glyphs: 1, pairs: [0x8000_0000, 1])) == nil)
    #expect(GlyphRuns(parts: parts("Hello", glyphs: 2, pairs: [3, 1, 1, 1])) == nil)
    #expect(GlyphRuns(parts: parts("Hello", glyphs: 2, pairs: [3, 1, 2, 2])) == nil)
    #expect(GlyphRuns(parts: parts("Hello", glyphs: 2, pairs: [3, 1, 2, 1, 0, 0])) == nil)
    #expect(GlyphRuns(parts: parts("h\u{E9}", glyphs: 2, pairs: [2, 1, 1, 1])) == nil)
    var odd = parts("Hello", glyphs: 2, pairs: [3, 1, 2, 1])
    odd.columns[GlyphRuns.Parts.runsColumn][5] = 3
    #expect(GlyphRuns(parts: odd) == nil)
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
