import Foundation
import Frames
import Geometry
import Testing

@testable import Rendering

/// SVG files carry a `<title>` and `<desc>` right after the root start tag (cairo writes neither),
/// and a standalone picture says it is one.
@Suite struct SVGLabelTests {
  static func write(_ labels: [SVGLabel], pages: Int, to target: (String) -> OutputTarget)
    throws -> String
  {
    let dir = try temporaryDirectory("pmreport-svg-label")
    var doc = ExporterBytesTests.document(pages: pages)
    doc.svgLabels = labels
    _ = try SVGExporter().write(&doc, to: target(dir), releasingPages: false)
    return dir
  }

  static func xmllint(_ path: String) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["xmllint", "--noout", path]
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus
  }

  @Test func aPictureGetsTitleDescriptionAndRole() throws {
    let label = SVGLabel(
      title: "Scores & \"weights\" <0–5>", description: "A: 1; B\u{1}: 2.", isImage: true)
    let dir = try Self.write([label], pages: 1) { .file($0 + "/chart.svg") }
    let svg = try String(contentsOfFile: dir + "/chart.svg", encoding: .utf8)
    let root = try #require(svg.range(of: "<svg")).lowerBound
    let tagEnd = try #require(svg[root...].firstIndex(of: ">"))
    let tag = svg[root...tagEnd]
    #expect(tag.hasSuffix(" role=\"img\" aria-labelledby=\"pmreport-title pmreport-desc\">"))
    #expect(
      svg[svg.index(after: tagEnd)...].hasPrefix(
        "\n<title id=\"pmreport-title\">Scores &amp; &quot;weights&quot; &lt;0–5&gt;</title>"
          + "\n<desc id=\"pmreport-desc\">A: 1; B: 2.</desc>\n"))
    #expect(svg.contains("<g id=\"surface1\""))
    #expect(try Self.xmllint(dir + "/chart.svg") == 0)
  }

  @Test func pagesGetTheirOwnTitleAndNoRole() throws {
    let labels = [
      SVGLabel(title: "Doc — page 1 of 2"),
      SVGLabel(title: "Doc — page 2 of 2", description: "Key differences"),
    ]
    let dir = try Self.write(labels, pages: 2) { .pageFolder($0 + "/svg") }
    let first = try String(contentsOfFile: dir + "/svg/page-001.svg", encoding: .utf8)
    let second = try String(contentsOfFile: dir + "/svg/page-002.svg", encoding: .utf8)
    #expect(first.contains("<title id=\"pmreport-title\">Doc — page 1 of 2</title>\n<"))
    #expect(!first.contains("<desc") && !first.contains("role="))
    #expect(second.contains("<desc id=\"pmreport-desc\">Key differences</desc>"))
    for name in ["page-001.svg", "page-002.svg"] {
      #expect(try Self.xmllint(dir + "/svg/" + name) == 0)
    }
  }

  @Test func aPageWithoutALabelIsTitledWithTheDocument() throws {
    let dir = try Self.write([], pages: 1) { .file($0 + "/one.svg") }
    let svg = try String(contentsOfFile: dir + "/one.svg", encoding: .utf8)
    #expect(svg.contains("<title id=\"pmreport-title\">t</title>"))
  }

  @Test func aTitleSayingSurfaceLeavesThePageGroupNumbered() throws {
    let dir = try Self.write(
      [SVGLabel(title: "surface id=\"surface9\"")], pages: 1
    ) { .file($0 + "/s.svg") }
    let svg = try String(contentsOfFile: dir + "/s.svg", encoding: .utf8)
    #expect(svg.contains("<g id=\"surface1\""))
  }

  @Test func noRootTagLeavesTheBytesAlone() {
    let bytes = Array("<?xml version=\"1.0\"?><x/>".utf8)
    #expect(SVGExporter.labelled(bytes, SVGLabel(title: "t")) == bytes)
    let quoted = Array("<svg a=\"x>y\" b='>'>\n<g/></svg>".utf8)
    #expect(
      String(decoding: SVGExporter.labelled(quoted, SVGLabel(title: "t")), as: UTF8.self)
        == "<svg a=\"x>y\" b='>'>\n<title id=\"pmreport-title\">t</title>\n<g/></svg>")
  }
}
