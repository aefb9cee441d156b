import ArgumentParser
import Foundation
import PMReportKit
import ReportModel

/// `pmreport`: renders the comparison handouts.
///
/// Thin: parsing and exit codes; the work is in PMReportKit.
@main
struct PMReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pmreport",
    abstract: "Typeset the Business vs Technical Product Manager handouts as PDF, SVG and PNG.",
    version: ProgramVersion.description,
    subcommands: [
      Render.self, Watch.self, Init.self, ExportContent.self, Check.self, List.self, Doctor.self,
    ],
    defaultSubcommand: Render.self)
}

// MARK: - Shared options

/// Where the config and content come from.
struct InputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "The config file (default: ./pmreport.yml when present, else built-in defaults).")
  var config: String?

  @Option(
    name: .long,
    help: "A content file in the export-content schema (default: the built-in comparison).")
  var content: String?

  @Option(name: .long, help: "A style name from the Styles/ folder, or a style file path.")
  var style: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The project root: every file read (config, content, styles, images) must lie inside it "
        + "(default: the config file's folder, else the working directory)."))
  var root: String?

  /// These inputs as run options (everything else at its default).
  var runOptions: RunOptions {
    RunOptions(configPath: config, contentPath: content, style: style, root: root)
  }
}

// MARK: - render (default)

/// What to build and how to report it: the options of `render` and `watch`.
struct RenderOptions: ParsableArguments {
  @OptionGroup var input: InputOptions

  @Option(
    name: .long,
    help:
      "Output format: pdf, svg, png or all; repeat for several (default: the config's, else pdf).")
  var format: [FormatChoice] = []

  @Option(
    name: .long,
    help: "Build only this document; repeat for several (default: every configured one).")
  var document: [String] = []

  @Option(
    name: .customLong("page-size"),
    help: "Paper: a4, letter, a5 or legal (each document keeps its orientation).")
  var pageSize: PaperSize?

  @Option(name: .long, help: "The output folder (default: the config's, else ./Output).")
  var output: String?

  @Option(name: .long, help: "PNG resolution in dots per inch (default 150).")
  var dpi: Double?

  @Option(
    name: .customLong("pdf-standard"),
    help: ArgumentHelp(
      "The standard every PDF meets: ua-1 (the default), a-2b, or none (plain PDF); repeat for "
        + "both (default: each document's, else the config's pdf-standard)."))
  var pdfStandard: [PDFStandardChoice] = []

  @Option(name: .long, help: "The shuffle seed of every worksheet (default: each one's seed:).")
  var seed: UInt64?

  @Option(name: .long, help: "The participants: a CSV file with a name column (default: roster:).")
  var roster: String?

  @Option(name: .long, help: "K/N: build the K-th of N slices of the roster (for parallel jobs).")
  var shard: String?

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

  @Flag(name: .long, help: "Print nothing but errors.")
  var quiet = false

  @Flag(name: [.short, .long], help: "Also print one line a file written.")
  var verbose = false

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Print a JSON report on standard output (schemas/run-report.schema.json): each document "
        + "and file written, with times, the warnings and the failures."))
  var json = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "How errors and warnings are printed: text, or github (workflow commands that annotate "
        + "a pull request)."))
  var diagnostics: DiagnosticsChoice = .text

  func validate() throws {
    if let shard, Shard(shard) == nil {
      throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, like 2/4; got '\(shard)'")
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
    options.shard = shard.flatMap(Shard.init)
    options.cache = noCache ? .off : cache.map(ShapeCacheChoice.folder) ?? .besideConfig
    return options
  }

  /// Prints a run's report line as `--quiet`, `--verbose` and `--diagnostics` say, above the
  /// progress bar.
  func printer(_ progress: ProgressBar) -> (LogLine) -> Void {
    let (quiet, verbose, format) = (self.quiet, self.verbose, diagnostics.format)
    return { line in
      switch line.kind {
      case .error: progress.print(format.line(line.text, kind: .error))
      case .warning where !quiet: progress.print(format.line(line.text, kind: .warning))
      case .document where !quiet: progress.print(line.text)
      case .file where verbose && !quiet: progress.print(line.text)
      default: break
      }
    }
  }
}

/// Renders the configured documents.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render the configured documents (the default command).")

  @OptionGroup var options: RenderOptions

  func run() throws {
    Interruption.install()
    if options.worker {
      // A worker's units report through the parent; what fails outside them goes to stderr.
      let errors: (LogLine) -> Void = { if $0.kind == .error { Console.error($0.text) } }
      let scheduler = try ExitStatus.guarding(options.diagnostics.format) {
        try RunScheduler.load(options: options.runOptions, prepareFonts: true, log: errors)
      }
      scheduler.serveUnits(reporter: LineReporter(errors))
      return
    }
    let launch = options.workerLaunch
    let progress = ProgressBar(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
    let started = DispatchTime.now()
    var outputDirectory = ""
    let summary = try ExitStatus.guarding(options.diagnostics.format) {
      let log = options.printer(progress)
      let scheduler = try RunScheduler.load(
        options: options.runOptions, prepareFonts: true, log: log)
      outputDirectory = scheduler.project.settings.outputDirectory
      defer { progress.clear() }
      return scheduler.run(
        workers: launch,
        reporter: LineReporter(log) { index, count, name in progress.show(index, of: count, name) })
    }
    if options.json {
      print(
        RunReport(
          summary, outputDirectory: outputDirectory, seconds: started.elapsedSeconds
        ).json)
    }
    if let (_, error) = summary.failures.first { throw ExitCode(ExitStatus.code(for: error)) }
  }
}

// MARK: - watch

/// Builds like `render`, then again each time an input changes, until Ctrl-C.
struct Watch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Build like render, then rebuild whenever the config, the content, a style in use or an "
      + "image changes; Ctrl-C stops.")

  @OptionGroup var options: RenderOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Wait until the files have been quiet this many milliseconds before rebuilding.",
      valueName: "ms"))
  var debounce = 15

  func validate() throws {
    if options.json { throw ValidationError("--json reports one run; watch builds many") }
    if options.jobs != nil {
      throw ValidationError("--jobs: watch builds in this one process, keeping its text engine")
    }
    if !(0...10_000).contains(debounce) {
      throw ValidationError("--debounce must be between 0 and 10000 ms, got \(debounce)")
    }
  }

  func run() throws {
    Interruption.install()
    let format = options.diagnostics.format
    let session = WatchSession(
      options: options.runOptions, quietMilliseconds: debounce, splitsTime: options.verbose,
      reporter: WatchSession.Reporter(
        log: options.printer(ProgressBar(enabled: false)),
        failed: { error in for line in format.lines(for: error) { Console.error(line) } },
        status: Console.error))
    try ExitStatus.guarding(format) { try session.run() }
  }
}

/// The choices of `export-content --format`: YAML or Markdown (also written `md`).
enum ContentFormatChoice: String, ExpressibleByArgument, CaseIterable {
  case yaml, markdown, md
  var format: ContentExport.Format { self == .yaml ? .yaml : .markdown }
}

/// `--diagnostics` values.
enum DiagnosticsChoice: String, ExpressibleByArgument, CaseIterable {
  case text, github
  var format: DiagnosticsFormat { self == .github ? .github : .text }
}

/// `--format` values: a format or `all`.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
  case pdf, svg, png, all
  static func expand(_ choices: [FormatChoice]) -> [OutputFormat] {
    var out: [OutputFormat] = []
    for c in choices {
      let add: [OutputFormat] =
        c == .all ? OutputFormat.allCases : [OutputFormat(rawValue: c.rawValue) ?? .pdf]
      for f in add where !out.contains(f) { out.append(f) }
    }
    return out
  }
}

extension PaperSize: ExpressibleByArgument {}

/// `--pdf-standard` values: a standard, or `none`.
enum PDFStandardChoice: String, ExpressibleByArgument, CaseIterable {
  case ua1 = "ua-1"
  case a2b = "a-2b"
  case none
  static func expand(_ choices: [PDFStandardChoice]) -> Set<PDFStandard> {
    Set(choices.compactMap { PDFStandard(rawValue: $0.rawValue) })
  }
}

// MARK: - export-content

/// Prints the content as YAML or Markdown, either of which `--content` reads.
struct ExportContent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-content",
    abstract: "Print the content (built-in or --content) as editable YAML or Markdown.")

  @OptionGroup var input: InputOptions

  @Option(name: .long, help: "yaml (the default) or markdown (front matter and body).")
  var format: ContentFormatChoice = .yaml

  func run() throws {
    let text = try ExitStatus.guarding {
      try ContentExport.text(
        contentPath: input.content, format: format.format, root: input.root)
    }
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}

// MARK: - check

/// Validates config, styles and content without writing anything.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate the config, its styles and the content; write nothing.")

  @OptionGroup var input: InputOptions

  func run() throws {
    let report = try ExitStatus.guarding {
      try Project.check(input.runOptions)
    }
    Console.error(report)
  }
}

// MARK: - doctor

/// Checks what a run needs on this machine.
struct Doctor: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Check what a run needs on this machine: libraries, fonts, hyphenation patterns, the output "
      + "folder; exit 0 only when everything passes (else 69).")

  @OptionGroup var input: InputOptions

  @Option(name: .long, help: "The output folder to check (default: the config's, else ./Output).")
  var output: String?

  func run() throws {
    var options = input.runOptions
    options.outputDirectory = output
    let checks = PMReportKit.Doctor.checks(options: options)
    for check in checks { print(check.line) }
    if checks.contains(where: { !$0.passed }) { throw ExitCode(69) }
  }
}

// MARK: - list

/// Lists documents, styles and charts.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "List the documents the config defines, the styles available and the charts the content holds."
  )

  @OptionGroup var input: InputOptions

  func run() throws {
    let text = try ExitStatus.guarding {
      try Project.listing(input.runOptions)
    }
    print(text, terminator: "")
  }
}

// MARK: - Console and signals

/// A one-line progress bar on a terminal's standard error, kept below the lines printed meanwhile.
final class ProgressBar {
  private let enabled: Bool
  private var current = ""

  init(enabled: Bool) { self.enabled = enabled }

  /// Shows that document `index` (0-based) of `count`, `name`, is being built.
  func show(_ index: Int, of count: Int, _ name: String) {
    guard enabled, count > 1 else { return }
    let width = 20
    let done = width * index / count
    current =
      "[" + String(repeating: "#", count: done) + String(repeating: "-", count: width - done)
      + "] \(index + 1)/\(count) \(name)"
    draw()
  }

  /// Prints a line above the bar.
  func print(_ line: String) {
    if enabled, !current.isEmpty { Console.write("\r\u{1B}[2K") }
    Console.error(line)
    draw()
  }

  /// Removes the bar.
  func clear() {
    guard enabled, !current.isEmpty else { return }
    Console.write("\r\u{1B}[2K")
    current = ""
  }

  private func draw() { if enabled, !current.isEmpty { Console.write("\r\u{1B}[2K" + current) } }
}

enum Console {
  /// Writes a line to standard error.
  static func error(_ line: String) { write(line + "\n") }

  /// Writes `text` to standard error as it is.
  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// Removes temporary files when the run is interrupted (SIGINT, SIGTERM), then exits with 128 + the
/// signal number.
///
/// The cleanup does not run inside the signal handler: Swift and Foundation allocate, and a handler
/// that allocates after interrupting `malloc` waits forever for the allocator's lock (seen as a hung
/// Ctrl-C during PDF output). The handler only writes the signal number to a pipe, which is
/// async-signal-safe; a thread waiting on the pipe removes the temporaries and exits.
enum Interruption {
  /// The pipe's write end, for the handler.
  ///
  /// Set once in `install()` before any handler can run.
  nonisolated(unsafe) private static var writeEnd: Int32 = -1

  static func install() {
    var ends: [Int32] = [-1, -1]
    guard writeEnd < 0, pipe(&ends) == 0 else { return }
    let readEnd = ends[0]
    writeEnd = ends[1]
    let waiter = Thread {
      var byte: UInt8 = 0
      while read(readEnd, &byte, 1) != 1 {
        if errno != EINTR { return }
      }
      TemporaryFilesCleanup.run()
      _exit(128 + Int32(byte))
    }
    waiter.name = "pmreport-interrupt"
    waiter.start()
    var handled = sigset_t()
    sigemptyset(&handled)
    for sig in [SIGINT, SIGTERM] {
      signal(sig) { received in
        let saved = errno
        var byte = UInt8(truncatingIfNeeded: received)
        _ = write(Interruption.writeEnd, &byte, 1)
        errno = saved
      }
      sigaddset(&handled, sig)
    }
    // A parent may start us with these signals blocked (Foundation's `Process` passes on the
    // test runner's mask): then Ctrl-C or a CI timeout's SIGTERM would never arrive.
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
  }
}

// MARK: - init

/// Writes a ready project for a new comparison.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write a new project: pmreport.yml, content.md with the structure filled in, Styles/, "
      + ".gitignore.")

  @Argument(help: "The folder to write the project into (created if missing).")
  var directory: String

  @Option(
    name: .customLong("role"),
    help:
      "A role to compare, 2 to 4 times: \"Scrum Master\", or \"Scrum Master=sm\" to choose its id.")
  var roles: [String] = []

  @Option(name: .long, help: "The content's language, a BCP 47 tag such as en, de, fr, es.")
  var lang: String = "en"

  @Flag(name: .long, help: "Replace files that already exist.")
  var force = false

  func run() throws {
    let template = ProjectTemplate(roles: roles.map(NewRole.init(parsing:)), lang: lang)
    let written = try ExitStatus.guarding {
      try template.write(in: directory, force: force)
    }
    Console.error(
      "wrote \(written.count) files into \(directory); next: cd \(directory) && pmreport")
  }
}
