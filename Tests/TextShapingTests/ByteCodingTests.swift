import Frames
import Testing

@testable import TextShaping

/// Narrow numbers (the shape cache's glyph columns) read back as written, in each width, and a
/// damaged width or count is an error, never a crash.
@Suite struct ByteCodingTests {
  @Test(
    arguments: [
      ([], 1), ([0, 3, 255], 1), ([256, 0], 2), ([65_535], 2), ([65_536, 1], 4),
      ([UInt32.max, 0, 7], 4),
    ] as [([UInt32], Int)])
  func narrowNumbersRoundTrip(numbers: [UInt32], width: Int) throws {
    var w = ByteWriter()
    w.narrowNumbers(numbers)
    #expect(w.bytes.count == 1 + 4 + width * numbers.count)
    let (read, atEnd) = try w.bytes.withUnsafeBytes { raw throws -> ([UInt32], Bool) in
      var r = ByteReader(bytes: raw)
      return (try r.narrowNumbers(), r.atEnd)
    }
    #expect(read == numbers)
    #expect(atEnd)
  }

  @Test func aBadWidthOrCountThrows() {
    var w = ByteWriter()
    w.narrowNumbers([1, 2, 300])
    var badWidth = w.bytes
    badWidth[0] = 3
    var longCount = w.bytes
    longCount[1] = 4
    for bytes in [badWidth, longCount, Array(w.bytes.dropLast())] {
      bytes.withUnsafeBytes { raw in
        var r = ByteReader(bytes: raw)
        #expect(throws: ByteReader.Bad.self) { try r.narrowNumbers() }
      }
    }
  }

  /// The cache writes a line's glyph columns as they are packed (``GlyphRuns/storedColumn(_:)``):
  /// the same bytes ``ByteWriter/narrowNumbers(_:)`` writes for the widened column, in every width
  /// (glyph ids past 255 and 65,535, steps, cluster pairs).
  @Test(arguments: [[3, 70], [300, 2], [70_000, 5]] as [[UInt32]])
  func aStoredColumnIsWhatNarrowNumbersWrites(ids: [UInt32]) throws {
    var builder = GlyphRuns.Builder()
    builder.appendText(UInt8(ascii: "a"))
    builder.appendCluster(bytes: 1, glyphs: 2)
    builder.appendGlyph(ids[0], x: 0, y: 0)
    builder.appendGlyph(ids[1], x: 700, y: 0)
    builder.endRun(font: 0, color: 0, backward: false)
    let glyphs = builder.finish()
    let parts = glyphs.parts
    for column in 0..<GlyphRuns.Parts.runsColumn {
      var widened = ByteWriter()
      widened.narrowNumbers(parts.columns[column])
      let stored = glyphs.storedColumn(column)
      var packed = ByteWriter()
      packed.u8(UInt8(stored.width))
      packed.u32(UInt32(stored.count))
      packed.raw(stored.bytes)
      #expect(packed.bytes == widened.bytes)
    }
    #expect(glyphs.runNumbers == parts.columns[GlyphRuns.Parts.runsColumn])
    #expect(Array(glyphs.utf8) == parts.text)
  }
}
