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
