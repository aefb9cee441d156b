import Foundation
import Rendering
import ReportConfig
import Storage

/// `pmreport gather`: joins the shard manifests (`manifest-K-of-N.json`) of one or more folders
/// into one `manifest.json`, after checking that every roster line's participant has each copy
/// listed exactly once, and writes the merged print files asked for from the shards' copies.
///
/// The roster is read again (`--roster`), not taken from the manifests: only the roster can name
/// the lines of a shard whose manifest is missing altogether. Each shard manifest carries the
/// stamp of the roster it was written from (``RosterStamp``), so shards of another roster are
/// refused rather than miscounted.
public struct ShardGather {
  /// The folders holding the shards' manifests and files (absolute).
  public var folders: [String]
  public var roster: Roster
  /// Where `manifest.json` and the merged files go (absolute): by default the first folder.
  public var output: String
  /// The documents whose copies are merged into `pdf/<document>-all.pdf`, in roster order.
  public var merged: [String]
  /// The most copies a merged file holds (nil: all in one).
  ///
  /// More go into further files, `<document>-all-2.pdf` and on: qpdf holds every page it joins
  /// in memory until it writes the file (0.2 to 0.35 MB a certificate page), so a roster of
  /// thousands needs them split.
  public var copiesPerFile: Int?
  /// The folder paths in messages are relative to.
  public var workingDirectory: String

  public init(
    folders: [String], roster: Roster, output: String? = nil, merged: [String] = [],
    copiesPerFile: Int? = nil,
    workingDirectory: String = FileManager.default.currentDirectoryPath
  ) {
    self.folders = folders
    self.roster = roster
    self.output = output ?? folders[0]
    self.merged = merged
    self.copiesPerFile = copiesPerFile
    self.workingDirectory = workingDirectory
  }

  /// What a gather did: the shard manifests read, and the files written (the merged files, then
  /// `manifest.json`).
  public struct Summary: Sendable {
    public var manifests: [String] = []
    public var written: [WrittenFile] = []
    /// The path of the joined manifest.
    public var manifest = ""
  }

  /// Reads and checks the shard manifests, writes the merged files and the joined manifest.
  ///
  /// While a run holds the output folder, tells `note` once whom it waits for, as a run does (and
  /// the temporaries of interrupted runs it then removed).
  ///
  /// Throws a ``MissingFileError`` for a folder without shard manifests (exit 66), an
  /// ``InputError`` for manifests that do not decode, are of another roster, leave a roster line
  /// out or list it twice, or list a file that is not there as listed (exit 65).
  public func run(note: (RunWarning) -> Void = { _ in }) throws -> Summary {
    // Held before the manifests are read: a shard run still writing into the folder finishes
    // first.
    try OutputFolderLock.take(
      output, access: .exclusive, wait: true, workingDirectory: workingDirectory, note: note)
    defer { RunLock.release(output) }
    let shards = try ShardManifest.read(folders, relativeTo: workingDirectory)
    try check(shards)
    var summary = Summary(manifests: shards.map(\.shown))
    var records: [FileRecord] = []
    for shard in shards {
      for var entry in shard.manifest.files {
        entry.path = Self.path(shard.folder + "/" + entry.path, from: output)
        records.append(entry)
      }
    }
    for document in merged {
      for file in try merge(document, from: shards) {
        summary.written.append(file)
        records.append(FileRecord(file, outputDirectory: output, timed: false))
      }
    }
    var joined = Manifest(files: [], outputDirectory: output)
    joined.files = records.sorted { $0.path < $1.path }
    joined.roster = RosterStamp(roster)
    summary.manifest = try joined.write(to: output)
    return summary
  }

  /// Throws every problem found at once: a manifest of another roster, a copy without its
  /// participant, a roster line missing or doubled, a listed file missing or of another size.
  private func check(_ shards: [ShardManifest]) throws {
    let stamp = RosterStamp(roster)
    var coverage = RosterCoverage(lines: roster.participants.map(\.line))
    var problems: [Diagnostic] = []
    let slugs = Dictionary(
      roster.participants.map { ($0.line, $0.slug) }, uniquingKeysWith: { first, _ in first })
    func problem(_ file: String, _ message: String) {
      problems.append(Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: message))
    }
    for shard in shards {
      if shard.manifest.roster != stamp {
        let rows = shard.manifest.roster.map { "\($0.rows) rows" } ?? "no roster recorded"
        problem(
          shard.shown,
          "written from another roster than \(roster.file) (\(rows); \(stamp.rows) rows here): "
            + "run that shard again with this roster, or gather with the roster it used")
        continue
      }
      for entry in shard.manifest.files {
        guard let owner = entry.participant else {
          problem(shard.shown, "\(entry.path) names no participant")
          continue
        }
        // A copy's line must be the roster's line of that slug, and its path must carry it.
        if let slug = slugs[owner.line],
          owner.slug != slug || CopyOwner.named(by: entry.path)?.slug != slug
        {
          problem(
            shard.shown,
            "\(entry.path) is listed for roster line \(owner.line) (\(owner.slug)), whose copies "
              + "are \(slug)'s")
          continue
        }
        coverage.add(
          line: owner.line, document: entry.document, format: entry.format, manifest: shard.shown)
        let path = shard.folder + "/" + entry.path
        let status = entry.staysInside ? FileStatus(path: path, followingLinks: false) : nil
        if status?.isRegularFile != true || status?.size != Int64(entry.bytes) {
          problem(
            shard.shown,
            "\(entry.path) is listed with \(entry.bytes) bytes and is "
              + (status == nil ? "missing" : "not that file"))
        }
      }
    }
    if problems.isEmpty {
      for message in coverage.problems { problem(roster.file, message) }
    }
    if !problems.isEmpty { throw InputError(diagnostics: problems) }
  }

  /// `path` relative to `folder` (both absolute and standardized), with `..` where it lies
  /// outside: a manifest's paths are relative to its folder.
  static func path(_ path: String, from folder: String) -> String {
    let target = path.split(separator: "/")
    let base = folder.split(separator: "/")
    let common = zip(target, base).prefix { $0 == $1 }.count
    return
      (Array(repeating: "..", count: base.count - common)
      + target.dropFirst(common).map(String.init))
      .joined(separator: "/")
  }

  /// Joins the shards' PDF copies of `document`, in roster order, into
  /// `pdf/<document>-all.pdf` in the output folder; with ``copiesPerFile``, the second file of
  /// that many copies and on into `pdf/<document>-all-2.pdf` and on.
  private func merge(_ document: String, from shards: [ShardManifest]) throws -> [WrittenFile] {
    var copies: [(line: Int, path: String)] = []
    for shard in shards {
      for entry in shard.manifest.files where entry.document == document && entry.format == "pdf" {
        copies.append((entry.participant?.line ?? 0, shard.folder + "/" + entry.path))
      }
    }
    guard !copies.isEmpty else {
      let known = Set(shards.flatMap { $0.manifest.files.map(\.document) }).sorted()
      throw UsageError.unknownDocument(document, known: known)
    }
    let folder = output + "/pdf"
    try OutputWriter.refuseFormatFolderLeadingOut(
      "pdf", in: output, workingDirectory: workingDirectory)
    try FileManager.default.createOutputDirectory(folder)
    let byLine = Dictionary(grouping: copies, by: \.line)
    let doubled = byLine.filter { $0.value.count > 1 }.keys.sorted()
    guard doubled.isEmpty else {
      throw InputError(diagnostics: [
        Diagnostic(
          file: roster.file, line: 0, column: 0, keyPath: "",
          message: "\(document): roster lines \(RosterCoverage.ranges(doubled)) have more than "
            + "one PDF copy listed; each participant's copy is joined once")
      ])
    }
    let ordered = copies.sorted { $0.line < $1.line }.map(\.path)
    let size = copiesPerFile ?? ordered.count
    return try stride(from: 0, to: ordered.count, by: size).map { start in
      let name = start == 0 ? "\(document)-all.pdf" : "\(document)-all-\(start / size + 1).pdf"
      return try PDFJoiner(path: folder + "/" + name).join(
        Array(ordered[start..<min(start + size, ordered.count)]), document: document)
    }
  }
}
