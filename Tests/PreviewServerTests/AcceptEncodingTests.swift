import Testing

@testable import PreviewServer

/// `Accept-Encoding`: a coding is taken when named with a weight above zero.
@Suite struct AcceptEncodingTests {
  @Test func aCodingIsTakenWhenNamedWithANonzeroWeight() {
    for header in ["gzip, deflate, br, zstd", "ZSTD", "br;q=1, zstd ; q=0.5", "zstd;Q=0.001"] {
      #expect(AcceptEncoding.takes("zstd", in: header), "\(header)")
    }
    for header in [
      nil, "", "gzip, br", "zstd;q=0", "zstd; q=0.0", "gzip, zstd;q=0, br", "zstdx", "zstd;q=x",
    ] {
      #expect(!AcceptEncoding.takes("zstd", in: header), "\(header ?? "nil")")
    }
  }
}
