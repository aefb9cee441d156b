import Frames
import Geometry
import Testing

@testable import TextShaping

/// How the shape cache's keys write a link target: as the strings targets used to be, so keys made
/// before `LinkTarget` stay valid.
@Suite struct LinkTargetCodingTests {
  @Test func anAnchorIsWrittenWithAHashAndAURIAsItIs() {
    let targets: [(LinkTarget, String)] = [
      (.anchor("sec-summary"), "#sec-summary"),
      (.uri("https://example.org/a#b"), "https://example.org/a#b"),
    ]
    for (target, text) in targets {
      #expect(target.storedText == text)
    }
  }

  @Test func aRunsLinkIsEncodedInTheCacheKeyAsItsText() {
    let font = FontSpec(family: "DejaVu Serif", size: 10)
    let spec = ParagraphSpec(
      runs: [TextRun("see", font: font, link: .anchor("sec-x"))], width: 100, leading: 1.2)
    var written = ByteWriter()
    spec.encode(into: &written)
    var expected = ByteWriter()
    expected.optionalText("#sec-x")
    #expect(written.bytes.firstRange(of: expected.bytes) != nil)
  }
}
