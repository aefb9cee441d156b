import Foundation
import ReportConfig
import ReportModel

/// The config with the command line's paths applied, and the content it names: the first steps of
/// ``Project/load(options:inputs:reporter:)``, shared by `export-content` so that it prints the
/// content a run reads.
struct ProjectContent {
  /// The config (`--config`, else `./pmreport.yml`, else the defaults) with `--content` applied.
  var settings: LoadedSettings
  /// The content file read; nil for the built-in content.
  var file: LoadedContent?
  /// The file's content, else the built-in article.
  var content: Comparison

  /// Loads the config and the content file `--content` or the config names, through `inputs`.
  ///
  /// A typed `--content` may lie anywhere (``Inputs/locate(typed:from:)``); a missing content file
  /// the config names is reported where the config writes it. With a `memo`, the config it kept
  /// is reused while its file is unchanged, and the content file's unchanged pieces are not
  /// parsed again.
  static func load(options: RunOptions, inputs: Inputs, memo: ConfigMemo? = nil) throws
    -> ProjectContent
  {
    var settings = try ConfigLoader.loadSettings(
      configPath: options.configPath.map(options.absolute),
      workingDirectory: options.workingDirectory, root: options.root.map(options.absolute),
      outputTyped: options.outputDirectory != nil, inputs: inputs, memo: memo)
    if let path = options.contentPath {
      settings.contentPath = inputs.locate(typed: path, from: options.absolute("."))
      settings.contentInput = InputPath(path, origin: .commandLine(option: "--content"))
    }
    let file: LoadedContent?
    do {
      file = try settings.contentPath.map {
        try ConfigLoader.loadContentFile(
          path: $0, display: options.contentPath, inputs: inputs, pieces: memo?.content)
      }
    } catch var missing as MissingFileError {
      // A path from the config: say where it was written.
      missing.location = settings.contentInput?.location
      throw missing
    }
    return ProjectContent(
      settings: settings, file: file,
      content: try file?.content ?? ConfigLoader.builtInContent())
  }
}
