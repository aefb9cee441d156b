import PMReportKit

/// A one-line progress bar on a terminal's standard error, kept below the lines printed meanwhile.
final class ProgressBar: LineOutput {
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
