/// The words `pmreport init` writes into a new project's config and content (headings, document
/// titles), in the project's language: the `init.` entries of the words files.
///
/// The guidance `init` writes around them stays English.
public struct ProjectWords: Hashable, Sendable {
  /// Each word, by its key in the words files.
  public enum Key: String, CaseIterable, Hashable, Sendable {
    /// Between the role names of the title ("A vs B").
    case versus = "init.versus"
    /// A document's title: `{title}` (the comparison's) and `{part}` (a heading below).
    case documentTitle = "init.document-title"
    /// A role's strengths or risks section: `{heading}` (the printed word) and `{role}`.
    case roleHeading = "init.role-heading"
    /// The sections' headings and the documents' titles.
    case keyDifferences = "init.key-differences"
    case keySimilarities = "init.key-similarities"
    case faq = "init.faq"
    case summary = "init.summary"
    case atAGlance = "init.at-a-glance"
    case roleCards = "init.role-cards"
  }

  private var table: [Key: String]

  /// The shipped words of a BCP 47 tag's language (English for a language with no file).
  public init(language tag: String) {
    table = ShippedWords.table(ShippedWords.language(for: tag), of: Key.self)
  }

  public subscript(key: Key) -> String { table[key] ?? "" }

  /// `key`'s template with its `{name}` placeholders replaced by `values`.
  public func fill(_ key: Key, _ values: [String: String]) -> String {
    Words.fill(self[key], values)
  }
}
