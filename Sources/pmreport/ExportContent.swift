import ArgumentParser
import Foundation
import PMReportKit

/// Prints the content as YAML or Markdown, either of which `--content` reads.
struct ExportContent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-content",
    abstract:
      "Print the content a render reads (--content, the config's, else built in) as editable YAML "
      + "or Markdown.")

  @OptionGroup var input: InputOptions

  @Option(
    name: .long, help: "yaml (the default) or markdown (front matter and body).",
    completion: ContentFormatChoice.completion, transform: ContentFormatChoice.parse)
  var format: ContentFormatChoice = .yaml

  func run() throws {
    let text = try ExitStatus.guarding {
      try ContentExport.text(options: input.runOptions, format: format.format)
    }
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
