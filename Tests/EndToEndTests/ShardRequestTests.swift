import Testing

@testable import PMReportKit

/// `--shard K/N`, `--shard auto` and `--shards N` resolved against an engine's environment, as
/// pure code: the environment is a dictionary here.
@Suite struct ShardRequestTests {
  /// The shard `--shard shard --shards shards` resolves to in `environment`.
  static func resolve(_ shard: String?, shards: Int? = nil, _ environment: [String: String] = [:])
    -> Result<Shard?, any Error>
  {
    Result { try ShardRequest(shard: shard, shards: shards).resolve(in: environment) }
  }

  /// The usage error's message; "no error" when it resolves, the error when it is no usage error.
  static func message(
    _ shard: String?, shards: Int? = nil, _ environment: [String: String] = [:]
  ) -> String {
    guard case .failure(let error) = resolve(shard, shards: shards, environment) else {
      return "no error"
    }
    return (error as? UsageError)?.description ?? "not a usage error: \(error)"
  }

  @Test func noShardIsTheWholeRoster() throws {
    #expect(try Self.resolve(nil, ["JOB_COMPLETION_INDEX": "3"]).get() == nil)
  }

  @Test func anExplicitShardCountsFromOne() throws {
    #expect(try Self.resolve("2/4").get() == Shard(index: 2, count: 4))
    #expect(try Self.resolve("4/4", shards: 4).get() == Shard(index: 4, count: 4))
    #expect(Self.message("5/4").contains("--shard must be K/N with 1 ≤ K ≤ N"))
    #expect(Self.message("0/4").contains("got '0/4'"))
  }

  @Test func kubernetesAndAWSBatchIndicesCountFromZero() throws {
    #expect(
      try Self.resolve("auto", shards: 8, ["JOB_COMPLETION_INDEX": "0"]).get()
        == Shard(index: 1, count: 8))
    #expect(
      try Self.resolve("auto", ["AWS_BATCH_JOB_ARRAY_INDEX": "7", "PMREPORT_SHARDS": "8"]).get()
        == Shard(index: 8, count: 8))
    // Both set, and agreeing.
    #expect(
      try Self.resolve(
        "auto",
        ["JOB_COMPLETION_INDEX": "2", "AWS_BATCH_JOB_ARRAY_INDEX": "2", "PMREPORT_SHARDS": "3"]
      ).get() == Shard(index: 3, count: 3))
    // --shards wins over PMREPORT_SHARDS.
    #expect(
      try Self.resolve("auto", shards: 4, ["JOB_COMPLETION_INDEX": "3", "PMREPORT_SHARDS": "2"])
        .get() == Shard(index: 4, count: 4))
  }

  @Test func autoWithNothingSetSaysWhatItReads() {
    let message = Self.message("auto", shards: 4)
    #expect(message.contains("JOB_COMPLETION_INDEX"), "\(message)")
    #expect(message.contains("AWS_BATCH_JOB_ARRAY_INDEX"), "\(message)")
    #expect(message.contains("neither is set"), "\(message)")
    let noCount = Self.message("auto", ["JOB_COMPLETION_INDEX": "1"])
    #expect(noCount.contains("give --shards N or set PMREPORT_SHARDS"), "\(noCount)")
  }

  @Test func badValuesAreNamedWithTheirVariable() {
    #expect(
      Self.message(
        "auto", shards: 4, ["JOB_COMPLETION_INDEX": "1", "AWS_BATCH_JOB_ARRAY_INDEX": "2"]
      )
      .contains("JOB_COMPLETION_INDEX=1 and AWS_BATCH_JOB_ARRAY_INDEX=2 disagree"))
    #expect(
      Self.message("auto", shards: 4, ["JOB_COMPLETION_INDEX": "x1"])
        .contains("JOB_COMPLETION_INDEX='x1' is not a shard index"))
    #expect(
      Self.message("auto", shards: 4, ["AWS_BATCH_JOB_ARRAY_INDEX": "-1"])
        .contains("AWS_BATCH_JOB_ARRAY_INDEX='-1' is not a shard index"))
    #expect(
      Self.message("auto", ["JOB_COMPLETION_INDEX": "8", "PMREPORT_SHARDS": "8"])
        .contains("JOB_COMPLETION_INDEX=8 is not below the number of shards, 8 (PMREPORT_SHARDS=8)")
    )
    // The largest index a variable can hold is refused, not added to (no overflow trap).
    #expect(
      Self.message("auto", ["JOB_COMPLETION_INDEX": "\(Int.max)", "PMREPORT_SHARDS": "2"])
        .contains("is not below the number of shards, 2"))
    #expect(
      Self.message("auto", ["JOB_COMPLETION_INDEX": "0", "PMREPORT_SHARDS": "eight"])
        .contains("PMREPORT_SHARDS='eight' is not a number of shards"))
    #expect(
      Self.message("auto", ["JOB_COMPLETION_INDEX": "0", "PMREPORT_SHARDS": "0"])
        .contains("PMREPORT_SHARDS='0'"))
  }

  @Test func shardsMustAgreeWithAnExplicitShardAndNotStandAlone() {
    #expect(
      Self.message("2/4", shards: 8).contains("--shards 8 disagrees with --shard 2/4 (4 shards)"))
    #expect(Self.message(nil, shards: 8).contains("give --shard auto"))
    #expect(Self.message("auto", shards: 0).contains("--shards must be 1 or more; got 0"))
  }
}
