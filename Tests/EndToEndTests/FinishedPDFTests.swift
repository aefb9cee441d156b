import Foundation
import PMReportKit
import Testing

/// What libqpdf adds to every PDF (`PDFFinisher`), read back through `qpdf --json`: the catalog's
/// language, viewer preferences and mark info, the XMP stream, the trailer `/ID`, the pages' tab
/// order and the links' descriptions; and the bytes stay the same from run to run.
@Suite(.serialized) struct FinishedPDFTests {
  @Test func theCatalogHasLanguageViewerPreferencesAndMarkInfo() throws {
    let pdf = try PDFObjects(try RenderedReport.pdf())
    let catalog = try #require(pdf.catalog)
    #expect(catalog["/Lang"] as? String == "u:en")
    let preferences = try #require(pdf.dictionary(catalog["/ViewerPreferences"]))
    #expect(preferences["/DisplayDocTitle"] as? Bool == true)
    let markInfo = try #require(pdf.dictionary(catalog["/MarkInfo"]))
    #expect(markInfo["/Marked"] as? Bool == true)
    let id = try #require(pdf.trailer?["/ID"] as? [Any])
    #expect(id.count == 2)
  }

  @Test func theXMPStreamNamesTheTitleAndPDFUA() throws {
    let pdf = try PDFObjects(try RenderedReport.pdf())
    let reference = try #require(pdf.catalog?["/Metadata"] as? String)
    let stream = try #require(pdf.stream(reference))
    #expect(stream.dict["/Type"] as? String == "/Metadata")
    #expect(stream.dict["/Subtype"] as? String == "/XML")
    #expect(stream.dict["/Filter"] == nil, "the XMP is left uncompressed")
    let xmp = stream.text
    #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"))
    #expect(
      xmp.contains(
        "<rdf:li xml:lang=\"x-default\">Business Product Manager vs Technical Product Manager"))
    #expect(xmp.contains("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"))
    #expect(xmp.contains("<xmp:CreatorTool>pmreport \(ProgramVersion.number)</xmp:CreatorTool>"))
    #expect(xmp.contains("<xmpMM:DocumentID>uuid:"))
    #expect(xmp.contains("<xmpMM:InstanceID>uuid:"))
  }

  @Test func pagesWithLinksHaveTabOrderAndEveryLinkADescription() throws {
    let pdf = try PDFObjects(try RenderedReport.pdf())
    var linked = 0
    var links = 0
    for page in pdf.pages {
      guard let annotations = page["/Annots"] as? [Any], !annotations.isEmpty else { continue }
      linked += 1
      #expect(page["/Tabs"] as? String == "/S")
      for annotation in annotations.compactMap({ pdf.dictionary($0) })
      where annotation["/Subtype"] as? String == "/Link" {
        links += 1
        let contents = try #require(annotation["/Contents"] as? String)
        #expect(contents.hasPrefix("u:Go to ") || contents.hasPrefix("u:http"), "\(contents)")
      }
    }
    #expect(linked >= 1, "the contents page has links")
    #expect(links >= 10)
    // The contents page's links name their headings, not anchor names.
    #expect(pdf.pages.count > 1)
    let contentsLinks = (pdf.pages[1]["/Annots"] as? [Any] ?? []).compactMap {
      pdf.dictionary($0)?["/Contents"] as? String
    }
    #expect(contentsLinks.contains { $0.contains("Go to ") && $0.contains(" ") })
  }

  @Test func twoRunsWithTheSameDateWriteTheSameBytes() throws {
    let again = try temporaryDirectory("pmreport-again")
    let summary = try RunScheduler.load(
      options: RunOptions(
        formats: [.pdf], documents: ["full-report"], outputDirectory: again,
        workingDirectory: again, date: Date(timeIntervalSince1970: 1_700_000_000))
    ).run()
    if let failure = summary.failures.first { throw failure.error }
    let first = try Data(contentsOf: URL(fileURLWithPath: try RenderedReport.pdf()))
    let second = try Data(contentsOf: URL(fileURLWithPath: again + "/pdf/full-report.pdf"))
    #expect(first == second)
  }

  @Test func aGermanDocumentHasLangDe() throws {
    let dir = try projectFolder(
      "pmreport-lang-de",
      config: "metadata: {lang: de}\nformats: [pdf]\ndocuments:\n  - {name: report, kind: report}\n"
    )
    try runProject(in: dir)
    let pdf = try PDFObjects(dir + "/Output/pdf/report.pdf")
    #expect(pdf.catalog?["/Lang"] as? String == "u:de")
    let raw = try run("qpdf", ["--show-object=trailer", dir + "/Output/pdf/report.pdf"]).output
    #expect(raw.contains("/ID"))
  }
}

/// A PDF's objects as `qpdf --json=2` gives them: names as `/Name`, text strings as `u:…`,
/// references as `N 0 R`.
struct PDFObjects {
  private let objects: [String: Any]

  init(_ path: String) throws {
    let result = try run(
      "qpdf", ["--json=2", "--json-key=qpdf", "--json-stream-data=inline", path])
    let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    objects = (json?["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
  }

  /// The trailer dictionary.
  var trailer: [String: Any]? {
    (objects["trailer"] as? [String: Any])?["value"] as? [String: Any]
  }

  /// The document catalog.
  var catalog: [String: Any]? { dictionary(trailer?["/Root"]) }

  /// The page dictionaries, in order (a flat page tree, as cairo writes it, or nested).
  var pages: [[String: Any]] {
    func walk(_ node: [String: Any]) -> [[String: Any]] {
      guard let kids = node["/Kids"] as? [Any] else { return [node] }
      return kids.compactMap { dictionary($0) }.flatMap(walk)
    }
    return dictionary(catalog?["/Pages"]).map(walk) ?? []
  }

  /// `value` as a dictionary: itself, or the object it refers to.
  func dictionary(_ value: Any?) -> [String: Any]? {
    if let direct = value as? [String: Any] { return direct }
    guard let reference = value as? String,
      let object = objects["obj:" + reference] as? [String: Any]
    else { return nil }
    return object["value"] as? [String: Any]
  }

  /// The stream `reference` names: its dictionary and its data as text.
  func stream(_ reference: String) -> (dict: [String: Any], text: String)? {
    guard let object = objects["obj:" + reference] as? [String: Any],
      let stream = object["stream"] as? [String: Any],
      let dict = stream["dict"] as? [String: Any],
      let data = (stream["data"] as? String).flatMap({ Data(base64Encoded: $0) })
    else { return nil }
    return (dict, String(decoding: data, as: UTF8.self))
  }
}
