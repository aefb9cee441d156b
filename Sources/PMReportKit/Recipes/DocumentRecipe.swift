import Frames
import ReportConfig
import ReportModel

/// How one kind of document is built: its config rules, its title, the document it uses, a guess
/// at its work, and the outputs it streams.
///
/// One file a kind; ``DocumentRecipes`` lists them. A recipe is given the project, the resolved
/// document, the shaping session and the work unit (``DocumentBuild``), and hands its outputs
/// (``PlannedOutput``) to `emit` one at a time: each is written, and its pages released, before
/// the recipe lays out the next (a personal copy; the merged file takes each copy as it is made,
/// ``DocumentBuild/copies(anchors:emit:copy:)``). A recipe that uses another
/// document gets its spec (``DocumentBuild/used``) and, when it asks, its pages
/// (``DocumentBuild/usedPages()``).
protocol DocumentRecipe: Sendable {
  /// The kind's name and what config loading checks of it.
  var rules: DocumentKindRules { get }

  /// Whether page 1 opens with the document's title (so it has no running header).
  var hasTitlePage: Bool { get }

  /// A guess at the work of one copy in one format, relative to a short handout (1): the
  /// scheduler hands the longest units out first.
  func weight(of document: DocumentSpec) -> Double

  /// The title the document prints and its PDF carries.
  func title(of document: DocumentSpec, metadata: Metadata, words: Words) -> String

  /// The document of the config this one uses (built first); nil for none.
  func usedDocument(by document: DocumentSpec, in settings: ReportSettings) -> DocumentSpec?

  /// Lays the document out and hands each output to `emit`, in the order they are written.
  func outputs(_ build: DocumentBuild, emit: (consuming PlannedOutput) throws -> Void) throws
}

extension DocumentRecipe {
  var kind: DocumentKind { rules.kind }
  var hasTitlePage: Bool { false }
  func weight(of document: DocumentSpec) -> Double { 1 }

  /// By default, the one `key-for` names (an answer key's worksheet), for a kind whose rules say
  /// it uses one (checked when the config loaded); nil for none.
  func usedDocument(by document: DocumentSpec, in settings: ReportSettings) -> DocumentSpec? {
    guard rules.uses != nil else { return nil }
    return settings.documents.first { $0.name == document.keyFor }
  }
  func title(of document: DocumentSpec, metadata: Metadata, words: Words) -> String {
    document.title ?? metadata.title
  }
}
