import Foundation
import Testing

/// Personalised handouts and certificates from the shipped config and roster.
@Suite struct PersonalisedTests {
  /// The repository root (the shipped pmreport.yml and examples/roster.csv).
  static let root = RepositoryFilesTests.root.path

  /// The PDFs under `folder`, by file name.
  static func pdfs(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasSuffix(".pdf")
    }.sorted()
  }

  /// The names of the shipped roster, in order.
  static func names() throws -> [String] {
    let text = try String(contentsOfFile: root + "/examples/roster.csv", encoding: .utf8)
    return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
      line.hasPrefix("\"")
        ? String(line.dropFirst().prefix { $0 != "\"" })
        : String(line.prefix { $0 != "," })
    }
  }

  @Test func theShippedRosterGivesThirtySummariesAndCertificatesEachWithItsName() throws {
    let out = try temporaryDirectory("pmreport-roster")
    let result = try runPMReport(
      [
        "--roster", "examples/roster.csv", "--document", "summary", "--document", "certificate",
        "--output", out,
      ], in: Self.root)
    #expect(result.status == 0, "\(result.error)")
    let names = try Self.names()
    #expect(names.count == 30)
    let summaries = Self.pdfs(out + "/pdf/summary")
    let certificates = Self.pdfs(out + "/pdf/certificate")
    #expect(summaries.count == 30)
    #expect(certificates == summaries, "the same slugs for both documents")
    // Page 1 of each copy carries its participant's name; the summary keeps its two pages.
    var seen: Set<String> = []
    for file in summaries {
      let summary = try PDFText.pages(out + "/pdf/summary/" + file)
      let certificate = try PDFText.pages(out + "/pdf/certificate/" + file)
      #expect(summary.count == 2, "\(file)")
      #expect(certificate.count == 1, "\(file)")
      let name = names.first { normalised(certificate[0]).contains(normalised($0)) }
      #expect(name != nil, "\(file): no roster name on the certificate")
      if let name {
        seen.insert(file)
        #expect(normalised(summary[0]).contains("Prepared for " + normalised(name)), "\(file)")
      }
    }
    #expect(seen.count == 30)
    #expect(summaries.contains("jose-alvarez.pdf"))
    #expect(summaries.contains("participant-12.pdf"), "Ольга Иванова, on line 12")
    #expect(summaries.contains("ana-souza-29.pdf"), "a second Ana Souza gets her line number")
    let merged = try PDFText.pages(out + "/pdf/certificate-all.pdf")
    #expect(merged.count == 30)
    #expect(normalised(merged[0]).contains(names[0]))
    #expect(try run("qpdf", ["--check", out + "/pdf/certificate-all.pdf"]).status == 0)
  }

  @Test func withoutARosterTheSummaryIsWrittenOnceAndCertificatesAreSkipped() throws {
    let out = try temporaryDirectory("pmreport-no-roster")
    let result = try runPMReport(
      ["--document", "summary", "--document", "certificate", "--output", out], in: Self.root)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.contains("certificates are made for a roster"))
    #expect(FileManager.default.fileExists(atPath: out + "/pdf/summary.pdf"))
    #expect(!FileManager.default.fileExists(atPath: out + "/pdf/certificate"))
    let first = try PDFText.pages(out + "/pdf/summary.pdf")[0]
    #expect(first.contains("Prepared for"))
  }

  @Test func shardsWriteTheirSlicesAndManifestsWithoutClobbering() throws {
    let out = try temporaryDirectory("pmreport-shards")
    var listed: [String] = []
    for k in 1...3 {
      let result = try runPMReport(
        [
          "--roster", "examples/roster.csv", "--document", "certificate", "--shard", "\(k)/3",
          "--output", out,
        ], in: Self.root)
      #expect(result.status == 0, "\(result.error)")
      let data = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest-\(k)-of-3.json"))
      let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      let files = (manifest?["files"] as? [[String: Any]] ?? []).compactMap {
        $0["path"] as? String
      }
      #expect(files.count == 10, "shard \(k)")
      listed += files
    }
    #expect(Set(listed).count == 30, "no file in two shards")
    #expect(Self.pdfs(out + "/pdf/certificate").count == 30)
    #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"))
  }

  @Test func aShardWithoutARosterIsAUsageError() throws {
    let out = try temporaryDirectory("pmreport-shard-alone")
    let result = try runPMReport(["--shard", "1/2", "--output", out], in: Self.root)
    #expect(result.status == 64)
    #expect(result.error.contains("--shard 1/2 slices the roster"))
    let bad = try runPMReport(["--shard", "3/2", "--output", out], in: Self.root)
    #expect(bad.status == 64)
    #expect(bad.error.contains("--shard must be K/N"))
  }

  @Test func aBadRosterStopsTheRunBeforeAnythingIsWritten() throws {
    let dir = try temporaryDirectory("pmreport-bad-roster")
    try "name;cohort\nAda;A\n;B\nBo;C;D\n".write(
      toFile: dir + "/people.csv", atomically: true, encoding: .utf8)
    try "documents:\n  - name: cert\n    kind: certificate\n".write(
      toFile: dir + "/pmreport.yml", atomically: true, encoding: .utf8)
    let result = try runPMReport(["--roster", "people.csv", "--output", "out"], in: dir)
    #expect(result.status == 65)
    #expect(result.error.contains("people.csv:3:"))
    #expect(result.error.contains("people.csv:4:"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/pdf"))
  }
}
