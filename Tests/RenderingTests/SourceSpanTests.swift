import Foundation
import Frames
import Geometry
import Testing

@testable import Rendering

/// A frame item's source span is for tools that go back to the content: the painter ignores it, so
/// no output byte depends on it.
@Suite struct SourceSpanTests {
  static func document(source: SourceSpan?) -> RenderDocument {
    var inner = Frame(size: Size(width: 100, height: 20))
    inner.push(.shape(.rect(Rect(x: 0, y: 0, width: 80, height: 10), fill: .black)), at: .zero)
    var frame = Frame(size: Size(width: 200, height: 100))
    frame.push(.tagged(.paragraph, inner, source: source), at: Point(x: 10, y: 10))
    return RenderDocument(
      pages: [Page(size: Size(width: 200, height: 100), frame: frame)], palette: GlyphPalette(),
      info: ExporterBytesTests.info)
  }

  @Test func theSpanChangesNoByteOfAPDFOrAnSVG() throws {
    let dir = try temporaryDirectory("pmreport-source-span")
    let span = SourceSpan(file: "content.md", line: 12)
    for (name, exporter) in [("pdf", PDFExporter()), ("svg", SVGExporter())]
      as [(String, any DocumentExporter)]
    {
      var plain = Self.document(source: nil)
      var spanned = Self.document(source: span)
      _ = try exporter.write(&plain, to: .file(dir + "/plain.\(name)"), releasingPages: false)
      _ = try exporter.write(&spanned, to: .file(dir + "/spanned.\(name)"), releasingPages: false)
      let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/plain.\(name)"))
      let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/spanned.\(name)"))
      #expect(!a.isEmpty && a == b, "\(name)")
    }
  }
}
