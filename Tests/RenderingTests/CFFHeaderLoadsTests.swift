import Foundation
import Frames
import Geometry
import Testing

@testable import Rendering

/// cairo's first look at a CFF font, read as the start of its `CFF ` table alone, changes no byte:
/// a page set in Noto Sans CJK (a 16 MB table) is the same PDF with the loads cut short and
/// without, and with them on the loads were cut.
///
/// Serialized: the switch is the whole process's.
@Suite(.serialized) struct CFFHeaderLoadsTests {
  static let font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

  /// A page with one line of glyphs of the CJK font (their ids picked, text beside them).
  static func document() -> RenderDocument {
    let face = FontFace(
      pattern: "Noto Sans CJK JP:file=\(font):index=0", fontMatrix: [30, 0, 0, 30, 0, 0],
      deviceMatrix: [1, 0, 0, 1, 0, 0], options: [0, 0, 0, 0])
    var builder = GlyphRuns.Builder()
    let text = Array("王芳李伟".utf8)
    text.withUnsafeBufferPointer { builder.appendText($0) }
    for (i, id) in [13_000, 21_000, 17_500, 9_800].enumerated() {
      builder.appendCluster(bytes: 3, glyphs: 1)
      builder.appendGlyph(UInt32(id), x: Int32(i * 30 * 1024), y: 0)
    }
    builder.endRun(font: 0, color: 0, backward: false)
    let line = ShapedLine(width: 120, height: 36, baseline: 30, glyphs: builder.finish())
    var frame = Frame(size: Size(width: 400, height: 200))
    frame.push(.text(line, .black), at: Point(x: 20, y: 40))
    let info = DocumentInfo(
      title: "cff", author: "a", subject: "s", keywords: [], creator: "c",
      date: "2023-11-14T22:13:20Z")
    return RenderDocument(
      pages: [Page(size: Size(width: 400, height: 200), frame: frame)],
      palette: GlyphPalette(fonts: [face], colors: [.black]), info: info)
  }

  /// The file's bytes for the page, written to `dir`/`name`.
  static func written(to dir: String, _ name: String) throws -> Data {
    var document = Self.document()
    _ = try PDFExporter().write(&document, to: .file(dir + "/" + name), releasingPages: true)
    return try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
  }

  @Test func cuttingTheFirstLoadShortChangesNoByte() throws {
    try #require(FileManager.default.fileExists(atPath: Self.font), "fonts-noto-cjk")
    let dir = try temporaryDirectory("pmreport-cff-loads")
    CFFHeaderLoads.isOn = false
    defer { CFFHeaderLoads.isOn = true }
    let before = CFFHeaderLoads.cut
    let whole = try Self.written(to: dir, "whole.pdf")
    #expect(CFFHeaderLoads.cut == before, "off: no load cut")
    CFFHeaderLoads.isOn = true
    let cut = try Self.written(to: dir, "cut.pdf")
    #expect(CFFHeaderLoads.cut > before, "on: cairo's first load of the table was cut short")
    #expect(cut == whole)
    #expect(String(decoding: cut, as: UTF8.self).contains("/CIDFontType0C"))
  }
}
