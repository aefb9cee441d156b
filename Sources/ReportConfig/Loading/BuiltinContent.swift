import Foundation
import ReportModel

extension ConfigLoader {
  /// The text of the built-in content: `Sources/ReportConfig/BuiltinContent/comparison.md`,
  /// compiled in (the Business vs Technical Product Manager article, with its chart data in the
  /// front matter).
  public static let builtInContentText = String(
    decoding: PackageResources.comparison_md, as: UTF8.self)

  /// How messages name the built-in content (it has no path).
  public static let builtInContentDisplay = "built-in content (comparison.md)"

  /// The comparison used when no `--content` file is given: the compiled-in Markdown, read once
  /// a process (every run starts from it) through the same reader, decoder and rules as a
  /// content file.
  public static func builtInContent() throws -> Comparison { try builtInContentResult.get() }

  private static let builtInContentResult = Result<Comparison, any Error> {
    try loadMarkdownContent(builtInContentText, file: builtInContentDisplay)
  }
}
