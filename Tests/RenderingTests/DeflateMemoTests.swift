import CCairo
import CDeflate
import CZlib
import Foundation
import Testing

@testable import Rendering

/// The memo of cairo's compressed streams: a page held whole is compressed by libdeflate in one
/// call (zlib's format, cairo's level), the same bytes the first time and when answered from the
/// memo; a page too long to be held is compressed by libz as it comes.
///
/// The memo stays on (other suites draw PDFs meanwhile, whose bytes depend on it); each side is
/// compared with each library's own output of the page's decoded content.
@Suite struct DeflateMemoTests {
  /// A PDF of one page of `count` rectangles at distinct places (its content stream about 30
  /// bytes each) drawn by cairo alone at `path`: its streams are cairo's, as the memo made them
  /// (the finisher rewrites a document's page content).
  static func drawn(rectangles count: Int, at path: String) {
    let surface = cairo_pdf_surface_create(path, 600, 800)
    let cr = cairo_create(surface)
    for i in 0..<count {
      let x = Double(i % 97) * 6 + Double(i % 7) * 0.125
      let y = Double(i / 97 % 130) * 6 + Double(i % 11) * 0.25
      cairo_rectangle(cr, x, y, 3.5, 2.5)
      cairo_set_source_rgb(cr, 0, 0, i % 3 == 0 ? 0 : 1)
      cairo_fill(cr)
    }
    cairo_show_page(cr)
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    cairo_surface_destroy(surface)
  }

  /// A page content stream of the PDF at `path`, as `qpdf` gives it: its bytes as stored
  /// (`raw`) and decoded (the first page's only content stream; cairo writes one).
  static func pageContent(_ path: String) throws -> (raw: Data, decoded: Data) {
    let pages = String(decoding: try toolOutput("qpdf", ["--show-pages", path]), as: UTF8.self)
    let lines = pages.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let index = try #require(lines.firstIndex(of: "content:"))
    let object = try #require(lines[index + 1].split(separator: " ").first)
    return (
      try toolOutput("qpdf", ["--show-object=\(object)", "--raw-stream-data", path]),
      try toolOutput("qpdf", ["--show-object=\(object)", "--filtered-stream-data", path])
    )
  }

  /// `bytes` compressed in zlib's format at level 6 by libdeflate (`whole`) or by libz.
  static func compressed(_ bytes: Data, whole: Bool) -> Data {
    bytes.withUnsafeBytes { input -> Data in
      if whole {
        let compressor = libdeflate_alloc_compressor(6)
        defer { libdeflate_free_compressor(compressor) }
        var output = Data(count: libdeflate_zlib_compress_bound(compressor, input.count))
        let count = output.withUnsafeMutableBytes {
          libdeflate_zlib_compress(
            compressor, input.baseAddress, input.count, $0.baseAddress, $0.count)
        }
        return output.prefix(count)
      }
      var count = compressBound(uLong(input.count))
      var output = Data(count: Int(count))
      let status = output.withUnsafeMutableBytes {
        compress2(
          $0.baseAddress?.assumingMemoryBound(to: Bytef.self), &count,
          input.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(input.count), 6)
      }
      return status == Z_OK ? output.prefix(Int(count)) : Data()
    }
  }

  /// The page's stream as libdeflate makes it when held, as libz does when too long to be held,
  /// and answered from the memo (the same bytes).
  ///
  /// 1,000 rectangles: a page content held whole, then answered from the memo; 24,000: past the
  /// limit (512 KB), compressed as it comes.
  @Test(arguments: [(1_000, true), (24_000, false)])
  func aHeldPageIsCompressedWholeByLibdeflate(rectangles: Int, held: Bool) throws {
    let dir = try temporaryDirectory("pmreport-deflate-memo")
    _ = DeflateMemo.on
    Self.drawn(rectangles: rectangles, at: dir + "/first.pdf")
    let hits = DeflateMemo.hits
    Self.drawn(rectangles: rectangles, at: dir + "/again.pdf")
    // This thread's answers: other suites' PDFs, drawn meanwhile, may push the page's entry out
    // of the memo's few; drawn again, it is back.
    var answered = DeflateMemo.hits > hits
    for attempt in 0..<3 where held && !answered {
      Self.drawn(rectangles: rectangles, at: dir + "/again-\(attempt).pdf")
      answered = DeflateMemo.hits > hits
    }
    let first = try Self.pageContent(dir + "/first.pdf")
    let again = try Self.pageContent(dir + "/again.pdf")
    // Compared as one truth each: a failed comparison of two long byte strings is not printed.
    #expect(first.decoded.count > 16_384, "cairo gives libz its page in several pieces")
    #expect(first.decoded.count > 512 * 1024 ? !held : held, "the page is held, or too long")
    let made = Self.compressed(first.decoded, whole: held)
    #expect(first.raw == made ? true : false, held ? "libdeflate's" : "libz's")
    #expect(again.raw == first.raw ? true : false, "the same bytes again")
    if held { #expect(answered, "the second file's page comes from the memo") }
  }
}
