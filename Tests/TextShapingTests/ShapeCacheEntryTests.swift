import Storage
import Testing

@testable import TextShaping

/// An entry's framing: what it holds reads back, and damage to its payload or checksum is a miss.
@Suite struct ShapeCacheEntryTests {
  let key = (0..<SHA256.size).map { UInt8($0) }
  let payload = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37) }

  private func entry() -> [UInt8] {
    var bytes: [UInt8] = []
    ShapeCacheEntry.append(key: key, to: &bytes) { $0.raw(payload) }
    return bytes
  }

  @Test func anEntryReadsBackItsPayload() throws {
    let bytes = entry()
    #expect(bytes.count == ShapeCacheEntry.headerSize + payload.count + CRC32.size)
    let range = try #require(
      bytes.withUnsafeBytes { ShapeCacheEntry.payloadRange(in: $0, key: key) })
    #expect(Array(bytes[range]) == payload)
    var other = key
    other[0] ^= 1
    #expect(bytes.withUnsafeBytes { ShapeCacheEntry.payloadRange(in: $0, key: other) } == nil)
  }

  /// CRC-32 catches every single-bit error and every burst up to 32 bits: each is a miss.
  @Test func everyFlippedBitOfPayloadOrChecksumIsAMiss() {
    let intact = entry()
    for byte in ShapeCacheEntry.headerSize..<intact.count {
      for bit in 0..<8 {
        var damaged = intact
        damaged[byte] ^= 1 << bit
        #expect(
          damaged.withUnsafeBytes { ShapeCacheEntry.payloadRange(in: $0, key: key) } == nil,
          "bit \(bit) of byte \(byte)")
      }
    }
    // A stretch of four bytes overwritten with zeros.
    for start in stride(from: ShapeCacheEntry.headerSize, to: intact.count - 4, by: 7) {
      var damaged = intact
      damaged.replaceSubrange(start..<start + 4, with: [0, 0, 0, 0])
      guard damaged != intact else { continue }
      #expect(damaged.withUnsafeBytes { ShapeCacheEntry.payloadRange(in: $0, key: key) } == nil)
    }
  }
}
