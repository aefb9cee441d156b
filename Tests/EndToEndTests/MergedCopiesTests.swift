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

  /// The finisher rebuilds the merged file's `Document` element without its furniture (one new
  /// array, not an erase an item): every certificate's elements stay, in roster order.
  @Test func theMergedFileReadsEveryCertificateInOrderWithoutFurniture() throws {
    let dir = try Self.project(Self.readmeExample)
    let result = try runPMReport(["--document", "certificate", "--format", "pdf"], in: dir)
    #expect(result.status == 0, "\(result.summary)")
    let tree = try run("pdfinfo", ["-struct-text", dir + "/Output/pdf/certificate-all.pdf"]).output
    let lines = tree.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.first == "Document")
    #expect(lines.filter { $0 == "H1 (block)" }.count == 3)
    #expect(!tree.contains("Private"))
    let names = ["Ana Souza", "José Álvarez", "Kim Lee"].map { name in
      lines.firstIndex { normalised($0).contains(name) }
    }
    #expect(names.allSatisfy { $0 != nil }, "\(tree)")
    #expect(names.compactMap { $0 } == names.compactMap { $0 }.sorted())
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
