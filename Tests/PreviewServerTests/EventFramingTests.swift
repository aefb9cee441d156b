import Foundation
import Testing

@testable import PreviewServer

/// Every server-sent event the preview sends (a build's, a pushed band's) is framed by one
/// helper: its name, one `data:` line a part, and the blank line that ends it.
struct EventFramingTests {
  @Test func anEventHasItsNameEachDataLineAndABlankLine() {
    let bytes = EventBytes.event(
      named: "raster", data: [Data("{\"a\":1}".utf8), Data("QUJD".utf8)])
    #expect(
      String(decoding: bytes, as: UTF8.self) == "event: raster\ndata: {\"a\":1}\ndata: QUJD\n\n")
  }

  @Test func aPushedBandWithoutPixelsIsItsHeaderAlone() throws {
    let key = FirstPaints.Key(document: "d", page: 1, version: "v", width: 10)
    let text = String(decoding: PushedBand(key, drawn: nil).bytes, as: UTF8.self)
    #expect(text.hasPrefix("event: raster\ndata: {"))
    #expect(text.hasSuffix("}\n\n"))
    #expect(text.components(separatedBy: "\n").filter { $0.hasPrefix("data: ") }.count == 1)
  }
}
