import Foundation
import ReportModel

/// Loads pmreport's input files — `pmreport.yml`, styles and content — into validated values.
///
/// Every problem in a file is reported at once, each with its file,
/// line, column, key path and what was expected. Errors:
/// - ``MissingFileError``: a named file does not exist (exit 66);
/// - ``InputError``: a file holds bad data (exit 65);
/// - ``UnknownNameError``: a style name given directly names no style (exit 64).
public enum ConfigLoader {
  /// The config file looked for in the working directory when none is named.
  public static let defaultConfigName = "pmreport.yml"
  /// The folder, beside the config file or in the working directory, that holds named styles.
  public static let stylesFolder = "Styles"

  // MARK: Shared steps

  /// Reads a file through `inputs` and parses it; an empty file gives an empty mapping.
  static func parseFile(_ absolutePath: String, display: String, role: String, inputs: Inputs)
    throws -> SourceNode
  {
    let text = try YAMLSource.read(absolutePath, displayName: display, role: role, inputs: inputs)
    return try parse(text, display: display)
  }

  /// The YAML tree of `text`, the file `display` names (an empty mapping for an empty file);
  /// parsed through `pieces` when given.
  static func parse(_ text: String, display: String, pieces: YAMLPieces? = nil) throws
    -> SourceNode
  {
    try (pieces.map { try $0.parse(text, file: display) } ?? YAMLSource.parse(text, file: display))
      ?? SourceNode.emptyMapping(at: SourceLocation(file: display, line: 1, column: 1))
  }

  /// The working directory made absolute.
  static func absoluteDirectory(_ directory: String) -> String {
    Paths.absolute(directory.isEmpty ? "." : directory, relativeTo: Paths.current)
  }
}
