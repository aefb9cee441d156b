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
