import ArgumentParser
import Foundation
import PMReportKit

/// Prints the content as YAML or Markdown, either of which `--content` reads.
struct ExportContent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-content",
    abstract: "Print the content (built-in or --content) as editable YAML or Markdown.")

  @OptionGroup var input: InputOptions

  @Option(name: .long, help: "yaml (the default) or markdown (front matter and body).")
  var format: ContentFormatChoice = .yaml

  func run() throws {
    let text = try ExitStatus.guarding {
      try ContentExport.text(
        contentPath: input.content, format: format.format, root: input.root)
    }
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
