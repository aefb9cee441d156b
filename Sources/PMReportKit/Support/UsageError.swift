import ReportConfig

/// A bad command-line value (exit 64).
public enum UsageError: Error, CustomStringConvertible {
  case unknownDocument(String, known: [String])
  /// `pmreport init`'s roles are not usable (the messages say why).
  case badRoles([String])
  /// `--shard K/N` slices a roster, and none was given.
  case shardWithoutRoster(Int, Int)
  /// `--shard`, `--shards` or the variables `--shard auto` reads do not name a shard (the
  /// message says which and why).
  case badShard(String)
  /// An option's value that is none of its choices: the value, what the option's values are
  /// ("page size"), and the choices.
  case unknownValue(String, what: String, choices: [String])
  /// `watch --serve --port N`: the port cannot be listened on (`reason`: the system's words).
  case portUnavailable(UInt16, reason: String)

  public var description: String {
    switch self {
    case .unknownDocument(let name, let known):
      "no document named '\(name)'\(Suggestions.nearest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""); the config defines: \(known.joined(separator: ", "))"
    case .badRoles(let problems): problems.joined(separator: "; ")
    case .shardWithoutRoster(let k, let n):
      "--shard \(k)/\(n) slices the roster, and there is none: give --roster FILE.csv or roster: "
        + "in the config"
    case .badShard(let message): message
    case .unknownValue(let value, let what, let choices):
      Suggestions.unknownValue(value, what: what, expected: choices)
    case .portUnavailable(let port, let reason):
      "--port \(port): cannot serve on 127.0.0.1:\(port) (\(reason)); choose another port, or "
        + "--port 0 for a free one"
    }
  }
}
