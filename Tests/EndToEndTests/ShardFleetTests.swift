import Foundation
import Testing

/// A roster too large for one job, as a fleet of engines runs it: eight shard processes at once
/// into one shared output folder, half told their index the Kubernetes way, half the AWS Batch
/// way, then gathered into one manifest. (Merging is `GatherTests`': joining 10,000 files with
/// qpdf would take the most of this test's time.)
@Suite struct ShardFleetTests {
  /// The roster's rows (the 10,000; a debug build writes about 130 SVG certificates a
  /// second on one core).
  static let rows = 10_000
  static let shards = 8

  @Test func eightShardProcessesShareOneFolderAndGatherEveryParticipant() throws {
    let dir = try projectFolder(
      "pmreport-fleet",
      config: """
        roster: roster.csv
        documents:
          - name: certificate
            kind: certificate

        """)
    let names = (1...Self.rows).map { String(format: "Person %05d", $0) }
    try (["name"] + names + [""]).joined(separator: "\n").write(
      toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    // The cheapest personalised file: a certificate as SVG (no PDF finishing; about 15 % less
    // CPU than an untagged PDF). Sharding and gathering do not depend on the format.
    let arguments = ["--format", "svg", "--jobs", "1", "--quiet", "--shard", "auto"]
    let fleet = try (0..<Self.shards).map { index in
      let variable = index.isMultiple(of: 2) ? "JOB_COMPLETION_INDEX" : "AWS_BATCH_JOB_ARRAY_INDEX"
      return try PMReportProcess(
        arguments, in: dir,
        environment: [variable: "\(index)", "PMREPORT_SHARDS": "\(Self.shards)"])
    }
    for (index, shard) in fleet.enumerated() {
      let run = shard.wait(timeout: 900)
      try #require(run.status == 0, "shard \(index + 1): \(run.summary)")
    }
    let gather = try runPMReport(
      ["gather", "Output", "--roster", "roster.csv"], in: dir, timeout: 900)
    try #require(gather.status == 0, "\(gather.summary)")
    #expect(gather.error.contains("gathered \(Self.shards) shard manifests"), "\(gather.error)")

    let joined = try GatherTests.entries(dir + "/Output/manifest.json")
    #expect(joined.count == Self.rows)
    let lines = Set(
      joined.values.compactMap { ($0["participant"] as? [String: Any])?["line"] as? Int })
    #expect(lines.count == Self.rows)
  }
}
