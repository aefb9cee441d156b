import Geometry
import ReportModel

/// One document with every setting merged once — command line, then the document's entry, then the
/// config, then the style — and checked as merged.
///
/// Typesetting and the recipes read this, not the layers it came from.
///
/// The values that decide the page (paper size, orientation, the four margins) remember where they
/// were set (``Sources``), so a problem found later can still name the file, line and column.
public struct ResolvedDocument: Sendable {
  /// The document's entry as configured (name, kind, ids, flags).
  public var spec: DocumentSpec
  /// The title printed and written into the PDF: the document's own, else the metadata's.
  public var title: String
  /// The style, with the resolved paper size and orientation applied to its page.
  public var style: Style
  /// The style's file, absolute; nil for the built-in classic style.
  public var stylePath: String?
  /// The style's colours, parsed.
  public var colors: StyleColors
  /// The content file, absolute; nil for the built-in comparison.
  public var contentPath: String?
  /// The output folder, absolute.
  public var outputDirectory: String
  /// Where the page's values were set.
  public var sources: Sources
  /// A deck's colours, parsed and checked for contrast; nil for a document not projected.
  public var slideColors: SlideColors?

  public var name: String { spec.name }
  public var kind: DocumentKind { spec.kind }
  public var sections: [String]? { spec.sections }
  public var charts: [String]? { spec.charts }
  public var tableOfContents: Bool { spec.tableOfContents }
  public var titleBlock: Bool { spec.titleBlock }
  public var maxPages: Int? { spec.maxPages }
  public var fonts: FontStyle { style.fonts }
  public var paperSize: PaperSize { style.page.size }
  public var orientation: Orientation { style.page.orientation }
  /// The paper's width in points, for the resolved orientation.
  public var paperWidth: Double { style.page.dimensions.width }
  /// The paper's height in points, for the resolved orientation.
  public var paperHeight: Double { style.page.dimensions.height }
  /// The text area: the paper less its margins (positive on a resolved document).
  public var body: Rect {
    let p = style.page
    return Rect(
      x: p.marginLeft, y: p.marginTop, width: paperWidth - p.marginLeft - p.marginRight,
      height: paperHeight - p.marginTop - p.marginBottom)
  }

  /// Where a resolved document's page values were set.
  public struct Sources: Hashable, Sendable {
    public var style: Provenance
    public var pageSize: Provenance
    public var orientation: Provenance
    public var marginTop: Provenance
    public var marginBottom: Provenance
    public var marginLeft: Provenance
    public var marginRight: Provenance
    /// A guide's `session-minutes`: where written, else the document's entry (the default 90).
    public var sessionMinutes: Provenance
  }
}

/// Where a resolved value was set: on the command line, in a file, or built in.
public enum Provenance: Hashable, Sendable, CustomStringConvertible {
  /// A command-line option, such as `--page-size`.
  case commandLine(option: String)
  /// A value written in a file, at `location`, under `keyPath` (`documents[1].page-size`).
  case file(SourceLocation, keyPath: String)
  /// A default with no place in any file (the built-in style, the config's defaults).
  case builtIn(String)

  /// The position to report a problem at: `<command line>` (line 0) for options, the source's
  /// name (line 0) for built-in values.
  public var location: SourceLocation {
    switch self {
    case .commandLine: SourceLocation(file: "<command line>", line: 0, column: 0)
    case .file(let location, _): location
    case .builtIn(let what): SourceLocation(file: what, line: 0, column: 0)
    }
  }

  /// `--page-size`, `documents[1].page-size at pmreport.yml:4:16`, `the built-in style 'classic'`.
  public var description: String {
    switch self {
    case .commandLine(let option): option
    case .file(let location, let keyPath): "\(keyPath) at \(location)"
    case .builtIn(let what): "the \(what)"
    }
  }

  /// A value at `path` in a tree: in its file when written there, else built in.
  static func of(_ path: NodePath, in tree: SourceNode) -> Provenance {
    let location = tree.node(at: path)?.location ?? tree.location
    return location.line > 0 ? .file(location, keyPath: path.description) : .builtIn(location.file)
  }
}

/// What the command line sets for a run's documents; each value given wins over the document's
/// entry, the config and the style.
public struct CommandLineSettings: Hashable, Sendable {
  /// `--style`: a style name or path, for every document.
  public var style: String?
  /// `--page-size`, for every document.
  public var paperSize: PaperSize?
  /// The folder relative paths on the command line are taken against.
  public var workingDirectory: String

  public init(style: String? = nil, paperSize: PaperSize? = nil, workingDirectory: String) {
    self.style = style
    self.paperSize = paperSize
    self.workingDirectory = workingDirectory
  }
}
