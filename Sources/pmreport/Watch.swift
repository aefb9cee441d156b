import ArgumentParser
import PMReportKit
import PreviewServer

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
      "A save (a file written and closed, or renamed into place) rebuilds at once; other "
        + "changes (a file still being written, deleted) wait until the files have been quiet "
        + "this many milliseconds.",
      valueName: "ms"))
  var debounce = 15

  @OptionGroup var preview: PreviewOptions

  func validate() throws {
    if options.jobs != nil {
      throw ValidationError("--jobs: watch builds in this one process, keeping its text engine")
    }
    if !(0...10_000).contains(debounce) {
      throw ValidationError("--debounce must be between 0 and 10000 ms, got \(debounce)")
    }
  }

  func run() throws {
    Interruption.install()
    let lines = options.lineReporter(ProgressBar(enabled: false))
    // With --json, each build's report is also a line on standard output.
    let jsonLines: ((String) -> Void)? = options.json ? { Console.output($0) } : nil
    let session = WatchSession(
      options: options.runOptions, quietMilliseconds: debounce, splitsTime: options.verbose,
      reporter: lines, status: Console.error, jsonLines: jsonLines)
    if preview.serve {
      let server = try ExitStatus.reporting(to: lines) {
        try PreviewServer(
          port: preview.port ?? PreviewServer.defaultPort, editorLink: preview.editorLink,
          workingDirectory: options.runOptions.workingDirectory)
      }
      session.observer = server.observer
      Console.error("serving http://127.0.0.1:\(server.port)/")
    }
    try ExitStatus.reporting(to: lines) { try session.run() }
  }
}
