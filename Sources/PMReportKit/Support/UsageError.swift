import ReportConfig

/// A bad command-line value (exit 64).
public enum UsageError: Error, CustomStringConvertible {
  case unknownDocument(String, known: [String])
  /// `pmreport init`'s roles are not usable (the messages say why).
  case badRoles([String])
  /// `--shard K/N` slices a roster, and none was given.
  case shardWithoutRoster(Int, Int)
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
    case .portUnavailable(let port, let reason):
      "--port \(port): cannot serve on 127.0.0.1:\(port) (\(reason)); choose another port, or "
        + "--port 0 for a free one"
    }
  }
}
