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
    // The date fixed once for the whole run (a roster run's workers are given it before the load;
    // the project rounds it to the second either way, so a run without workers is the same).
    let runOptions = options.runOptions.fixingDate()
    // A roster run's workers start now and load the project while this process does.
    var workers = options.workerLaunch
    if workers.jobs > 1, runOptions.rosterPath != nil {
      workers = workers.startingWorkers(for: runOptions)
    }
    let progress = ProgressBar(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
    let lines = options.lineReporter(progress)
    let scheduler = try ExitStatus.reporting(to: lines) {
      do {
        return try RunScheduler.load(options: runOptions, prepareFonts: true, reporter: lines)
      } catch {
        // Reported here alone: the workers end without a word.
        workers.early?.stop()
        throw error
      }
    }
    let json: [any Reporter] =
      options.json
      ? [
        JSONReporter(outputDirectory: scheduler.project.settings.outputDirectory, started: started)
      ]
      : []
    let summary = scheduler.run(workers: workers, reporter: Reporters([lines] + json))
    if let (_, error) = summary.failures.first { throw ExitCode(ExitStatus.code(for: error)) }
  }

  /// Serves as a worker: its units report through the parent; what fails outside them goes to
  /// standard error.
  ///
  /// A worker may be started before its parent loads the project: its load's error is printed
  /// only when a unit comes (the parent's load succeeded); a parent whose load failed has printed
  /// it, and ends the worker's input before any unit (``UnitLines``).
  private func serve() throws {
    let errors = options.lineReporter(ProgressBar(enabled: false), verbosity: .quiet)
    let lines = UnitLines.awaited()
    let loaded = Result(catching: {
      try RunScheduler.load(options: options.runOptions, prepareFonts: true, reporter: errors)
    })
    let scheduler = try ExitStatus.reporting(to: errors) {
      _ = lines.first()
      return try loaded.get()
    }
    try ExitStatus.reporting(to: errors) { try scheduler.serveUnits(lines, reporter: errors) }
  }
}
