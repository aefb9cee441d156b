import ArgumentParser
import PMReportKit

/// Where the config and content come from.
struct InputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "The config file (default: ./pmreport.yml when present, else built-in defaults).")
  var config: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A content file in the export-content schema (default: the config's content:, else the "
        + "built-in comparison)."))
  var content: String?

  @Option(name: .long, help: "A style name from the Styles/ folder, or a style file path.")
  var style: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The project root: every path written in a file (the config's content and style, a "
        + "style's extends, images) must lie inside it; a path typed on the command line may lie "
        + "anywhere (default: the config file's folder, else the working directory)."))
  var root: String?

  /// These inputs as run options (everything else at its default).
  var runOptions: RunOptions {
    RunOptions(configPath: config, contentPath: content, style: style, root: root)
  }
}
