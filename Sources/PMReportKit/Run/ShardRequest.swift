/// What the command line asks of sharding: `--shard K/N` or `--shard auto`, and `--shards N`;
/// ``resolve(in:)`` turns it into the run's ``Shard`` with the engine's environment.
///
/// `--shard auto` reads the shard's index (from 0) from a Kubernetes Indexed Job
/// (`JOB_COMPLETION_INDEX`) or an AWS Batch array job (`AWS_BATCH_JOB_ARRAY_INDEX`), and the
/// number of shards from `--shards N`, else `PMREPORT_SHARDS` (neither engine sets one).
public struct ShardRequest: Sendable, Hashable {
  /// `--shard`'s value: `K/N` or `auto`; nil when not given.
  public var shard: String?
  /// `--shards N`; nil when not given.
  public var shards: Int?

  /// The variables that name a shard's index, from 0, with the engine that sets each.
  public static let indexVariables = [
    ("JOB_COMPLETION_INDEX", "a Kubernetes Indexed Job"),
    ("AWS_BATCH_JOB_ARRAY_INDEX", "an AWS Batch array job"),
  ]
  /// The variable that gives the number of shards to `--shard auto` without `--shards`.
  public static let countVariable = "PMREPORT_SHARDS"

  public init(shard: String?, shards: Int?) {
    self.shard = shard
    self.shards = shards
  }

  /// The shard this run builds, nil for the whole roster; `environment` is the process's.
  ///
  /// Throws a ``UsageError/badShard(_:)`` naming the option or variable and its value: `K/N` out
  /// of range, `--shards` disagreeing with `K/N` or given alone, and for `auto` no index or count
  /// set, the two engines' indices disagreeing, or an index not a number or not below the count.
  public func resolve(in environment: [String: String]) throws -> Shard? {
    if let shards, shards < 1 {
      throw UsageError.badShard("--shards must be 1 or more; got \(shards)")
    }
    guard let shard else {
      guard let shards else { return nil }
      throw UsageError.badShard(
        "--shards \(shards) counts the shards of --shard auto; give --shard auto (or --shard K/N)")
    }
    if shard == "auto" { return try automatic(in: environment) }
    guard let explicit = Shard(shard) else {
      throw UsageError.badShard(
        "--shard must be K/N with 1 ≤ K ≤ N, like 2/4, or auto; got '\(shard)'")
    }
    if let shards, shards != explicit.count {
      throw UsageError.badShard(
        "--shards \(shards) disagrees with --shard \(shard) (\(explicit.count) shards); give one")
    }
    return explicit
  }

  /// `--shard auto`: the index from the engine's variable, the count from `--shards` or
  /// `PMREPORT_SHARDS`.
  private func automatic(in environment: [String: String]) throws -> Shard {
    let count = try self.count(in: environment)
    let set = Self.indexVariables.compactMap { name, _ in environment[name].map { (name, $0) } }
    guard let (name, value) = set.first else {
      let names = Self.indexVariables.map { "\($0.0) (\($0.1))" }
      throw UsageError.badShard(
        "--shard auto reads the shard's index from \(names.joined(separator: " or ")), and "
          + "neither is set; outside those engines give --shard K/N")
    }
    if let other = set.dropFirst().first(where: { $0.1 != value }) {
      throw UsageError.badShard(
        "--shard auto: \(name)=\(value) and \(other.0)=\(other.1) disagree; unset one")
    }
    guard let index = Int(value), index >= 0 else {
      throw UsageError.badShard(
        "--shard auto: \(name)='\(value)' is not a shard index (a whole number from 0)")
    }
    guard index < count.value, let shard = Shard(index: index + 1, count: count.value) else {
      throw UsageError.badShard(
        "--shard auto: \(name)=\(value) is not below the number of shards, \(count.value) "
          + "(\(count.source)); the index counts from 0")
    }
    return shard
  }

  /// The number of shards and where it came from (`--shards 8`, `PMREPORT_SHARDS=8`).
  private func count(in environment: [String: String]) throws -> (value: Int, source: String) {
    if let shards { return (shards, "--shards \(shards)") }
    let name = Self.countVariable
    guard let value = environment[name] else {
      throw UsageError.badShard(
        "--shard auto needs the number of shards: give --shards N or set \(name)")
    }
    guard let count = Int(value), count >= 1 else {
      throw UsageError.badShard(
        "--shard auto: \(name)='\(value)' is not a number of shards (a whole number from 1)")
    }
    return (count, "\(name)=\(value)")
  }
}
