import Foundation
import Testing

/// `pmreport gather`: the shards' manifests joined into one, every roster line's participant
/// checked to be there exactly once, and the merged print file written from the shards' copies.
@Suite struct GatherTests {
  /// Six participants on lines 2–7; the shards of three hold two each.
  static let config = """
    roster: roster.csv
    documents:
      - name: certificate
        kind: certificate

    """

  static func project() throws -> String {
    let dir = try projectFolder("pmreport-gather", config: config)
    try ShardTests.roster.write(toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    return dir
  }

  /// Runs shard `k` of `n` with `--shard auto`, its index from a Kubernetes Indexed Job's
  /// variable, into `output`.
  static func shard(_ k: Int, of n: Int, in dir: String, output: String = "Output") throws {
    let run = try PMReportProcess(
      ["--format", "pdf", "--jobs", "1", "--output", output, "--shard", "auto"], in: dir,
      environment: ["JOB_COMPLETION_INDEX": "\(k - 1)", "PMREPORT_SHARDS": "\(n)"]
    ).wait(timeout: 120)
    try #require(run.status == 0, "\(run.summary)")
  }

  /// The manifest's entries by path.
  static func entries(_ path: String) throws -> [String: [String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let files = object?["files"] as? [[String: Any]] ?? []
    return Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as? String ?? "", $0) })
  }

  /// Shards in a shared folder and in a folder of their own are joined: every copy listed once,
  /// named by its participant's line and slug, and the merged file holds every copy in roster
  /// order.
  @Test func gatherJoinsTheShardsAndMergesTheCopiesInRosterOrder() throws {
    let dir = try Self.project()
    try Self.shard(1, of: 3, in: dir)
    try Self.shard(2, of: 3, in: dir)
    try Self.shard(3, of: 3, in: dir, output: "Third")
    let shardManifest = try Self.entries(dir + "/Output/manifest-1-of-3.json")
    let owner = try #require(shardManifest["pdf/certificate/jose-alvarez.pdf"]?["participant"])
    #expect((owner as? [String: Any])?["line"] as? Int == 3)
    #expect((owner as? [String: Any])?["slug"] as? String == "jose-alvarez")

    let gather = try runPMReport(
      ["gather", "Output", "Third", "--roster", "roster.csv", "--merge", "certificate"], in: dir)
    try #require(gather.status == 0, "\(gather.summary)")
    let joined = try Self.entries(dir + "/Output/manifest.json")
    let copies = ShardTests.slugs.enumerated().map { index, slug in
      (index < 4 ? "" : "../Third/") + "pdf/certificate/\(slug).pdf"
    }
    #expect(Set(joined.keys) == Set(copies + ["pdf/certificate-all.pdf"]))
    for (index, path) in copies.enumerated() {
      let owner = joined[path]?["participant"] as? [String: Any]
      #expect(owner?["line"] as? Int == index + 2, "\(path)")
    }
    let merged = try #require(joined["pdf/certificate-all.pdf"])
    #expect(merged["pages"] as? Int == 6)
    let text = try run("pdftotext", [dir + "/Output/pdf/certificate-all.pdf", "-"]).output
    let order = ["Ana Souza", "José Álvarez", "Zoë O'Brien", "Søren Groß", "Kim Lee"].map {
      text.range(of: $0)?.lowerBound
    }
    #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "\(text)")
  }

  /// `--copies-per-file 4` splits six copies into `certificate-all.pdf` (4 pages) and
  /// `certificate-all-2.pdf` (2 pages), both in the manifest.
  @Test func copiesPerFileSplitsTheMergedFile() throws {
    let dir = try Self.project()
    for k in 1...2 { try Self.shard(k, of: 2, in: dir) }
    let gather = try runPMReport(
      [
        "gather", "Output", "--roster", "roster.csv", "--merge", "certificate",
        "--copies-per-file", "4",
      ], in: dir)
    try #require(gather.status == 0, "\(gather.summary)")
    let joined = try Self.entries(dir + "/Output/manifest.json")
    #expect(joined["pdf/certificate-all.pdf"]?["pages"] as? Int == 4)
    #expect(joined["pdf/certificate-all-2.pdf"]?["pages"] as? Int == 2)
  }

  /// A shard that never ran leaves its participants' lines missing: gather names them and
  /// exits 65, writing no manifest.
  @Test func gatherNamesTheMissingRosterLines() throws {
    let dir = try Self.project()
    try Self.shard(1, of: 3, in: dir)
    try Self.shard(3, of: 3, in: dir)
    let gather = try runPMReport(["gather", "Output", "--roster", "roster.csv"], in: dir)
    #expect(gather.status == 65, "\(gather.summary)")
    #expect(
      gather.error.contains("roster.csv: error: certificate (pdf): missing roster lines 4, 5"),
      "\(gather.error)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/Output/manifest.json"))
  }

  /// Shards of two different counts in one folder list some participants twice: gather names
  /// the lines and the manifests, and exits 65.
  @Test func gatherNamesTheDoubledRosterLines() throws {
    let dir = try Self.project()
    for k in 1...3 { try Self.shard(k, of: 3, in: dir) }
    try Self.shard(1, of: 2, in: dir)
    let gather = try runPMReport(["gather", "Output", "--roster", "roster.csv"], in: dir)
    #expect(gather.status == 65, "\(gather.summary)")
    #expect(
      gather.error.contains(
        "certificate (pdf): doubled roster lines 2–4, listed by more than one of "
          + "Output/manifest-1-of-2.json, Output/manifest-1-of-3.json, Output/manifest-2-of-3.json"),
      "\(gather.error)")
  }

  /// A folder named twice (here once through a link) is read once: no copy is listed or
  /// merged twice.
  @Test func aFolderNamedTwiceIsReadOnce() throws {
    let dir = try Self.project()
    for k in 1...2 { try Self.shard(k, of: 2, in: dir) }
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/Again", withDestinationPath: dir + "/Output")
    let gather = try runPMReport(
      ["gather", "Output", "Output", "Again", "--roster", "roster.csv", "--merge", "certificate"],
      in: dir)
    try #require(gather.status == 0, "\(gather.summary)")
    let joined = try Self.entries(dir + "/Output/manifest.json")
    #expect(joined["pdf/certificate-all.pdf"]?["pages"] as? Int == 6)
    #expect(joined.count == 7, "\(joined.keys.sorted())")
  }

  /// Shards of another roster are refused, not miscounted.
  @Test func gatherRefusesShardsOfAnotherRoster() throws {
    let dir = try Self.project()
    for k in 1...3 { try Self.shard(k, of: 3, in: dir) }
    try (ShardTests.roster + "Extra Person,A\n").write(
      toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    let gather = try runPMReport(["gather", "Output", "--roster", "roster.csv"], in: dir)
    #expect(gather.status == 65, "\(gather.summary)")
    #expect(gather.error.contains("written from another roster than roster.csv"), "\(gather.error)")
  }
}
