import Foundation
import Geometry
import Pagination
import Rendering
import Testing

/// Writing a PDF while releasing each page once drawn (how a run frees a long document's lines as it
/// writes) gives the same bytes as keeping the pages, and leaves the pages empty.
@Suite struct PDFReleaseTests {
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
}
