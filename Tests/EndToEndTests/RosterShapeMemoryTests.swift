import Foundation
import ReportConfig
import Testing

@testable import PMReportKit
@testable import TextShaping

/// A roster run's memory does not grow with its roster: the text engine remembers the shapes of
/// the last participants only, not every name measured and written so far.
@Suite struct RosterShapeMemoryTests {
  /// Counts, at each file a run reports, the paragraphs and widths its text engine remembers.
  final class RememberedShapes: Reporter {
    let measurer: PangoMeasurer
    private(set) var counts: [Int] = []

    init(_ measurer: PangoMeasurer) { self.measurer = measurer }

    func report(_ event: RunEvent) {
      guard case .file = event else { return }
      // The memo's two generations of paragraphs and widths.
      counts.append(measurer.memo.rememberedCount)
    }
  }

  /// What the text engine remembers at each certificate of a run over `names` (one process).
  static func remembered(certificatesFor names: [String]) throws -> [Int] {
    let dir = try projectFolder(
      "pmreport-roster-shapes", config: "documents:\n  - name: certificate\n    kind: certificate\n"
    )
    try ("name\n" + names.joined(separator: "\n") + "\n").write(
      toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    var options = RunOptions(
      configPath: dir + "/pmreport.yml", formats: [.pdf], documents: ["certificate"],
      outputDirectory: dir + "/out", workingDirectory: dir)
    options.rosterPath = dir + "/roster.csv"
    let session = RunShaping()
    let scheduler = try RunScheduler(
      project: Project.load(options: options, inputs: Inputs()), session: session)
    let measurer = try #require(session.measurer as? PangoMeasurer)
    let sampler = RememberedShapes(measurer)
    let summary = scheduler.run(reporter: sampler)
    #expect(summary.failures.isEmpty)
    #expect(summary.files.count == names.count, "a certificate a name")
    return sampler.counts
  }

  /// Three times the names, the same shapes remembered at every certificate: those of the last
  /// two participants and the certificate's fixed lines. (Before, every name measured stayed
  /// until the document's end: at the first certificate the engine held every name's sizes.)
  @Test func aCertificateRunRemembersTheLastParticipantsShapesOnly() throws {
    let few = ["Ana Souza", "Ольга Иванова", "王芳"]
    let many = (1...3).flatMap { copy in few.map { "\($0) \(copy)" } }
    let fewCounts = try Self.remembered(certificatesFor: few)
    let manyCounts = try Self.remembered(certificatesFor: many)
    #expect(!fewCounts.isEmpty, "a count at each certificate")
    #expect(manyCounts.max() == fewCounts.max(), "\(fewCounts) \(manyCounts)")
  }
}
