import Foundation
import Frames
import Geometry
import Storage
import Testing

@testable import Rendering

/// A print file drawn as its pages come (a run's merged copies): its bytes reach the file while
/// pages are still being given, and it is a plain print file: no structure tree, links, named
/// destinations, outline or XMP claim, with its metadata and, when asked, its trim and bleed boxes.
@Suite struct PrintPDFStreamTests {
  static let info = DocumentInfo(
    title: "Merged copies", author: "Ann", subject: "s", keywords: [], creator: "c",
    date: "2023-11-14T22:13:20Z")

  /// A page of `marks` small squares at scattered places (so that its content does not compress
  /// to nothing), a link around the first and a named destination with an outline level.
  static func page(_ number: Int, marks: Int = 4) -> Page {
    let size = Size(width: 300, height: 200)
    var frame = Frame(size: size)
    var seed = UInt64(number) &* 0x9E37_79B9_7F4A_7C15 &+ 1
    for _ in 0..<marks {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let x = Double((seed >> 40) % 280)
      let y = Double((seed >> 20) % 180)
      frame.push(.shape(.rect(Rect(x: x, y: y, width: 7, height: 5), fill: .black)), at: .zero)
    }
    var linked = Frame(size: Size(width: 20, height: 10))
    linked.push(.shape(.rect(Rect(x: 0, y: 0, width: 20, height: 10), fill: .black)), at: .zero)
    frame.push(.link(destination: "https://example.org/\(number)", linked), at: .zero)
    frame.push(
      .anchor(Anchor(name: "copy-\(number)", title: "Copy \(number)", outlineLevel: 1)), at: .zero)
    return Page(size: size, frame: frame)
  }

  /// The PDF at `path` with every object written out as text (`qpdf --qdf`), streams uncompressed.
  static func objects(_ path: String) throws -> String {
    let out = try toolOutput("qpdf", ["--qdf", "--object-streams=disable", path, "-"])
    return String(decoding: out, as: UTF8.self)
  }

  /// Each page's boxes as `pdfinfo -box` gives them, spaces collapsed: `Page 1 TrimBox: 20.00 …`.
  static func boxes(_ path: String) throws -> [String] {
    let out = try toolOutput("pdfinfo", ["-box", "-f", "1", "-l", "9", path])
    return String(decoding: out, as: UTF8.self).split(separator: "\n").map {
      $0.split(separator: " ").joined(separator: " ")
    }
  }

  /// The size on disk of the one temporary file (a dot-file) being written in `folder`.
  static func temporarySize(in folder: String) throws -> Int {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasPrefix(".")
    }
    guard names.count == 1 else { return -1 }
    let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + names[0])
    return (attributes[.size] as? Int) ?? -1
  }

  /// The file grows while the pages are given, before the last one: nothing holds the drawn
  /// pages until the end (as cairo writing into memory for a qpdf pass over the whole file did).
  @Test func theFileIsWrittenWhileThePagesAreGiven() throws {
    let dir = try temporaryDirectory("pmreport-print-stream")
    var sizes: [Int] = []
    let files = try PrintPDFStream.write(
      to: dir + "/all.pdf", recordedAs: "test", info: Self.info, palette: GlyphPalette(),
      printBoxes: nil
    ) { stream in
      for number in 0..<300 {
        try stream.draw([Self.page(number, marks: 120)], palette: GlyphPalette(), images: .empty)
        if number % 50 == 49 { sizes.append(try Self.temporarySize(in: dir)) }
      }
    }
    #expect(files.count == 1 && files[0].pages == 300)
    // The checked writer gathers 64 KB before each write(2): by the middle, some are out, and
    // more follow while pages are still given.
    #expect(sizes[2] >= CheckedFile.bufferSize, "\(sizes)")
    #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 <= $1 }, "\(sizes)")
    #expect(sizes[5] > sizes[2], "\(sizes)")
    #expect(files[0].bytes > sizes.last ?? .max)
  }

  /// No structure tree, marked-content flag, links, destinations, outline or XMP: the pages and
  /// the Info dictionary only.
  @Test func aPrintFileHasNoStructureLinksOrOutline() throws {
    let dir = try temporaryDirectory("pmreport-print-plain")
    let files = try PrintPDFStream.write(
      to: dir + "/all.pdf", recordedAs: "test", info: Self.info, palette: GlyphPalette(),
      printBoxes: nil
    ) { stream in
      for number in 0..<3 {
        try stream.draw([Self.page(number)], palette: GlyphPalette(), images: .empty)
      }
    }
    #expect(files[0].pages == 3)
    let text = try Self.objects(dir + "/all.pdf")
    #expect(text.contains("/Title (Merged copies)"))
    #expect(text.components(separatedBy: "/Type /Page\n").count - 1 == 3)
    for key in [
      "/StructTreeRoot", "/MarkInfo", "/Annots", "/Dests", "/Outlines", "/Metadata", "/TrimBox",
    ] {
      #expect(!text.contains(key), "\(key) in the print file")
    }
  }

  /// With crop marks, every page gets its trim and bleed boxes (qpdf over the untagged file),
  /// the same through memory and through a scratch file.
  @Test func printBoxesAreSetOnEveryPage() throws {
    let dir = try temporaryDirectory("pmreport-print-boxes")
    let boxes = PrintBoxes(trim: Rect(x: 20, y: 20, width: 260, height: 160), bleed: 3)
    for (name, limit) in [("memory", PDFExporter.inMemoryLimit), ("files", 100)] {
      _ = try PrintPDFStream.write(
        to: dir + "/\(name).pdf", recordedAs: "test", info: Self.info, palette: GlyphPalette(),
        printBoxes: boxes, inMemoryLimit: limit
      ) { stream in
        try stream.draw([Self.page(1), Self.page(2)], palette: GlyphPalette(), images: .empty)
      }
      let boxes = try Self.boxes(dir + "/\(name).pdf")
      #expect(boxes.filter { $0.hasSuffix("TrimBox: 20.00 20.00 280.00 180.00") }.count == 2)
      #expect(boxes.filter { $0.hasSuffix("BleedBox: 17.00 17.00 283.00 183.00") }.count == 2)
      let text = try Self.objects(dir + "/\(name).pdf")
      #expect(!text.contains("/StructTreeRoot") && !text.contains("/Metadata"))
    }
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: dir + "/memory.pdf"))
        == Data(contentsOf: URL(fileURLWithPath: dir + "/files.pdf")))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
        "files.pdf", "memory.pdf",
      ])
  }

  /// A draw that throws with 160 pages already drawn (written straight into the file, into
  /// memory, or into a scratch file): the error comes out, no temporary or scratch file is left,
  /// and the file a run before wrote at the destination stays as it was.
  @Test func aDrawThatThrowsMidStreamLeavesTheEarlierFile() throws {
    struct Stop: Error {}
    let dir = try temporaryDirectory("pmreport-print-throws")
    let path = dir + "/all.pdf"
    let earlier = Data("the file of an earlier run".utf8)
    try earlier.write(to: URL(fileURLWithPath: path))
    let boxes = PrintBoxes(trim: Rect(x: 20, y: 20, width: 260, height: 160), bleed: 3)
    for (boxes, limit) in [
      (nil, PDFExporter.inMemoryLimit), (boxes, PDFExporter.inMemoryLimit), (boxes, 100),
    ] {
      #expect(throws: Stop.self) {
        try PrintPDFStream.write(
          to: path, recordedAs: "test", info: Self.info, palette: GlyphPalette(),
          printBoxes: boxes, inMemoryLimit: limit
        ) { stream in
          for number in 0..<160 {
            try stream.draw(
              [Self.page(number, marks: 120)], palette: GlyphPalette(), images: .empty)
          }
          throw Stop()
        }
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["all.pdf"])
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == earlier)
    }
  }
}
