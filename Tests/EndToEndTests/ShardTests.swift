import Foundation
import Testing

/// `--shard K/N`: a shard writes its participants' copies and its own manifest, nothing shared;
/// the shared files (handouts, booklets, merged files) are a run without `--shard`'s.
@Suite struct ShardTests {
  /// Six participants; the shards of three hold two each.
  static let roster = """
    name,cohort
    Ana Souza,A
    José Álvarez,B
    Zoë O'Brien,A
    Søren Groß,B
    Ольга Иванова,A
    Kim Lee,B

    """

  /// A personalised summary with a booklet and a merged file, certificates merged, and a handout
  /// no one gets a copy of.
  static let config = """
    roster: roster.csv
    documents:
      - name: summary
        kind: report
        sections: [summary]
        toc: false
        personalised: true
        booklet: true
        merge: true
      - name: certificate
        kind: certificate
        merge: true
      - name: faq
        kind: report
        sections: [faq]
        toc: false

    """

  static let slugs = [
    "ana-souza", "jose-alvarez", "zoe-o-brien", "soren-gross", "participant-6", "kim-lee",
  ]

  /// The shared files of the project: a run without `--shard` writes them.
  static let shared = [
    "pdf/summary-booklet.pdf", "pdf/summary-all.pdf", "pdf/certificate-all.pdf", "pdf/faq.pdf",
  ]

  static func project() throws -> String {
    let dir = try projectFolder("pmreport-shard", config: config)
    try roster.write(toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    return dir
  }

  /// The paths a manifest of the output folder lists.
  static func listed(_ manifest: String, in dir: String) throws -> Set<String> {
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/Output/" + manifest))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return Set((object?["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
  }

  /// The file's inode: a file written again (a temporary renamed over it) gets another.
  static func inode(_ path: String) throws -> Int {
    try #require(
      FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int, "\(path)")
  }

  /// Shards write their participants' copies and their manifests, nothing else: the booklet, the
  /// merged files and the handout that the full run wrote stay as they are (not rewritten, not
  /// even with the same bytes), and so do `manifest.json` and the other shards' manifests.
  @Test func shardsWriteOnlyTheirParticipantsCopiesAndLeaveTheSharedFilesAlone() throws {
    let dir = try Self.project()
    let arguments = ["--format", "pdf", "--jobs", "1"]
    let full = try runPMReport(arguments, in: dir)
    try #require(full.status == 0, "\(full.summary)")
    for path in Self.shared {
      #expect(FileManager.default.fileExists(atPath: dir + "/Output/" + path), "\(path)")
    }
    let inodes = try Self.shared.map { try Self.inode(dir + "/Output/" + $0) }
    let manifest = try Data(contentsOf: URL(fileURLWithPath: dir + "/Output/manifest.json"))

    var shardManifests: [String: Data] = [:]
    for k in 1...3 {
      // The second shard shares its work with a worker process, the others build alone.
      let jobs = k == 2 ? ["--jobs", "2"] : []
      let shard = try runPMReport(arguments + jobs + ["--shard", "\(k)/3"], in: dir)
      try #require(shard.status == 0, "\(shard.summary)")
      #expect(
        shard.error.contains(
          "note: --shard \(k)/3 writes its participants' copies only; a run without --shard "
            + "writes the shared files: summary-booklet.pdf, summary-all.pdf, "
            + "certificate-all.pdf, faq, charts"),
        "\(shard.error)")
      let mine = Self.slugs[(2 * k - 2)..<(2 * k)]
      let expected = Set(mine.flatMap { ["pdf/summary/\($0).pdf", "pdf/certificate/\($0).pdf"] })
      let name = "manifest-\(k)-of-3.json"
      #expect(try Self.listed(name, in: dir) == expected, "shard \(k)")
      // The earlier shards' manifests are as they were.
      for (earlier, bytes) in shardManifests {
        #expect(
          try Data(contentsOf: URL(fileURLWithPath: dir + "/Output/" + earlier)) == bytes,
          "shard \(k) rewrote \(earlier)")
      }
      shardManifests[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/Output/" + name))
    }
    #expect(try Self.shared.map { try Self.inode(dir + "/Output/" + $0) } == inodes)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/Output/manifest.json")) == manifest)
    try ConcurrentRunTests.expectEveryEntryMatches(dir)
    for name in shardManifests.keys {
      try ConcurrentRunTests.expectEveryEntryMatches(dir, name: name)
    }
  }

  /// A shard's manifest lists its own participants' copies only: after the roster changed, the
  /// copies of the people who left its slice are no longer its files (another shard's now, or no
  /// one's), though they still match; a run of some documents keeps the others' copies of its
  /// participants.
  @Test func aShardsManifestListsOnlyItsOwnParticipantsCopies() throws {
    let dir = try Self.project()
    let arguments = ["--format", "pdf", "--jobs", "1", "--shard", "1/3"]
    let first = try runPMReport(arguments, in: dir)
    try #require(first.status == 0, "\(first.summary)")
    func copies(_ slugs: [String], _ documents: [String] = ["summary", "certificate"])
      -> Set<String>
    {
      Set(slugs.flatMap { slug in documents.map { "pdf/\($0)/\(slug).pdf" } })
    }
    #expect(
      try Self.listed("manifest-1-of-3.json", in: dir) == copies(["ana-souza", "jose-alvarez"]))

    // Zoë and Søren move to the top of the roster: shard 1's slice now.
    var rows = Self.roster.split(separator: "\n").map(String.init)
    rows.swapAt(1, 3)
    rows.swapAt(2, 4)
    try (rows.joined(separator: "\n") + "\n").write(
      toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
    let second = try runPMReport(arguments, in: dir)
    try #require(second.status == 0, "\(second.summary)")
    let now = copies(["zoe-o-brien", "soren-gross"])
    #expect(try Self.listed("manifest-1-of-3.json", in: dir) == now)

    let summaries = try runPMReport(arguments + ["--document", "summary"], in: dir)
    try #require(summaries.status == 0, "\(summaries.summary)")
    #expect(try Self.listed("manifest-1-of-3.json", in: dir) == now)
    try ConcurrentRunTests.expectEveryEntryMatches(dir, name: "manifest-1-of-3.json")
  }

  /// A shard with no participant (more shards than rows) writes nothing, not even its manifest
  /// or the output folder, says so, and succeeds.
  @Test func anEmptyShardWritesNothingAndSaysSo() throws {
    let dir = try Self.project()
    let result = try runPMReport(["--format", "pdf", "--shard", "1/100"], in: dir)
    #expect(result.status == 0, "\(result.summary)")
    #expect(
      result.error.contains("note: shard 1/100 holds no participant (6 rows); nothing is written"),
      "\(result.error)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/Output"))
  }
}
