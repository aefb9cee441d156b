import ArgumentParser
import PMReportKit

/// Writes a ready project for a new comparison.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write a new project: pmreport.yml, content.md with the structure filled in, Styles/, "
      + ".gitignore.")

  @Argument(help: "The folder to write the project into (created if missing).")
  var directory: String

  @Option(
    name: .customLong("role"),
    help:
      "A role to compare, 2 to 4 times: \"Scrum Master\", or \"Scrum Master=sm\" to choose its id.")
  var roles: [String] = []

  @Option(name: .long, help: "The content's language, a BCP 47 tag such as en, de, fr, es.")
  var lang: String = "en"

  @Flag(name: .long, help: "Replace files that already exist.")
  var force = false

  func run() throws {
    let template = ProjectTemplate(roles: roles.map(NewRole.init(parsing:)), lang: lang)
    let written = try ExitStatus.guarding {
      try template.write(in: directory, force: force)
    }
    Console.error(template.doneMessage(count: written.count, folder: directory))
  }
}
