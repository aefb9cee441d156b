import ReportModel

/// `pmreport.yml` as loaded: the settings, and where each document entry and its values were
/// written, so that later checks (ids against the content, margins against the resolved paper) can
/// name the file, line and column of a value that is wrong.
///
/// It reads like the ``ReportModel/ReportSettings`` it holds (`loaded.documents`, `loaded.dpi`).
/// Settings made in code (``init(_:)``) carry no positions: their values are reported against
/// `<command line>`.
@dynamicMemberLookup
public struct LoadedSettings: Sendable {
  /// The validated settings.
  public var settings: ReportSettings
  /// The config file as it was named to pmreport; nil when there was none.
  public var file: String?
  /// Where each document entry was written, by document name (the first entry of a name).
  var documentSources: [String: DocumentSources]
  /// Where the config's own `style:` was written.
  var styleLocation: SourceLocation?
  /// Where the config's `content:` was written.
  public var contentLocation: SourceLocation?
  /// Where the config's `roster:` and `personal-line:` were written.
  public var rosterLocation: SourceLocation?
  public var personalLineLocation: SourceLocation?
  /// The folder every file the run reads must lie in: `--root`, else the config file's folder,
  /// else the working directory.
  public var root: ProjectRoot
  /// What the config was warned about when loaded (a retired `words:` key); `validate` passes
  /// them on with its own.
  public var warnings: [Diagnostic] = []

  /// Settings with no file behind them; the root defaults to their base directory.
  public init(_ settings: ReportSettings, root: ProjectRoot? = nil) {
    self.settings = settings
    self.file = nil
    self.documentSources = [:]
    self.styleLocation = nil
    self.root = root ?? ProjectRoot(settings.baseDirectory)
  }

  init(_ settings: ReportSettings, file: String, tree: SourceNode, root: ProjectRoot) {
    self.settings = settings
    self.file = file
    self.root = root
    let root = NodePath.root
    styleLocation = tree.node(at: root.appending("style")).map(\.location)
    contentLocation = tree.node(at: root.appending("content")).map(\.location)
    rosterLocation = tree.node(at: root.appending("roster")).map(\.location)
    personalLineLocation = tree.node(at: root.appending("personal-line")).map(\.location)
    var documents: [String: DocumentSources] = [:]
    let path = root.appending("documents")
    for (index, spec) in settings.documents.enumerated() where documents[spec.name] == nil {
      documents[spec.name] = DocumentSources(
        spec, index: index, at: path.appending(index), in: tree)
    }
    documentSources = documents
  }

  public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ReportSettings, Value>) -> Value {
    get { settings[keyPath: keyPath] }
    set { settings[keyPath: keyPath] = newValue }
  }
}

/// Where one document entry of a config file and the values in it were written.
struct DocumentSources: Sendable {
  /// The entry's index in `documents`.
  var index: Int
  var location: SourceLocation
  var sections: [(id: String, location: SourceLocation)]
  var charts: [(id: String, location: SourceLocation)]
  /// The entry's `page-size`, `orientation` and `style`, when written.
  var pageSize: SourceLocation?
  var orientation: SourceLocation?
  var style: SourceLocation?

  init(_ spec: DocumentSpec, index: Int, at here: NodePath, in tree: SourceNode) {
    func ids(_ key: String, _ values: [String]?) -> [(id: String, location: SourceLocation)] {
      (values ?? []).enumerated().map {
        ($0.element, tree.location(of: here.appending(key).appending($0.offset)))
      }
    }
    func written(_ key: String) -> SourceLocation? {
      tree.node(at: here.appending(key)).map(\.location)
    }
    self.index = index
    location = tree.location(of: here)
    sections = ids("sections", spec.sections)
    charts = ids("charts", spec.charts)
    pageSize = written("page-size")
    orientation = written("orientation")
    style = written("style")
  }
}
