import Foundation
import ReportConfig
import ReportModel

extension Pipeline {
  /// The formats `export-content` writes.
  public enum ContentFormat: String, CaseIterable, Sendable {
    /// The YAML content schema.
    case yaml
    /// Markdown with YAML front matter.
    case markdown
  }

  /// The content (built in, or from `contentPath`) as YAML or Markdown, in a form `--content`
  /// reads back to the same content.
  ///
  /// The file must lie inside `root` (default: the working directory).
  public static func exportContent(
    contentPath: String?, format: ContentFormat = .yaml,
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

  /// Loads and validates the config, every style it names and the content; writes nothing.
  ///
  /// Returns a short report of what was checked.
  public static func check(_ options: RunOptions) throws -> String {
    let project = try Project.load(options: options)
    var styles: [String] = []
    for document in project.resolvedDocuments {
      let style = document.style
      if !styles.contains(style.name) { styles.append(style.name) }
    }
    return "ok: \(project.documents.count) documents, styles \(styles.joined(separator: ", ")), "
      + "\(project.content.allSections.count) sections, \(project.content.charts(words: project.words).count) charts"
  }

  /// The documents the config defines, the styles available and the charts the content holds.
  public static func listing(_ options: RunOptions) throws -> String {
    let project = try Project.load(options: options)
    var out = "documents:\n"
    for d in project.settings.documents {
      out += "  \(d.name)  (\(d.kind.rawValue)\(d.maxPages.map { ", max \($0) pages" } ?? ""))\n"
    }
    out += "styles:\n"
    for s in ConfigLoader.availableStyles(
      baseDirectory: project.settings.baseDirectory,
      workingDirectory: options.workingDirectory)
    {
      out += "  \(s)\n"
    }
    out += "charts:\n"
    for c in project.content.charts(words: project.words) {
      out += "  \(c.id)  (\(c.kind.rawValue)) \(c.title)\n"
    }
    return out
  }
}
