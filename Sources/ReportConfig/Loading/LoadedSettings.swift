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
  /// The config's own `style:` as written.
  var styleInput: Located<String>?
  /// The content file as given: `content:` as written (``Project`` puts `--content` in its
  /// place); nil for the built-in content.
  public var contentInput: InputPath?
  /// The roster file as `roster:` writes it.
  public var rosterInput: InputPath?
  /// `personal-line:` as written.
  public var personalLineInput: Located<String>?
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
    self.root = root ?? ProjectRoot(settings.baseDirectory)
  }

  /// Settings loaded from `file`, whose values as `written` keep their positions.
  init(_ settings: ReportSettings, file: String, written: ConfigFile, root: ProjectRoot) {
    self.settings = settings
    self.file = file
    self.root = root
    styleInput = written.style
    contentInput = written.content.map { InputPath($0.value, origin: .written($0.location)) }
    rosterInput = written.roster.map { InputPath($0.value, origin: .written($0.location)) }
    personalLineInput = written.personalLine
    var documents: [String: DocumentSources] = [:]
    for (index, entry) in (written.documents ?? []).enumerated()
    where documents[entry.value.name] == nil {
      documents[entry.value.name] = DocumentSources(entry, index: index)
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
  /// A guide's `session-minutes`, when written.
  var sessionMinutes: SourceLocation?

  init(_ entry: Located<DocumentEntry>, index: Int) {
    func ids(_ values: [Located<String>]?) -> [(id: String, location: SourceLocation)] {
      (values ?? []).map { ($0.value, $0.location) }
    }
    self.index = index
    location = entry.location
    sections = ids(entry.value.sections)
    charts = ids(entry.value.charts)
    pageSize = entry.value.pageSize?.location
    orientation = entry.value.orientation?.location
    style = entry.value.style?.location
    sessionMinutes = entry.value.sessionMinutes?.location
  }
}
