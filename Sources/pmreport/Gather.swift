import ArgumentParser
import Foundation
import PMReportKit
import ReportConfig

/// `pmreport gather DIR…`: joins the shards' manifests, checks every participant is there once,
/// and writes the merged print files.
struct Gather: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Join the manifests of --shard runs into one, checking every participant is there.",
    discussion: """
      Reads the shard manifests (manifest-K-of-N.json) in each DIR: one folder the shards \
      shared, or each shard's own artifact folder. Checks that they were written from the \
      roster given, that each roster line's copies are listed by exactly one shard (exit 65 \
      naming the lines missing or doubled) and that every listed file is there; then writes \
      manifest.json, listing every shard's files, into the first DIR (or --output).

      --merge DOCUMENT joins the shards' PDF copies of DOCUMENT, in roster order, into \
      pdf/DOCUMENT-all.pdf through qpdf, 200 files at a time. qpdf holds every page of a file \
      it writes in memory (0.2 to 0.35 MB a certificate page: over 2 GB for 10,000), so a \
      merged file holds at most 500 copies by default (--copies-per-file; 600 certificates \
      peaked at 255 MB), the next 500 going into pdf/DOCUMENT-all-2.pdf and on. A \
      joined file is for printing: it has the pages, but no tags, outline or named \
      destinations of the copies (it does not meet PDF/UA, like a run's own merged file).
      """)

  @Argument(help: "The folders of the shards' manifests and files.")
  var folders: [String]

  @Option(name: .long, help: "The roster the shards were run with (a CSV file).")
  var roster: String

  @Option(name: .long, help: "Where manifest.json and merged files go (default: the first DIR).")
  var output: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Also join this document's PDF copies into pdf/DOCUMENT-all.pdf; repeat for several.",
      valueName: "document"))
  var merge: [String] = []

  @Option(
    name: .customLong("copies-per-file"),
    help: ArgumentHelp(
      "With --merge, at most N copies a merged file; the next N go into "
        + "pdf/DOCUMENT-all-2.pdf and on (default: 500).",
      valueName: "n"))
  var copiesPerFile: Int?

  /// The copies a merged file holds unless `--copies-per-file` says otherwise: qpdf holds a file
  /// it writes whole in memory (600 certificates took about 255 MB).
  static let copiesPerFile = 500

  @Flag(name: .long, help: "Print nothing but errors.")
  var quiet = false

  func validate() throws {
    if folders.isEmpty { throw ValidationError("name at least one folder of shard manifests") }
    if let copiesPerFile, copiesPerFile < 1 {
      throw ValidationError("--copies-per-file must be 1 or more; got \(copiesPerFile)")
    }
  }

  func run() throws {
    // Ctrl-C removes the join's scratch files and the temporaries, as for a render.
    Interruption.install()
    let here = FileManager.default.currentDirectoryPath
    func absolute(_ path: String) -> String {
      URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: here + "/"))
        .standardizedFileURL.path
    }
    let summary = try ExitStatus.guarding {
      let participants = try Roster.load(
        path: absolute(roster), display: roster, inputs: Inputs())
      return try ShardGather(
        folders: folders.map(absolute), roster: participants, output: output.map(absolute),
        merged: merge, copiesPerFile: copiesPerFile ?? Self.copiesPerFile, workingDirectory: here
      ).run { note in if !quiet { Console.error(note.line) } }
    }
    guard !quiet else { return }
    Console.error(
      "gathered \(summary.manifests.count) shard manifest\(summary.manifests.count == 1 ? "" : "s")"
    )
    for file in summary.written {
      Console.error("\(Paths.relative(file.path, to: here))  \(file.pages) pages  \(file.bytes) B")
    }
    Console.error("\(Paths.relative(summary.manifest, to: here))")
  }
}
