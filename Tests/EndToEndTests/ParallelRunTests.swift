import Foundation
import PMReportKit
import ReportModel
import Testing

/// `--jobs`: how a run is cut into units, and worker processes giving the same bytes as one process.
@Suite struct ParallelRunTests {
  static let documents = [
    DocumentSpec(name: "full-report", kind: .report),
    DocumentSpec(
      name: "summary", kind: .report, sections: ["summary"], personalised: true, merge: true),
    DocumentSpec(name: "certificate", kind: .certificate),
  ]

  @Test func oneJobBuildsEachDocumentWholeInOneUnit() {
    let units = WorkPlan.units(
      documents: Self.documents, formats: [.pdf, .png], participants: 7, jobs: 1)
    #expect(units == (0..<3).map { WorkUnit.whole($0, formats: [.pdf, .png]) })
  }

  @Test func twoJobsCutRosterSlicesAndWriteEachFileOnce() {
    let participants = 7
    let units = WorkPlan.units(
      documents: Self.documents, formats: [.pdf, .png], participants: participants, jobs: 2)
    // The full report: one unit, both formats (laid out once).
    #expect(units.filter { $0.document == 0 }.map(\.formats) == [[.pdf, .png]])
    for document in [1, 2] {
      let slices = units.filter { $0.document == document && $0.writesCopies }
      // Contiguous slices covering the roster once, in order: 4 (2 × jobs), both formats each.
      #expect(slices.count == 4)
      #expect(slices.allSatisfy { $0.formats == [.pdf, .png] })
      #expect(slices.compactMap(\.participants).flatMap { Array($0) } == Array(0..<participants))
      #expect(slices.filter(\.writesBooklet).count == 1)
      let merged = units.filter { $0.document == document && $0.writesMerged }
      #expect(merged.count == (Self.documents[document].merge ? 1 : 0))
      #expect(merged.allSatisfy { !$0.writesCopies && $0.formats == [.pdf] })
    }
  }

  /// A long roster is cut into more slices, not longer ones: a unit's report is held whole until
  /// the unit is done, so its size must not grow with the roster.
  ///
  /// Its last `jobs` slices are cut finer, and handed out last, so that the processes finish
  /// close together.
  @Test func aLongRostersSlicesHoldAtMostCopiesPerUnit() {
    // (names, slices of up to 250, then the pieces of the last two slices)
    for (participants, slices, pieces) in [(1_000, 2, 10), (10_000, 38, 10), (10_001, 39, 10)] {
      let units = WorkPlan.units(
        documents: [Self.documents[2]], formats: [.pdf], participants: participants, jobs: 2)
      let ranges = units.compactMap(\.participants)
      #expect(ranges.count == slices + pieces, "\(participants) names")
      #expect(ranges.allSatisfy { $0.count <= WorkPlan.copiesPerUnit })
      #expect(ranges.suffix(pieces).allSatisfy { $0.count <= WorkPlan.tailCopiesPerUnit })
      #expect(ranges.flatMap { Array($0) } == Array(0..<participants))
      #expect(units.filter(\.writesBooklet).count == 1)
      let order = WorkPlan.dispatchOrder(
        units, documents: [Self.documents[2]], participants: participants)
      #expect(Set(order.prefix(slices)) == Set(0..<slices), "the slices first, then the pieces")
    }
  }

  /// The merged file draws every copy: its unit goes out first, not last behind the slices.
  @Test func aMergedFilesUnitIsHandedOutFirst() {
    var certificate = Self.documents[2]
    certificate.merge = true
    let units = WorkPlan.units(
      documents: [certificate], formats: [.pdf], participants: 1_000, jobs: 2)
    let order = WorkPlan.dispatchOrder(units, documents: [certificate], participants: 1_000)
    #expect(units.last?.writesMerged == true)
    #expect(order.first == units.count - 1)
    #expect(Array(order.dropFirst()) == Array(units.indices.dropLast()))
  }

  /// A shard's units (`sharedFiles: false`) write the copies of its slice and nothing shared: no
  /// booklet, no merged file, with one process or two.
  @Test func aShardsUnitsWriteNoBookletAndNoMergedFile() {
    for jobs in [1, 2] {
      let units = WorkPlan.units(
        documents: Self.documents, formats: [.pdf, .png], participants: 7, jobs: jobs,
        sharedFiles: false)
      #expect(units.allSatisfy { $0.writesCopies && !$0.writesBooklet && !$0.writesMerged })
      #expect(Set(units.map(\.document)) == [0, 1, 2], "\(jobs) jobs")
    }
  }

  @Test func fewerDocumentsThanProcessesAreCutByFormat() {
    let units = WorkPlan.units(
      documents: [Self.documents[0]], formats: [.pdf, .svg, .png], participants: 0, jobs: 2)
    #expect(units.map(\.formats) == [[.pdf], [.svg], [.png]])
    #expect(units.map(\.writesBooklet) == [true, false, false])
  }

  @Test func theLongestUnitsAreHandedOutFirst() {
    let units = WorkPlan.units(
      documents: Self.documents, formats: [.pdf, .png], participants: 3, jobs: 2)
    let order = WorkPlan.dispatchOrder(units, documents: Self.documents, participants: 3)
    #expect(Set(order) == Set(units.indices))
    // The full report first (the longest), then the slices of the summary's copies.
    #expect(units[order[0]].document == 0)
    #expect(units[order[1]].document == 1)
  }

  /// A folder with the shipped config and a roster of three.
  static func project() throws -> String {
    let dir = try temporaryDirectory("pmreport-jobs")
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    try FileManager.default.copyItem(
      atPath: repo.appendingPathComponent("pmreport.yml").path,
      toPath: (dir as NSString).appendingPathComponent("pmreport.yml"))
    try "name,cohort\nAna Souza,A\nJosé Álvarez,B\nZoë O’Brien,A\n".write(
      toFile: (dir as NSString).appendingPathComponent("roster.csv"), atomically: true,
      encoding: .utf8)
    return dir
  }

  /// Documents, formats and roster copies over two processes, twenty times: every run's files
  /// (their manifest, which holds each file's SHA-256) equal one process's.
  @Test func twoJobsWriteTheSameBytesAsOneOverTwentyRuns() throws {
    let dir = try Self.project()
    func render(_ output: String, jobs: Int) throws -> String {
      let run = try PMReportProcess(
        [
          "--roster", "roster.csv", "--document", "summary", "--document", "certificate",
          "--format", "pdf", "--format", "png", "--dpi", "30", "--output", output,
          "--jobs", "\(jobs)",
        ], in: dir
      ).wait(timeout: 120)
      #expect(run.status == 0, "\(run.summary)")
      return try String(
        contentsOfFile: (dir as NSString).appendingPathComponent(output + "/manifest.json"),
        encoding: .utf8)
    }
    let reference = try render("one", jobs: 1)
    // Each copy of the summary (PDF and PNG), the certificates, the merged file, the booklet.
    #expect(reference.contains("pdf/summary/jose-alvarez.pdf"))
    #expect(reference.contains("png/certificate/zoe-o-brien/page-001.png"))
    #expect(reference.contains("pdf/summary-booklet.pdf"))
    for round in 1...20 {
      let manifest = try render("two-\(round)", jobs: 2)
      #expect(manifest == reference, "round \(round) differs")
      if manifest != reference { break }
    }
  }

  /// The report of a parallel run lists every document in every format once, in the units' order
  /// (the booklet is written with the summary's PDF, before it, as one process does).
  @Test func aParallelRunReportsEachOutputOnce() throws {
    let dir = try Self.project()
    let run = try PMReportProcess(
      [
        "--document", "summary", "--document", "faq", "--format", "pdf", "--format", "svg",
        "--output", "out", "--jobs", "2", "--json",
      ], in: dir
    ).wait(timeout: 120)
    #expect(run.status == 0, "\(run.summary)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let outputs = try #require(report["outputs"] as? [[String: Any]])
    #expect(
      outputs.compactMap { $0["path"] as? String } == [
        "pdf/summary-booklet.pdf", "pdf/summary.pdf", "svg/summary/", "pdf/faq.pdf", "svg/faq/",
      ])
    // One line a document and format on standard error, none twice.
    let lines = run.error.split(separator: "\n").filter { $0.contains(" page") }
    #expect(lines.count == 5)
  }

  /// Every unit of a document cut by format lays it out, so each process that builds one finds its
  /// page budget exceeded: the warning is printed once.
  @Test func aWarningEveryProcessFindsIsPrintedOnce() throws {
    let dir = try projectFolder(
      "pmreport-jobs-warning",
      config: """
        documents:
          - name: faq
            kind: report
            sections: [faq]
            toc: false
            max-pages: 1
        """)
    let run = try PMReportProcess(
      [
        "--document", "faq", "--format", "pdf", "--format", "svg", "--format", "png", "--dpi",
        "30", "--output", "out", "--jobs", "2", "--json",
      ], in: dir
    ).wait(timeout: 120)
    #expect(run.status == 0, "\(run.summary)")
    let warnings = run.error.split(separator: "\n").filter { $0.contains("(max-pages)") }
    #expect(warnings.count == 1, "\(run.error)")
    #expect(warnings.first?.hasPrefix("warning: faq: ") == true)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect((report["warnings"] as? [String])?.count == 1)
    #expect((report["outputs"] as? [Any])?.count == 3)
  }

  /// A roster run's workers start before the project is loaded, and load it too: an input error
  /// is printed by the run alone, once, and nothing is written.
  @Test func aBadRosterLineUnderTwoJobsIsPrintedOnce() throws {
    let dir = try Self.project()
    try "name,cohort\nAna Souza,A\nJosé Álvarez,B,extra\nZoë O’Brien,A\n".write(
      toFile: (dir as NSString).appendingPathComponent("bad.csv"), atomically: true,
      encoding: .utf8)
    let run = try PMReportProcess(
      [
        "--roster", "bad.csv", "--document", "certificate", "--format", "pdf", "--output", "out",
        "--jobs", "2",
      ], in: dir
    ).wait(timeout: 120)
    #expect(run.status == 65, "\(run.summary)")
    let diagnostics = run.error.split(separator: "\n").filter { $0.contains("bad.csv:3") }
    #expect(diagnostics.count == 1, "\(run.error)")
    #expect(
      !FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("out")))
  }

  /// A roster run of one unit under two jobs builds it here: the worker started early for it is
  /// ended, and the certificate is the one process's.
  @Test func aRosterRunOfOneUnitUnderTwoJobsEndsItsWorker() throws {
    let dir = try Self.project()
    try "name\nAna Souza\n".write(
      toFile: (dir as NSString).appendingPathComponent("one.csv"), atomically: true,
      encoding: .utf8)
    var manifests: [String] = []
    for jobs in [1, 2] {
      let run = try PMReportProcess(
        [
          "--roster", "one.csv", "--document", "certificate", "--format", "pdf", "--output",
          "out-\(jobs)", "--jobs", "\(jobs)",
        ], in: dir
      ).wait(timeout: 120)
      #expect(run.status == 0, "\(run.summary)")
      manifests.append(
        try String(
          contentsOfFile: (dir as NSString).appendingPathComponent("out-\(jobs)/manifest.json"),
          encoding: .utf8))
    }
    #expect(manifests[0] == manifests[1])
    #expect(manifests[0].contains("pdf/certificate/ana-souza.pdf"))
  }
}
