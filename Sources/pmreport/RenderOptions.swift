import ArgumentParser
import Foundation
import PMReportKit
import ReportModel

/// What to build and how to report it: the options of `render` and `watch`.
struct RenderOptions: ParsableArguments {
  @OptionGroup var input: InputOptions

  @Option(
    name: .long,
    help:
      "Output format: pdf, svg, png or all; repeat for several (default: the config's, else pdf).",
    completion: FormatChoice.completion, transform: FormatChoice.parse)
  var format: [FormatChoice] = []

  @Option(
    name: .long,
    help: "Build only this document; repeat for several (default: every configured one).")
  var document: [String] = []

  @Option(
    name: .customLong("page-size"),
    help: "Paper: a4, letter, a5 or legal (each document keeps its orientation).",
    completion: PaperSize.completion, transform: PaperSize.parse)
  var pageSize: PaperSize?

  @Option(name: .long, help: "The output folder (default: the config's, else ./Output).")
  var output: String?

  @Option(name: .long, help: "PNG resolution in dots per inch (default 150).")
  var dpi: Double?

  @Option(
    name: .customLong("pdf-standard"),
    help: ArgumentHelp(
      "The standard every PDF meets: ua-1 (the default), a-2b, or none (plain PDF); repeat for "
        + "both (default: each document's, else the config's pdf-standard)."),
    completion: PDFStandardChoice.completion, transform: PDFStandardChoice.parse)
  var pdfStandard: [PDFStandardChoice] = []

  @Option(name: .long, help: "The shuffle seed of every worksheet (default: each one's seed:).")
  var seed: UInt64?

  @Option(name: .long, help: "The participants: a CSV file with a name column (default: roster:).")
  var roster: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "K/N: build the K-th of N slices of the roster (for parallel jobs); auto: the index from "
        + "JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch "
        + "array job), from 0, and N from --shards or PMREPORT_SHARDS.",
      valueName: "K/N|auto"))
  var shard: String?

  @Option(name: .long, help: "N for --shard auto (default: PMREPORT_SHARDS).")
  var shards: Int?

  @Option(
    name: [.short, .long],
    help: ArgumentHelp(
      "Processes to build with (default: the number of cores): the documents, formats and "
        + "roster copies are shared among them; 1 builds in this process alone."))
  var jobs: Int?

  /// Set on the worker processes a run starts (see `WorkerPool`).
  @Flag(name: .long, help: .hidden)
  var worker = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The folder of shaped paragraphs kept from run to run (default: .pmreport-cache/ beside "
        + "the config, else in the working directory); safe to delete.",
      valueName: "dir"))
  var cache: String?

  @Flag(name: .long, help: "Shape every paragraph again: read and write no cache folder.")
  var noCache = false

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "When another run is writing into the output folder, exit at once with status 75 "
        + "instead of waiting for it."))
  var noWait = false

  @Flag(name: .long, help: "Print nothing but errors.")
  var quiet = false

  @Flag(name: [.short, .long], help: "Also print one line a file written.")
  var verbose = false

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Print a JSON report on standard output (schemas/run-report.schema.json): each document "
        + "and file written, with times, the warnings and the failures; watch prints one a "
        + "build, on one line."))
  var json = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "How errors and warnings are printed: text, or github (workflow commands that annotate "
        + "a pull request)."),
    completion: DiagnosticsChoice.completion, transform: DiagnosticsChoice.parse)
  var diagnostics: DiagnosticsChoice = .text

  func validate() throws {
    do {
      _ = try shardRequest.resolve(in: ProcessInfo.processInfo.environment)
    } catch {
      throw ValidationError("\(error)")
    }
    if cache != nil, noCache {
      throw ValidationError("--cache and --no-cache cannot be used together")
    }
    if let dpi, !(30...1200).contains(dpi) {
      throw ValidationError("--dpi must be between 30 and 1200, got \(dpi)")
    }
    if let jobs, !(1...64).contains(jobs) {
      throw ValidationError("--jobs must be between 1 and 64, got \(jobs)")
    }
  }

  /// This program again with the same arguments, as a worker, for `jobs` processes in all.
  var workerLaunch: WorkerLaunch {
    let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
    let executable =
      FileManager.default.fileExists(atPath: "/proc/self/exe")
      ? "/proc/self/exe" : CommandLine.arguments[0]
    return WorkerLaunch(
      jobs: jobs, executable: executable,
      arguments: Array(CommandLine.arguments.dropFirst()) + ["--worker"])
  }

  /// These options as run options.
  var runOptions: RunOptions {
    var options = RunOptions(
      configPath: input.config, contentPath: input.content, style: input.style,
      formats: format.isEmpty ? nil : FormatChoice.expand(format),
      documents: document.isEmpty ? nil : document,
      paperSize: pageSize, outputDirectory: output, dpi: dpi, root: input.root,
      pdfStandards: pdfStandard.isEmpty ? nil : PDFStandardChoice.expand(pdfStandard))
    options.seed = seed
    options.rosterPath = roster
    // Checked by validate(): the same request in the same environment resolves.
    options.shard = (try? shardRequest.resolve(in: ProcessInfo.processInfo.environment)) ?? nil
    options.waitsForOutputFolder = !noWait
    options.cache = noCache ? .off : cache.map(ShapeCacheChoice.folder) ?? .besideConfig
    return options
  }

  /// `--shard` and `--shards`.
  var shardRequest: ShardRequest { ShardRequest(shard: shard, shards: shards) }

  /// How much a run prints on standard error: `--quiet` wins over `-v`.
  var verbosity: TextReporter.Verbosity { quiet ? .quiet : verbose ? .verbose : .normal }

  /// The standard-error sink `--diagnostics` picks (text, or GitHub annotations), printing to
  /// `output` as much as `verbosity` (by default the options') lets through.
  func lineReporter(_ output: any LineOutput, verbosity: TextReporter.Verbosity? = nil)
    -> any Reporter
  {
    let text = TextReporter(output, verbosity: verbosity ?? self.verbosity)
    return diagnostics == .github ? AnnotationReporter(text) : text
  }
}
