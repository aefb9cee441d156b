import Foundation
import Frames
import Geometry
import Testing

@testable import Rendering

/// The memo of cairo's compressed streams changes no byte: a PDF written with it, the first time
/// (its streams compressed by libz in one call, not in cairo's 16 KB pieces) and again (answered
/// from the memo), is the PDF written without it; so is one whose page content is too long to be
/// held (compressed as it comes once it passes the limit).
///
/// Serialized: the memo is turned off and on for the whole process.
@Suite(.serialized) struct DeflateMemoTests {
  /// A page of `count` rectangles at distinct places: its content stream about 30 bytes each.
  static func document(rectangles count: Int) -> RenderDocument {
    var frame = Frame(size: Size(width: 600, height: 800))
    for i in 0..<count {
      let x = Double(i % 97) * 6 + Double(i % 7) * 0.125
      let y = Double(i / 97 % 130) * 6 + Double(i % 11) * 0.25
      frame.push(
        .shape(
          .rect(Rect(x: x, y: y, width: 3.5, height: 2.5), fill: i % 3 == 0 ? .black : .white)),
        at: .zero)
    }
    let info = DocumentInfo(
      title: "memo", author: "a", subject: "s", keywords: [], creator: "c",
      date: "2023-11-14T22:13:20Z")
    return RenderDocument(
      pages: [Page(size: Size(width: 600, height: 800), frame: frame)], palette: GlyphPalette(),
      info: info)
  }

  /// The file's bytes for `document` written to `dir`/`name`.
  static func written(_ count: Int, to dir: String, _ name: String) throws -> Data {
    var document = Self.document(rectangles: count)
    _ = try PDFExporter().write(&document, to: .file(dir + "/" + name), releasingPages: true)
    return try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
  }

  /// The size of the file at `path` with its streams uncompressed (by the `qpdf` program).
  static func uncompressedSize(_ path: String) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
    process.arguments = ["--stream-data=uncompress", path, path + ".plain"]
    try process.run()
    process.waitUntilExit()
    return try Data(contentsOf: URL(fileURLWithPath: path + ".plain")).count
  }

  /// The same bytes with the memo off, on, and answered from it.
  ///
  /// 1,000 rectangles: a page content held whole, then answered from the memo; 12,000: past the
  /// limit (64 KB), compressed as it comes.
  @Test(arguments: [(1_000, true), (12_000, false)])
  func theMemoChangesNoByte(rectangles: Int, held: Bool) throws {
    let dir = try temporaryDirectory("pmreport-deflate-memo")
    _ = DeflateMemo.on
    DeflateMemo.set(false)
    defer { DeflateMemo.set(true) }
    let plain = try Self.written(rectangles, to: dir, "plain.pdf")
    DeflateMemo.set(true)
    let first = try Self.written(rectangles, to: dir, "first.pdf")
    let hits = DeflateMemo.hits
    let again = try Self.written(rectangles, to: dir, "again.pdf")
    // This thread's answers: other suites' PDFs, drawn meanwhile, may push the page's entry out
    // of the memo's few; written again, it is back.
    var answered = DeflateMemo.hits > hits
    for attempt in 0..<3 where held && !answered {
      #expect(try Self.written(rectangles, to: dir, "again-\(attempt).pdf") == plain)
      answered = DeflateMemo.hits > hits
    }
    let content = try Self.uncompressedSize(dir + "/plain.pdf")
    #expect(content > 16_384, "cairo gives libz its page in several pieces")
    #expect(content > 64 * 1024 ? !held : held, "the page is held, or too long to be held")
    #expect(first == plain)
    #expect(again == plain)
    if held { #expect(answered, "the second file's page comes from the memo") }
  }
}
