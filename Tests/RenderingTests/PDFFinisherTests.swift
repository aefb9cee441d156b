import CCairo
import Foundation
import Storage
import Testing

@testable import Rendering

/// libqpdf's pass over cairo's PDF: what it refuses becomes a `RenderError` naming the file, and
/// the XMP's ids and text are well formed.
@Suite struct PDFFinisherTests {
  private let info = DocumentInfo(
    title: "A & B <report>", author: "Ann", subject: "S", keywords: ["k1", "k2"],
    creator: "pmreport test", date: "2023-11-14T22:13:20Z", language: "de")

  @Test func bytesThatAreNoPDFAreAnErrorNamingTheFile() throws {
    let path = try temporaryDirectory("pmreport-finisher") + "/broken.pdf"
    let finisher = PDFFinisher(
      info: info, standards: .ua1, marks: MarkedContentLog(), destinationTitles: [:], path: path)
    let drawn = ScratchFile("test", for: path)
    let notAPDF = "not a PDF at all"
    try notAPDF.write(toFile: drawn.path, atomically: false, encoding: .utf8)
    // From a scratch file (a long document) and from memory (a short one) alike.
    for contents in [ScratchBytes.Contents.file(drawn), .memory(Array(notAPDF.utf8))] {
      #expect {
        try OutputFile.atomically(path) { file in
          try finisher.finish(contents, into: file)
        }
      } throws: { error in
        guard case .pdf(_, _, let named) = error as? RenderError else { return false }
        return named == path && "\(error)".hasPrefix("\(path): qpdf failed to read cairo's PDF")
      }
      #expect(!FileManager.default.fileExists(atPath: path))
    }
    // The scratch files go with their values.
    let scratch = drawn.path
    _ = consume drawn
    #expect(!FileManager.default.fileExists(atPath: scratch))
  }

  @Test func eachFigureGetsItsTextAndAnotherCountIsAnError() throws {
    let dir = try temporaryDirectory("pmreport-finisher-figures")
    let drawn = dir + "/drawn.pdf"
    let surface = cairo_pdf_surface_create(drawn, 200, 200)
    let context = cairo_create(surface)
    cairo_tag_begin(context, "Document", "")
    cairo_tag_begin(context, "Figure", "")
    cairo_rectangle(context, 10, 10, 50, 50)
    cairo_fill(context)
    cairo_tag_end(context, "Figure")
    cairo_tag_end(context, "Document")
    cairo_destroy(context)
    cairo_surface_finish(surface)
    cairo_surface_destroy(surface)
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: drawn)))
    func finish(_ alts: [String]) throws -> Data {
      let marks = MarkedContentLog()
      marks.figureAlts = alts
      let path = dir + "/finished-\(alts.count).pdf"
      let finisher = PDFFinisher(
        info: info, standards: .ua1, marks: marks, destinationTitles: [:], path: path)
      try OutputFile.atomically(path) { file in try finisher.finish(.memory(bytes), into: file) }
      return try Data(contentsOf: URL(fileURLWithPath: path))
    }
    #expect(try finish(["A square"]).range(of: Data("/Alt (A square)".utf8)) != nil)
    for alts in [[], ["A square", "One too many"]] {
      #expect {
        try finish(alts)
      } throws: { error in
        "\(error)".hasSuffix(
          "qpdf failed to describe the figures: \(alts.count) alternate texts for 1 figures")
      }
    }
  }

  /// Pages are read in batches and rewritten on two threads: each page of a document longer
  /// than a batch must get its own furniture's artifacts, as many as it drew, and keep no
  /// `/Private` marked content; a second document finished right after (its objects waiting for
  /// the first's to be deleted) is completed alike.
  @Test func everyPageOfALongDocumentGetsItsOwnArtifacts() throws {
    let dir = try temporaryDirectory("pmreport-finisher-pages")
    let drawn = dir + "/drawn.pdf"
    let pages = 70
    func furniture(onPage page: Int) -> Int { page % 4 + 1 }
    let surface = cairo_pdf_surface_create(drawn, 200, 200)
    let context = cairo_create(surface)
    cairo_tag_begin(context, "Document", "")
    for page in 1...pages {
      for item in 0..<furniture(onPage: page) {
        cairo_tag_begin(context, "Private", "")
        cairo_rectangle(context, 10 + Double(item) * 20, 10, 10, 10)
        cairo_fill(context)
        cairo_tag_end(context, "Private")
      }
      cairo_tag_begin(context, "P", "")
      cairo_rectangle(context, 10, 100, Double(page), 10)
      cairo_fill(context)
      cairo_tag_end(context, "P")
      cairo_show_page(context)
    }
    cairo_tag_end(context, "Document")
    cairo_destroy(context)
    cairo_surface_finish(surface)
    cairo_surface_destroy(surface)
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: drawn)))
    for name in ["first", "second"] {
      let path = dir + "/\(name).pdf"
      let finisher = PDFFinisher(
        info: info, standards: .ua1, marks: MarkedContentLog(), destinationTitles: [:], path: path)
      try OutputFile.atomically(path) { file in try finisher.finish(.memory(bytes), into: file) }
      // qpdf's QDF form: every stream uncompressed, each page's content after a comment naming it.
      let text = String(
        decoding: try toolOutput("qpdf", ["--qdf", "--object-streams=disable", path, "-"]),
        as: UTF8.self)
      let contents = text.components(separatedBy: "%% Contents for page ").dropFirst()
      #expect(contents.count == pages)
      for (index, content) in contents.enumerated() {
        let page = index + 1
        let stream = content.components(separatedBy: "endstream").first ?? ""
        #expect(stream.hasPrefix("\(page)\n"))
        let artifacts = stream.components(separatedBy: "/Artifact BMC").count - 1
        #expect(artifacts == furniture(onPage: page))
        #expect(!stream.contains("/Private"))
      }
    }
  }

  @Test func theXMPEscapesItsValuesAndDerivesVersion8UUIDs() {
    let packet = XMPPacket(
      info: info, producer: "cairo", standards: .ua1,
      contentHash: Array(repeating: 0xFF, count: 32))
    #expect(packet.text.contains(">A &amp; B &lt;report&gt;</rdf:li>"))
    #expect(packet.text.contains("<pdf:Keywords>k1, k2</pdf:Keywords>"))
    #expect(packet.text.contains("<rdf:li>de</rdf:li>"))
    #expect(
      XMPPacket.uuid(Array(repeating: UInt8(0xFF), count: 16))
        == "uuid:ffffffff-ffff-8fff-bfff-ffffffffffff")
    #expect(
      XMPPacket.uuid(Array(0..<16) as [UInt8]) == "uuid:00010203-0405-8607-8809-0a0b0c0d0e0f")
    #expect(XMPPacket.uuid([0xAB]) == "uuid:ab000000-0000-8000-8000-000000000000")
  }

  /// Text with nothing to escape or leave out comes back as it is; one character to escape or
  /// leave out in it takes it through the escaping walk.
  @Test func plainASCIIIsItsOwnEscape() {
    #expect(XMLText.escaped("Ann Smith, 7 May 2026 ~") == "Ann Smith, 7 May 2026 ~")
    #expect(XMLText.escaped("a\"b") == "a&quot;b")
    #expect(XMLText.escaped("a&b") == "a&amp;b")
    #expect(XMLText.escaped("a\u{1}b\tc\u{7F}") == "ab\tc\u{7F}")
    #expect(XMLText.escaped("Zoë <x>") == "Zoë &lt;x&gt;")
  }

  @Test func theXMPIsWellFormedXMLWhateverItsValuesHold() throws {
    let hostile = "a\u{1}b\u{0}c\u{1B}[31m <x/> & \"q\" \u{FFFE}\u{FFFF}\u{202E}d ]]> <!--"
    let values = DocumentInfo(
      title: hostile, author: hostile, subject: hostile, keywords: [hostile, "k"],
      creator: hostile, date: hostile, language: hostile)
    let packet = XMPPacket(
      info: values, producer: hostile, standards: [.ua1, .a2b], contentHash: [])
    let path = try temporaryDirectory("pmreport-xmp") + "/packet.xml"
    try Data(packet.text.utf8).write(to: URL(fileURLWithPath: path))
    #expect(try SVGLabelTests.xmllint(path) == 0)
    let escaped = ">abc[31m &lt;x/&gt; &amp; &quot;q&quot; \u{202E}d ]]&gt; &lt;!--<"
    #expect(packet.text.contains(escaped))
  }

  @Test func theXMPClaimsExactlyTheChosenStandards() {
    func text(_ standards: PDFStandards) -> String {
      XMPPacket(info: info, producer: "cairo", standards: standards, contentHash: []).text
    }
    #expect(text(.ua1).contains("<pdfuaid:part>1</pdfuaid:part>"))
    #expect(!text(.ua1).contains("<pdfaid:part>"))
    let both = text([.ua1, .a2b])
    #expect(both.contains("<pdfaid:part>2</pdfaid:part>"))
    #expect(both.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
    // PDF/A predefines no pdfuaid schema: the file describes it.
    #expect(both.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"))
    let archival = text(.a2b)
    #expect(!archival.contains("<pdfuaid:part>"))
    #expect(!archival.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"))
    #expect(!text([]).contains("aid:part>"))
  }
}
