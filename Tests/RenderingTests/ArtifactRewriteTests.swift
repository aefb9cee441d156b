import CArtifacts
import Foundation
import Testing

/// The content-stream rewrite behind page furniture as artifacts: qpdf's tokenizer finds cairo's
/// `/Private <</MCID n>> BDC` openings, and only those.
@Suite struct ArtifactRewriteTests {
  /// The rewritten content and the number of openings rewritten; nil when the rewrite failed.
  func rewrite(_ content: String, expected: Int = 0) -> (text: String, count: Int)? {
    let bytes = Array(content.utf8).map { CChar(bitPattern: $0) }
    var out: UnsafeMutablePointer<CChar>?
    var length = 0
    var count = 0
    var error = [CChar](repeating: 0, count: 128)
    let status = pmreport_rewrite_artifacts(
      bytes, bytes.count, expected, 0, &out, &length, &count, &error, error.count)
    guard status == 0, let out else { return nil }
    defer { free(out) }
    let text = String(
      decoding: UnsafeBufferPointer(start: out, count: length).map { UInt8(bitPattern: $0) },
      as: UTF8.self)
    return (text, count)
  }

  @Test func furnitureOpeningsBecomeArtifacts() throws {
    let content =
      "/P <</MCID 0>> BDC BT (body) Tj ET EMC\n/Private <</MCID 1>> BDC 0 0 10 10 re f EMC\n"
      + "/Private<</MCID 22>>BDC BT (page 1 of 2) Tj ET EMC"
    let result = try #require(rewrite(content))
    #expect(result.count == 2)
    #expect(
      result.text
        == "/P <</MCID 0>> BDC BT (body) Tj ET EMC\n/Artifact BMC 0 0 10 10 re f EMC\n"
        + "/Artifact BMC BT (page 1 of 2) Tj ET EMC")
  }

  @Test func readingStopsAfterTheExpectedOpeningsAndCopiesTheRest() throws {
    let content = "/Private <</MCID 0>> BDC EMC BT (x) Tj ET /Private <</MCID 1>> BDC EMC"
    let first = try #require(rewrite(content, expected: 1))
    #expect(first.count == 1)
    #expect(first.text == "/Artifact BMC EMC BT (x) Tj ET /Private <</MCID 1>> BDC EMC")
    let all = try #require(rewrite(content, expected: 2))
    #expect(all.text == "/Artifact BMC EMC BT (x) Tj ET /Artifact BMC EMC")
  }

  @Test func textThatLooksLikeAnOpeningIsLeftAlone() throws {
    // A string shown on the page, a comment, and a Private tag with other properties.
    let content =
      "BT (/Private <</MCID 3>> BDC) Tj ET % /Private <</MCID 4>> BDC\n"
      + "/Private <</Lang (en)>> BDC EMC"
    let result = try #require(rewrite(content))
    #expect(result.count == 0)
    #expect(result.text == content)
  }

  @Test func whatIsNotAnOpeningIsCopiedByteForByte() throws {
    // Comments, runs of white space of every kind, and text after the last opening: the rewrite
    // copies them from the content as they are, only the opening itself changes.
    let opening = "/Private\t<<  /MCID 7 >>\n\nBDC"
    let around = [
      "q % a comment\r\n  ",
      "  \t0 g EMC\r% /Private <</MCID 8>> BDC\n BT [(a) -20 (b)] TJ ET \n\n",
    ]
    let rewritten = try #require(rewrite(around.joined(separator: opening)))
    #expect(rewritten.text == around.joined(separator: "/Artifact BMC"))
    #expect(rewritten.count == 1)
  }

  @Test func theRewrittenContentIsCompressedForTheFile() throws {
    let bytes = Array("/Private <</MCID 1>> BDC EMC".utf8).map { CChar(bitPattern: $0) }
    var out: UnsafeMutablePointer<CChar>?
    var length = 0
    var count = 0
    var error = [CChar](repeating: 0, count: 128)
    let status = pmreport_rewrite_artifacts(
      bytes, bytes.count, 1, 1, &out, &length, &count, &error, error.count)
    defer { free(out) }
    #expect(status == 0 && count == 1)
    // A zlib stream: its header's first byte is 0x78.
    #expect(length > 2 && out.map { UInt8(bitPattern: $0[0]) } == 0x78)
  }

  @Test func anInlineImageIsCopiedWhole() throws {
    let content = "BI /W 1 /H 1 /BPC 8 /CS /G ID \u{01}\nEI /Private <</MCID 5>> BDC EMC"
    let result = try #require(rewrite(content))
    #expect(result.count == 1)
    #expect(result.text.hasSuffix("EI /Artifact BMC EMC"))
  }
}
