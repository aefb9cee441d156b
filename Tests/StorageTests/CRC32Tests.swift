import Testing

@testable import Storage

/// The shape cache's checksum is the standard CRC-32 (zip's and PNG's), not something of its own.
@Suite struct CRC32Tests {
  @Test func knownVectors() {
    #expect(checksum("") == 0)
    // The check value of CRC-32/ISO-HDLC.
    #expect(checksum("123456789") == 0xCBF4_3926)
    #expect(checksum("The quick brown fox jumps over the lazy dog") == 0x414F_A339)
  }

  private func checksum(_ text: String) -> UInt32 {
    Array(text.utf8).withUnsafeBytes { CRC32.checksum($0) }
  }
}
