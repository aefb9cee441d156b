import Foundation
import ReportConfig
import ReportModel

/// `pmreport export-content`: the content as a file that `--content` reads back.
public enum ContentExport {
  /// The formats `export-content` writes.
  public enum Format: String, CaseIterable, Sendable {
    /// The YAML content schema.
    case yaml
    /// Markdown with YAML front matter.
    case markdown
  }

  /// The content (built in, or from `contentPath`) as YAML or Markdown, in a form `--content`
  /// reads back to the same content.
  ///
  /// The file must lie inside `root` (default: the working directory).
  public static func text(
    contentPath: String?, format: Format = .yaml,
    workingDirectory: String = FileManager.default.currentDirectoryPath, root: String? = nil
  ) throws -> String {
    let options = RunOptions(contentPath: contentPath, workingDirectory: workingDirectory)
    let projectRoot = ProjectRoot(options.absolute(root ?? workingDirectory))
    let content =
      try contentPath.map {
        let inputs = Inputs()
        let path = try Project.locate(
          InputPath($0, origin: .commandLine(option: "--content")), options: options,
          in: projectRoot, inputs: inputs)
        return try ConfigLoader.loadContentFile(path: path, display: $0, inputs: inputs).content
      } ?? ConfigLoader.builtInContent()
    switch format {
    case .yaml: return try ConfigLoader.exportContent(content)
    case .markdown: return try ConfigLoader.exportMarkdown(content)
    }
  }
}
