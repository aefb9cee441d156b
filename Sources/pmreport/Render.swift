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
      let pipeline = try ExitStatus.guarding(options.diagnostics.format) {
        try Pipeline(
          options: options.runOptions, prepareFonts: true,
          log: { if $0.kind == .error { Console.error($0.text) } })
      }
      pipeline.serveUnits()
      return
    }
    let launch = options.workerLaunch
    let progress = ProgressBar(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
    let started = DispatchTime.now()
    var outputDirectory = ""
    let summary = try ExitStatus.guarding(options.diagnostics.format) {
      let pipeline = try Pipeline(
        options: options.runOptions, prepareFonts: true, log: options.printer(progress))
      outputDirectory = pipeline.settings.outputDirectory
      pipeline.onDocument = { index, count, name in progress.show(index, of: count, name) }
      defer { progress.clear() }
      return pipeline.run(workers: launch)
    }
    if options.json {
      print(
        RunReport(
          summary, outputDirectory: outputDirectory, seconds: Pipeline.seconds(since: started)
        ).json)
    }
    if let (_, error) = summary.failures.first { throw ExitCode(ExitStatus.code(for: error)) }
  }
}
