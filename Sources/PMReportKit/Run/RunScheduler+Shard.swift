import ReportModel

extension RunScheduler {
  /// The note a `--shard K/N` run gives before it starts; nil for none.
  ///
  /// A shard whose slice of the roster is empty says so, and writes nothing; any other shard
  /// names the shared files it leaves to a run without `--shard` (none when it leaves none out).
  /// A shard writes its participants' copies and its own manifest only, so that shards running
  /// at once into one folder never write the same file.
  var shardNote: RunWarning? {
    guard let shard = options.shard else { return nil }
    let name = "\(shard.index)/\(shard.count)"
    if participants.isEmpty {
      let rows = project.roster?.participants.count ?? 0
      return RunWarning(
        .shard,
        "note: shard \(name) holds no participant (\(rows) row\(rows == 1 ? "" : "s")); nothing "
          + "is written", isNote: true)
    }
    let shared = sharedFiles
    guard !shared.isEmpty else { return nil }
    return RunWarning(
      .shard,
      "note: --shard \(name) writes its participants' copies only; a run without --shard writes "
        + "the shared files: \(shared.joined(separator: ", "))", isNote: true)
  }

  /// What a run without `--shard` writes and a shard leaves out, in the config's order: each
  /// document no one gets a copy of (its name), and a personalised document's booklet and merged
  /// file (PDF files, written when the run writes PDF).
  var sharedFiles: [String] {
    project.resolvedDocuments.flatMap { document -> [String] in
      guard document.spec.personalised else { return [document.name] }
      guard settings.formats.contains(.pdf) else { return [] }
      return (document.spec.booklet ? [document.name + "-booklet.pdf"] : [])
        + (document.spec.merge ? [document.name + "-all.pdf"] : [])
    }
  }

  /// Whether a path (relative to the output folder) is one of this shard's files: a copy of a
  /// personalised document of the config for one of its participants (`pdf/summary/<slug>.pdf`,
  /// `svg/summary/<slug>/page-001.svg`).
  var isShardCopy: (String) -> Bool {
    let owner = ownerOfCopy
    return { owner($0) != nil }
  }

  /// The participant (of this run's) whose copy a path (relative to the output folder) is; nil
  /// for a path that is no participant's copy.
  var ownerOfCopy: (String) -> Participant? {
    let bySlug = Dictionary(participants.map { ($0.slug, $0) }) { first, _ in first }
    let documents = Set(settings.documents.filter(\.personalised).map(\.name))
    return { path in
      guard let copy = CopyOwner.named(by: path), documents.contains(copy.document) else {
        return nil
      }
      return bySlug[copy.slug]
    }
  }

  /// `manifest` as a shard writes it: each copy with its participant, and the roster's stamp.
  func naming(_ manifest: Manifest) -> Manifest {
    guard options.shard != nil, let roster = project.roster else { return manifest }
    var named = manifest
    let owner = ownerOfCopy
    for index in named.files.indices {
      named.files[index].participant = owner(named.files[index].path).map(CopyOwner.init)
    }
    named.roster = RosterStamp(roster)
    return named
  }
}
