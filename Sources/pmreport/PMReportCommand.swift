import ArgumentParser
import PMReportKit

/// `pmreport`: renders the comparison handouts.
///
/// Thin: parsing and exit codes; the work is in PMReportKit.
@main
struct PMReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pmreport",
    abstract: "Typeset the Business vs Technical Product Manager handouts as PDF, SVG and PNG.",
    version: ProgramVersion.description,
    subcommands: [
      Render.self, Watch.self, Init.self, ExportContent.self, Check.self, List.self, Doctor.self,
      Gather.self,
    ],
    defaultSubcommand: Render.self)
}
