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
}
