/// Where the standard-error sinks print: lines, below which a progress display may stand (the
/// command line's progress bar over the documents).
public protocol LineOutput {
  /// Prints `line` (above the progress display).
  func print(_ line: String)
  /// Shows that document `index` (0-based) of `count`, `name`, is being built.
  func show(_ index: Int, of count: Int, _ name: String)
  /// Removes the progress display.
  func clear()
}

/// The text sink: each event as the line it prints on standard error, as much as `--quiet` and
/// `-v` let through, with each document's start shown as progress.
public struct TextReporter: Reporter {
  /// How much a run prints: errors only (`--quiet`), the documents and warnings too, or also one
  /// line a file written (`-v`).
  public enum Verbosity: Sendable {
    case quiet, normal, verbose
  }

  let output: any LineOutput
  let verbosity: Verbosity

  public init(_ output: any LineOutput, verbosity: Verbosity = .normal) {
    self.output = output
    self.verbosity = verbosity
  }

  public func report(_ event: RunEvent) {
    switch event {
    case .documentStarted(let index, let count, let name): output.show(index, of: count, name)
    case .finished: output.clear()
    default: if let line = event.line, shows(line.kind) { output.print(line.text) }
    }
  }

  /// Whether lines of `kind` are printed.
  func shows(_ kind: LogLine.Kind) -> Bool {
    switch kind {
    case .error: true
    case .warning, .document: verbosity != .quiet
    case .file: verbosity == .verbose
    }
  }
}
