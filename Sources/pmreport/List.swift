import ArgumentParser
import PMReportKit

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
