import Foundation
import PMReportKit
import ReportModel
import Testing

/// PDF/UA-1 and PDF/A-2b, checked the way a validator would.
///
/// `Tests/Accessibility/check_pdf.py` (pikepdf) reads each file back and lists every machine-checkable failure of the Matterhorn
/// Protocol it knows (the catalog, the XMP, marked content around every mark, the structure tree,
/// annotations, fonts). The same check passes Typst's PDF/UA-1 output (see the script).
@Suite struct AccessibilityTests {
  /// The repository root, found from this file's path.
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/",
      !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
    {
      url.deleteLastPathComponent()
    }
    return url.path
  }()

  static let checker = root + "/Tests/Accessibility/check_pdf.py"

  /// Runs the checker on `files`; its exit status and report.
  static func check(_ files: [String], a2b: Bool = false) throws -> (status: Int32, report: String)
  {
    let result = try run("python3", [checker] + (a2b ? ["--a2b"] : []) + files)
    #expect(!result.error.contains("No module named"), "install pikepdf: make test-packages")
    return (result.status, result.output + result.error)
  }

  /// Every PDF under `directory`.
  static func pdfs(under directory: String) -> [String] {
    let walker = FileManager.default.enumerator(atPath: directory)
    var out: [String] = []
    while let path = walker?.nextObject() as? String {
      if path.hasSuffix(".pdf") { out.append(directory + "/" + path) }
    }
    return out.sorted()
  }

  /// The shipped config's documents in `style` (every document's own style replaced), into a new
  /// folder.
  static func render(
    style: String? = nil, standards: Set<PDFStandard>? = nil, documents: [String]? = nil
  ) throws -> String {
    let dir = try temporaryDirectory("pmreport-ua")
    let scheduler = try RunScheduler.load(
      options: RunOptions(
        configPath: root + "/pmreport.yml", style: style, formats: [.pdf], documents: documents,
        outputDirectory: dir, workingDirectory: root,
        date: Date(timeIntervalSince1970: 1_700_000_000), pdfStandards: standards))
    let summary = scheduler.run()
    if let failure = summary.failures.first { throw failure.error }
    return dir
  }

  static let styles = ["classic", "compact", "large-print", "modern", "print-bw"]

  /// The shipped config's print files: the summary's booklet and the role cards' sheet (A6
  /// cards, four to a page), exempt from PDF/UA.
  static func isPrintFile(_ path: String) -> Bool {
    path.hasSuffix("-booklet.pdf") || path.hasSuffix("/role-cards.pdf")
  }

  @Test(arguments: styles)
  func everyHandoutInEveryStylePasses(style: String) throws {
    let all = Self.pdfs(under: try Self.render(style: style))
    let files = all.filter { !Self.isPrintFile($0) }
    let printFiles = all.filter(Self.isPrintFile)
    #expect(files.count >= 5)
    #expect(printFiles.count == 2)
    let (status, report) = try Self.check(files)
    #expect(status == 0, "\(report)")
    #expect(report.components(separatedBy: ": 0 failures").count == files.count + 1)
    // Print files claim no PDF/UA; they are still valid, with their fonts embedded.
    let (printStatus, printReport) = try Self.check(printFiles + ["--print-file"])
    #expect(printStatus == 0, "\(printReport)")
    let (claimStatus, claimReport) = try Self.check(printFiles)
    #expect(claimStatus == 1)
    #expect(claimReport.contains("no pdfuaid:part 1"))
  }

  @Test func richContentPasses() throws {
    // Links inside paragraphs, nested lists, code, a quote's rule, a plain table.
    let (result, pdf) = try RichContentTests.rendered.get()
    #expect(result.status == 0)
    let (status, report) = try Self.check([pdf])
    #expect(status == 0, "\(report)")
  }

  @Test func pdfA2bAddsItsIdentificationAndOutputIntent() throws {
    let archival = Self.pdfs(
      under: try Self.render(standards: [.ua1, .a2b], documents: ["full-report", "faq"]))
    let (status, report) = try Self.check(archival, a2b: true)
    #expect(status == 0, "\(report)")
    // The default claims no PDF/A: the same check fails it, naming what is missing.
    let plain = Self.pdfs(under: try Self.render(documents: ["faq"]))
    let (plainStatus, plainReport) = try Self.check(plain, a2b: true)
    #expect(plainStatus == 1)
    #expect(plainReport.contains("no pdfaid:part 2"))
    #expect(plainReport.contains("no GTS_PDFA1 output intent"))
  }

  @Test func noneClaimsNoStandard() throws {
    let files = Self.pdfs(under: try Self.render(standards: [], documents: ["faq"]))
    let (status, report) = try Self.check(files)
    #expect(status == 1)
    #expect(report.contains("no pdfuaid:part 1"))
    // Still tagged and complete otherwise: the claim is the only failure.
    #expect(report.contains(": 1 failures"))
  }

  @Test func aPassageInAnotherLanguageCarriesItsLanguage() throws {
    let dir = try temporaryDirectory("pmreport-lang")
    try """
    ---
    title: Glossary
    lang: en
    ---
    # Terms

    The words a team uses.

    ## Begriffe {lang=de}

    Die Wörter, die ein Team benutzt: Rückstand, Inkrement, Sprint.

    ### Beispiele

    Ein Beispiel für jeden Begriff.
    """.write(toFile: dir + "/glossary.md", atomically: true, encoding: .utf8)
    let scheduler = try RunScheduler.load(
      options: RunOptions(
        contentPath: dir + "/glossary.md", formats: [.pdf], outputDirectory: dir + "/out",
        workingDirectory: dir, date: Date(timeIntervalSince1970: 1_700_000_000), root: dir))
    let summary = scheduler.run()
    if let failure = summary.failures.first { throw failure.error }
    let pdf = dir + "/out/pdf/full-report.pdf"
    let (status, report) = try Self.check([pdf])
    #expect(status == 0, "\(report)")
    let qdf = try run("qpdf", ["--qdf", "--object-streams=disable", pdf, "-"]).output
    // The German section's heading, paragraph and subsection (which inherits it): a Div each.
    #expect(qdf.components(separatedBy: "/Lang (de)").count - 1 == 4)
    #expect(qdf.contains("/S /Div"))
    #expect(qdf.contains("/Lang (en)"))
  }

  @Test func archivalOutputIsByteIdenticalAcrossRuns() throws {
    let first = try Self.render(standards: [.ua1, .a2b], documents: ["summary"])
    let second = try Self.render(standards: [.ua1, .a2b], documents: ["summary"])
    let a = try Data(contentsOf: URL(fileURLWithPath: first + "/pdf/summary.pdf"))
    let b = try Data(contentsOf: URL(fileURLWithPath: second + "/pdf/summary.pdf"))
    #expect(a == b)
  }

  /// What a screen reader meets first: the cover's heading, the contents as a TOC of entries
  /// (each a reference holding its link, the number a label), furniture nowhere.
  @Test func theFirstPageReadsInOrder() throws {
    let pdf = try RenderedReport.pdf()
    let tree = try run("pdfinfo", ["-struct-text", pdf]).output
    let lines = tree.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.first == "Document")
    #expect(lines.dropFirst().first == "H1 (block)")
    let toc = try #require(lines.firstIndex(of: "TOC"))
    #expect(
      Array(lines[(toc + 1)...].prefix(3)) == ["TOCI", "Reference (inline)", "Link (inline)"])
    #expect(lines.contains("Lbl (block)"))
    #expect(lines.contains("LBody (block)"))
    // The running header and "page X of Y" are artifacts: not in the tree.
    #expect(!tree.contains("page 1 of"))
    #expect(!tree.contains("Private"))
  }
}
