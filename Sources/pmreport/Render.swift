import ArgumentParser
import Foundation
import PMReportKit

/// Renders the configured documents.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render the configured documents (the default command).")

  @OptionGroup var options: RenderOptions

  func run() throws {
    Interruption.install()
    if options.worker { return try serve() }
    let started = DispatchTime.now()
    let progress = ProgressBar(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
    let lines = options.lineReporter(progress)
    let scheduler = try ExitStatus.reporting(to: lines) {
      try RunScheduler.load(options: options.runOptions, prepareFonts: true, reporter: lines)
    }
    let json: [any Reporter] =
      options.json
      ? [
        JSONReporter(outputDirectory: scheduler.project.settings.outputDirectory, started: started)
      ]
      : []
    let summary = scheduler.run(workers: options.workerLaunch, reporter: Reporters([lines] + json))
    if let (_, error) = summary.failures.first { throw ExitCode(ExitStatus.code(for: error)) }
  }

  /// Serves as a worker: its units report through the parent; what fails outside them goes to
  /// standard error.
  private func serve() throws {
    let errors = options.lineReporter(ProgressBar(enabled: false), verbosity: .quiet)
    let scheduler = try ExitStatus.reporting(to: errors) {
      try RunScheduler.load(options: options.runOptions, prepareFonts: true, reporter: errors)
    }
    try ExitStatus.reporting(to: errors) { try scheduler.serveUnits(reporter: errors) }
  }
}
