import Foundation
import Testing

/// Runs of random sizes started on one output folder at random moments, some killed with SIGKILL,
/// then two clean runs started at once while the last ones may still go: afterwards every
/// manifest entry matches its file, each document's PDF and SVG pages come from one run, and no
/// temporary or run lock is left.
///
/// The seed is printed (`PMREPORT_SOAK_SEED` replays one); runs are started for 30 s at most.
@Suite(.serialized, .tags(.long)) struct SoakTests {
  static let documents = ["long", "short", "table"]

  /// A config whose documents are titled `soak run <number>` (in the PDF's metadata and every SVG
  /// page's `<title>`), so each file tells which run wrote it.
  static func config(_ number: Int) -> String {
    """
    metadata:
      title: soak run \(number)
    output: Output
    documents:
      - name: long
        kind: report
      - name: short
        kind: report
        sections: [summary]
        toc: false
      - name: table
        kind: comparison-table

    """
  }

  /// One run: its process, and when it is to be killed (nil: never).
  struct Started {
    var process: PMReportProcess
    var killAt: Date?
  }

  @Test func runsStartedAndKilledAtRandomLeaveAConsistentFolder() throws {
    let environment = ProcessInfo.processInfo.environment
    let seed = environment["PMREPORT_SOAK_SEED"].flatMap { UInt64($0) } ?? 20_261_206
    print("SoakTests: seed \(seed) (PMREPORT_SOAK_SEED=\(seed) replays it)")
    var random = FuzzRenderTests.XorShift(seed: seed)
    let dir = try temporaryDirectory("pmreport-soak")
    var number = 0
    func start(_ documents: [String], jobs: Int) throws -> PMReportProcess {
      number += 1
      try Self.config(number).write(
        toFile: dir + "/run-\(number).yml", atomically: true, encoding: .utf8)
      return try PMReportProcess(
        ["--config", "run-\(number).yml", "--format", "pdf", "--format", "svg", "--quiet"]
          + documents.flatMap { ["--document", $0] } + ["--jobs", "\(jobs)"], in: dir)
    }
    var runs: [Started] = []
    func killDue() {
      for index in runs.indices {
        guard let due = runs[index].killAt, due <= Date() else { continue }
        runs[index].process.send(SIGKILL)
        runs[index].killAt = nil
      }
    }
    let begun = Date()
    var killed = 0
    while Date().timeIntervalSince(begun) < 30 {
      killDue()
      if runs.filter({ $0.process.isRunning }).count < 3 {
        let documents = Self.documents.filter { _ in Bool.random(using: &random) }
        let process = try start(
          documents.isEmpty ? ["short"] : documents, jobs: Int.random(in: 1...2, using: &random))
        let kills = Int.random(in: 0..<5, using: &random) < 2
        killed += kills ? 1 : 0
        let delay = Double.random(in: 0.1...4, using: &random)
        runs.append(Started(process: process, killAt: kills ? Date() + delay : nil))
      }
      usleep(UInt32.random(in: 50_000...1_000_000, using: &random))
    }
    // The kills still due land now; two clean runs of every document (one process, and two:
    // the PDF and the SVG pages then come from different processes) start at once while the
    // others may still be going.
    for index in runs.indices where runs[index].killAt != nil { runs[index].process.send(SIGKILL) }
    let clean = try [1, 2].map { try start(Self.documents, jobs: $0) }
    let results = clean.map { $0.wait(timeout: 300) }
    for run in runs { _ = run.process.wait(timeout: 300) }
    print(
      "SoakTests: \(runs.count) runs, \(killed) killed, then the clean runs \(number - 1), \(number)"
    )
    for result in results {
      #expect(result.status == 0, "a clean run failed: \(result.summary)")
    }

    try ConcurrentRunTests.expectEveryEntryMatches(dir)
    let manifest = try ConcurrentRunTests.manifest(dir)
    for document in Self.documents {
      let pdfTitle = try Self.pdfTitle(dir + "/Output/pdf/\(document).pdf")
      #expect(pdfTitle?.hasPrefix("soak run ") ?? false, "\(document).pdf: no title")
      let pages = manifest.keys.filter { $0.hasPrefix("svg/\(document)/") }
      #expect(!pages.isEmpty, "no SVG pages of \(document)")
      for page in pages {
        let svg = try String(contentsOfFile: dir + "/Output/" + page, encoding: .utf8)
        #expect(
          Self.svgTitle(svg) == pdfTitle,
          "\(page) is from \(Self.svgTitle(svg) ?? "?"), the PDF from \(pdfTitle ?? "?")")
      }
    }
    let left = (FileManager.default.enumerator(atPath: dir + "/Output")?.allObjects ?? [])
      .compactMap { $0 as? String }
      .filter { name in
        let last = (name as NSString).lastPathComponent
        return last.contains(".tmp-") || (last.hasPrefix(".pmreport-") && last.hasSuffix(".lock"))
      }
    #expect(left.isEmpty, "left behind: \(left.prefix(10))")
  }

  /// The PDF's title (its document information), as pdfinfo reads it.
  static func pdfTitle(_ path: String) throws -> String? {
    try run("pdfinfo", [path]).output.split(separator: "\n")
      .first { $0.hasPrefix("Title:") }
      .map { $0.dropFirst("Title:".count).trimmingCharacters(in: .whitespaces) }
  }

  /// The text of an SVG page's first `<title>` that names a soak run.
  static func svgTitle(_ svg: String) -> String? {
    guard let start = svg.range(of: "soak run ") else { return nil }
    let digits = svg[start.upperBound...].prefix { $0.isNumber }
    return "soak run " + digits
  }
}
