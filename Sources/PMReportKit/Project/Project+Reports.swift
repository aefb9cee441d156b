import ReportConfig
import ReportModel

extension Project {
  /// Loads and validates the config, every style it names and the content; writes nothing.
  ///
  /// Returns a short report of what was checked.
  public static func check(_ options: RunOptions) throws -> String {
    let project = try Project.load(options: options, inputs: Inputs())
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
    let inputs = Inputs()
    let project = try Project.load(options: options, inputs: inputs)
    var out = "documents:\n"
    for d in project.settings.documents {
      out += "  \(d.name)  (\(d.kind.rawValue)\(d.maxPages.map { ", max \($0) pages" } ?? ""))\n"
    }
    out += "styles:\n"
    for s in ConfigLoader.availableStyles(
      baseDirectory: project.settings.baseDirectory,
      workingDirectory: options.workingDirectory, inputs: inputs)
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
