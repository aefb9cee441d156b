import Testing

@testable import Storage

/// The one SHA-256 gives the standard's digests (FIPS 180-2's examples), whole or in pieces.
@Suite struct SHA256Tests {
  @Test func knownVectors() {
    #expect(
      hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func piecesGiveTheDigestOfTheWhole() {
    let hasher = SHA256()
    for piece in ["a", "", "bc"] { hasher.update(Array(piece.utf8)) }
    let bytes = hasher.digest()
    #expect(bytes.count == SHA256.size)
    #expect(bytes == Array("abc".utf8).withUnsafeBytes { SHA256.digest($0) })
    #expect(bytes.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
  }

  @Test func aCopyGoesOnFromWhatWasHashedAndLeavesTheOriginal() {
    let prefix = SHA256()
    prefix.update(Array("ab".utf8))
    let first = prefix.copy()
    first.update(Array("c".utf8))
    let second = prefix.copy()
    second.update(Array("d".utf8))
    #expect(first.digest() == Array("abc".utf8).withUnsafeBytes { SHA256.digest($0) })
    #expect(second.digest() == Array("abd".utf8).withUnsafeBytes { SHA256.digest($0) })
    #expect(prefix.digest() == Array("ab".utf8).withUnsafeBytes { SHA256.digest($0) })
  }

  private func hex(of text: String) -> String {
    let hasher = SHA256()
    hasher.update(Array(text.utf8))
    return hasher.hexDigest()
  }
}
