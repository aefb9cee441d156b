import Storage

/// Whose copy a file of a shard's manifest is: the participant's roster line (the line of the CSV
/// file the row starts on, as errors name it) and slug.
struct CopyOwner: Codable, Hashable, Sendable {
  var line: Int
  var slug: String

  init(_ participant: Participant) {
    line = participant.line
    slug = participant.slug
  }

  /// The document and slug a copy's path (relative to its output folder) names:
  /// `pdf/summary/<slug>.pdf`, `svg/summary/<slug>/page-001.svg`; nil for a shorter path.
  static func named(by path: String) -> (document: String, slug: String)? {
    let parts = path.split(separator: "/")
    guard parts.count >= 3 else { return nil }
    let slug = parts.count == 3 ? parts[2].prefix { $0 != "." } : parts[2]
    return (String(parts[1]), String(slug))
  }
}

/// The roster a shard's manifest was written from: its number of participants and a SHA-256 of
/// each one's line and slug, so that `pmreport gather` can tell shards of another roster apart.
struct RosterStamp: Codable, Hashable, Sendable {
  var rows: Int
  var sha256: String

  init(_ roster: Roster) {
    rows = roster.participants.count
    let hash = SHA256()
    for participant in roster.participants {
      hash.update(Array("\(participant.line) \(participant.slug)\n".utf8))
    }
    sha256 = hash.hexDigest()
  }
}
