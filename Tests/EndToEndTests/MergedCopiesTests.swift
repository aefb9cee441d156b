import Foundation
import Testing

/// `<document>-all.pdf`, every copy in one file: written for a personalised document (a
/// certificate included) with `merge: true` only, as the README's example says.
@Suite struct MergedCopiesTests {
  /// The README's example of personalised handouts and certificates, as it is printed there.
  static let readmeExample = """
    roster: examples/roster.csv      # participants; or --roster FILE.csv
    personal-line: "Prepared for {name}, {cohort}"   # default: the prepared-for words
    documents:
      - name: summary
        personalised: true           # one copy a participant: pdf/summary/<slug>.pdf
        merge: true                  # also pdf/summary-all.pdf, every copy in roster order
      - name: certificate
        kind: certificate            # a landscape page a participant (always personalised)
        merge: true                  # also pdf/certificate-all.pdf, every certificate in roster order

    """

  /// A project with `config` and a three-name `examples/roster.csv`.
  static func project(_ config: String) throws -> String {
    let dir = try projectFolder("pmreport-merge", config: config)
    try FileManager.default.createDirectory(
      atPath: dir + "/examples", withIntermediateDirectories: false)
    try "name,cohort\nAna Souza,A\nJosé Álvarez,B\nKim Lee,A\n".write(
      toFile: dir + "/examples/roster.csv", atomically: true, encoding: .utf8)
    return dir
  }

  @Test func theReadmeCertificateExampleWritesTheMergedFile() throws {
    let dir = try Self.project(Self.readmeExample)
    let result = try runPMReport(["--document", "certificate", "--format", "pdf"], in: dir)
    #expect(result.status == 0, "\(result.summary)")
    let merged = dir + "/Output/pdf/certificate-all.pdf"
    let pages = try PDFText.pages(merged)
    #expect(pages.count == 3)
    #expect(normalised(pages[1]).contains("José Álvarez"))
    #expect(PersonalisedTests.pdfs(dir + "/Output/pdf/certificate").count == 3)
  }

  /// The merged file is a print file drawn as the copies are made: untagged, claiming no
  /// standard, every certificate in roster order; each certificate of its own stays tagged.
  @Test func theMergedFileIsAPrintFileWithEveryCertificateInOrder() throws {
    let dir = try Self.project(Self.readmeExample)
    let result = try runPMReport(["--document", "certificate", "--format", "pdf"], in: dir)
    #expect(result.status == 0, "\(result.summary)")
    let merged = dir + "/Output/pdf/certificate-all.pdf"
    // `pdfinfo`'s `Tagged:` line says whether the catalog marks the file as tagged.
    func tagged(_ pdf: String) throws -> Bool? {
      try run("pdfinfo", [pdf]).output.split(separator: "\n")
        .first { $0.hasPrefix("Tagged:") }.map { $0.hasSuffix("yes") }
    }
    #expect(try tagged(merged) == false)
    #expect(try run("pdfinfo", ["-struct", merged]).output.isEmpty)
    #expect(try run("pdfinfo", ["-meta", merged]).output.isEmpty, "no XMP, no PDF/UA claim")
    let text = normalised(try run("pdftotext", [merged, "-"]).output)
    let places = ["Ana Souza", "José Álvarez", "Kim Lee"].map { text.range(of: $0)?.lowerBound }
    #expect(places.allSatisfy { $0 != nil }, "\(text)")
    #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted())
    #expect(try tagged(dir + "/Output/pdf/certificate/ana-souza.pdf") == true)
  }

  /// A merged summary keeps no link, destination or outline of its copies (a print file), and
  /// has every copy's pages.
  @Test func theMergedSummaryHasEveryPageAndNoLinksOrOutline() throws {
    let dir = try Self.project(Self.readmeExample)
    let result = try runPMReport(["--document", "summary", "--format", "pdf"], in: dir)
    #expect(result.status == 0, "\(result.summary)")
    let merged = dir + "/Output/pdf/summary-all.pdf"
    let copy = try PDFText.pages(dir + "/Output/pdf/summary/kim-lee.pdf").count
    #expect(try PDFText.pages(merged).count == 3 * copy)
    let objects = try run("qpdf", ["--qdf", "--object-streams=disable", merged, "-"]).output
    for key in ["/StructTreeRoot", "/Annots", "/Dests", "/Outlines"] {
      #expect(!objects.contains(key), "\(key) in the merged file")
    }
  }

  @Test func withoutMergeACertificateHasNoMergedFile() throws {
    let config = Self.readmeExample.split(separator: "\n").filter {
      !$0.contains("every certificate in roster order")
    }.joined(separator: "\n")
    let dir = try Self.project(config + "\n")
    let result = try runPMReport(["--document", "certificate", "--format", "pdf"], in: dir)
    #expect(result.status == 0, "\(result.summary)")
    #expect(PersonalisedTests.pdfs(dir + "/Output/pdf/certificate").count == 3)
    #expect(!FileManager.default.fileExists(atPath: dir + "/Output/pdf/certificate-all.pdf"))
  }

  /// With `--jobs 2`, the unit that only merges lays every copy out too: a shortened personal
  /// line is still reported once, by the unit that writes that participant's copy.
  @Test func aShortenedPersonalLineIsReportedOnceWithJobs() throws {
    let cohort = Array(repeating: "Evening cohort of the spring term", count: 20)
      .joined(separator: " ")
    let dir = try Self.project(Self.readmeExample)
    try "name,cohort\nAna Souza,\(cohort)\nJosé Álvarez,B\nKim Lee,A\n".write(
      toFile: dir + "/examples/roster.csv", atomically: true, encoding: .utf8)
    let result = try runPMReport(
      ["--document", "summary", "--format", "pdf", "--jobs", "2"], in: dir)
    #expect(result.status == 0, "\(result.summary)")
    let warnings = result.error.components(separatedBy: "does not fit its slot").count - 1
    #expect(warnings == 1, "\(result.error)")
  }
}
