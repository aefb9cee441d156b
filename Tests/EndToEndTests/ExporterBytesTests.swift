import Foundation
import Geometry
import Pagination
import Rendering
import Testing

/// Exporters' bytes depend on the page alone: a PDF written while releasing each page once drawn (how
/// a run frees a long document's lines as it writes) is the same as one written keeping them, and an
/// SVG page is the same however many cairo surfaces came before it (pages are written concurrently).
@Suite struct ExporterBytesTests {
    func pages() -> [Page] {
        (0..<3).map { i in
            var frame = Frame(size: Size(width: 200, height: 100))
            frame.push(.shape(.rect(Rect(x: 10 + Double(i) * 20, y: 10, width: 30, height: 40), fill: .black)), at: .zero)
            return Page(size: Size(width: 200, height: 100), frame: frame)
        }
    }

    @Test func releasingPagesChangesNoByte() throws {
        let dir = try temporaryDirectory("pmreport-release")
        let info = DocumentInfo(title: "t", author: "a", subject: "s", keywords: [], creator: "c",
                                date: Date(timeIntervalSince1970: 1_700_000_000))
        var kept = pages(), released = pages()
        try PDFExporter.write(&kept, releasingDrawnPages: false, info: info, outline: [], to: dir + "/kept.pdf")
        try PDFExporter.write(&released, releasingDrawnPages: true, info: info, outline: [], to: dir + "/released.pdf")
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/kept.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/released.pdf"))
        #expect(!a.isEmpty && a == b)
        #expect(kept.allSatisfy { !$0.frame.items.isEmpty })
        #expect(released.allSatisfy { $0.frame.items.isEmpty && $0.size.width == 200 })
    }

    @Test func anSVGPageIsTheSameWhateverWasDrawnBefore() throws {
        let dir = try temporaryDirectory("pmreport-svg-ids")
        let page = pages()[0]
        try SinglePageExporter.writeSVG(page, to: dir + "/first.svg")
        // Surfaces made in between move cairo's process-wide surface counter on.
        for other in pages() { try SinglePageExporter.writeSVG(other, to: dir + "/other.svg") }
        _ = try PNGExporter.write(pages(), dpi: 30, toDirectory: dir + "/png")
        try SinglePageExporter.writeSVG(page, to: dir + "/again.svg")
        let first = try String(contentsOfFile: dir + "/first.svg", encoding: .utf8)
        let again = try String(contentsOfFile: dir + "/again.svg", encoding: .utf8)
        #expect(first == again)
        #expect(first.contains("<g id=\"surface1\""))
    }
}
