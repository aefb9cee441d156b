import Foundation
import Frames
import Geometry
import Testing

@testable import Rendering

/// Exporters' bytes depend on the page alone: a PDF written while releasing each page once drawn (how
/// a run frees a long document's lines as it writes) is the same as one written keeping them, and an
/// SVG page is the same however many cairo surfaces came before it (pages are written concurrently).
@Suite struct ExporterBytesTests {
  static let info = DocumentInfo(
    title: "t", author: "a", subject: "s", keywords: [], creator: "c",
    date: "2023-11-14T22:13:20Z")

  static func document(pages count: Int = 3) -> RenderDocument {
    let pages = (0..<count).map { i in
      var frame = Frame(size: Size(width: 200, height: 100))
      frame.push(
        .shape(.rect(Rect(x: 10 + Double(i) * 20, y: 10, width: 30, height: 40), fill: .black)),
        at: .zero)
      return Page(size: Size(width: 200, height: 100), frame: frame)
    }
    return RenderDocument(pages: pages, palette: GlyphPalette(), info: info)
  }

  @Test func releasingPagesChangesNoByte() throws {
    let dir = try temporaryDirectory("pmreport-release")
    var kept = Self.document()
    var released = Self.document()
    let a = try PDFExporter().write(&kept, to: .file(dir + "/kept.pdf"), releasingPages: false)
    let b = try PDFExporter().write(
      &released, to: .file(dir + "/released.pdf"), releasingPages: true)
    let keptBytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/kept.pdf"))
    let releasedBytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/released.pdf"))
    #expect(!keptBytes.isEmpty && keptBytes == releasedBytes)
    #expect(a[0].sha256 == b[0].sha256 && a[0].bytes == keptBytes.count && a[0].pages == 3)
    #expect(kept.pages.allSatisfy { !$0.frame.items.isEmpty })
    #expect(released.pages.allSatisfy { $0.frame.items.isEmpty && $0.size.width == 200 })
  }

  /// A long document's PDF goes from cairo to qpdf through scratch files, a short one's through
  /// memory: the bytes are the same, and no scratch file stays.
  @Test func aPDFThroughScratchFilesIsThePDFThroughMemory() throws {
    let dir = try temporaryDirectory("pmreport-routes")
    var inMemory = Self.document()
    var throughFiles = Self.document()
    let a = try PDFExporter().write(&inMemory, to: .file(dir + "/memory.pdf"), releasingPages: true)
    let b = try PDFExporter(inMemoryLimit: 100).write(
      &throughFiles, to: .file(dir + "/files.pdf"), releasingPages: true)
    let memoryBytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/memory.pdf"))
    #expect(memoryBytes.count > 100, "the small limit leaves nothing in memory")
    #expect(memoryBytes == (try Data(contentsOf: URL(fileURLWithPath: dir + "/files.pdf"))))
    #expect(a[0].sha256 == b[0].sha256)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
        "files.pdf", "memory.pdf",
      ])
  }

  @Test func anSVGPageIsTheSameWhateverWasDrawnBefore() throws {
    let dir = try temporaryDirectory("pmreport-svg-ids")
    var one = Self.document(pages: 1)
    _ = try SVGExporter().write(&one, to: .file(dir + "/first.svg"), releasingPages: false)
    // Surfaces made in between move cairo's process-wide surface counter on.
    var three = Self.document()
    _ = try SVGExporter().write(&three, to: .pageFolder(dir + "/svg"), releasingPages: false)
    _ = try PNGExporter(dpi: 30).write(&three, to: .pageFolder(dir + "/png"), releasingPages: false)
    _ = try SVGExporter().write(&one, to: .file(dir + "/again.svg"), releasingPages: false)
    let first = try String(contentsOfFile: dir + "/first.svg", encoding: .utf8)
    let again = try String(contentsOfFile: dir + "/again.svg", encoding: .utf8)
    #expect(first == again)
    #expect(first.contains("<g id=\"surface1\""))
  }

  @Test func pageFoldersHoldOneFileAPageWithItsOwnHash() throws {
    let dir = try temporaryDirectory("pmreport-folder")
    var doc = Self.document()
    let files = try PNGExporter(dpi: 30).write(
      &doc, to: .pageFolder(dir + "/png"), recordedAs: "handout", format: "png",
      releasingPages: false)
    #expect(files.allSatisfy { $0.document == "handout" && $0.format == "png" })
    #expect(
      files.map { ($0.path as NSString).lastPathComponent } == [
        "page-001.png", "page-002.png", "page-003.png",
      ])
    for file in files {
      let data = try Data(contentsOf: URL(fileURLWithPath: file.path))
      #expect(file.bytes == data.count && file.pages == 1)
      #expect(file.sha256 == sha256Hex(file.path))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["png"])
  }

  @Test func aSinglePageTargetRefusesSeveralPages() throws {
    let dir = try temporaryDirectory("pmreport-single")
    var doc = Self.document()
    #expect(throws: RenderError.self) {
      try SVGExporter().write(&doc, to: .file(dir + "/x.svg"), releasingPages: false)
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/x.svg"))
  }
}
