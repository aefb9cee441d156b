import ArgumentParser
import PMReportKit

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
