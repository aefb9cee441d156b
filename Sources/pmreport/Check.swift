import ArgumentParser
import PMReportKit

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
