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

  /// The content a run with `options` reads (`--content`, else the config's `content:`, else the
  /// built-in article) as YAML or Markdown, in a form `--content` reads back to the same content.
  ///
  /// The config and the content are found as ``Project/load(options:inputs:reporter:)`` finds
  /// them (`--config`, `--content`, `--root`).
  public static func text(options: RunOptions, format: Format = .yaml) throws -> String {
    let content = try ProjectContent.load(options: options, inputs: Inputs()).content
    switch format {
    case .yaml: return try ConfigLoader.exportContent(content)
    case .markdown: return try ConfigLoader.exportMarkdown(content)
    }
  }
}
