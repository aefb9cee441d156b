/// The words `pmreport init` writes into a new project (document titles, headings, labels,
/// placeholder text, the guidance and the files' comments) and prints, in the project's language:
/// the `init.` entries of the words files.
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
    /// The subtitle, by the number of roles.
    case twoRoles = "init.two-roles"
    case threeRoles = "init.three-roles"
    case fourRoles = "init.four-roles"
    /// The author placeholder.
    case author = "init.author"
    /// The focus chart's dimensions.
    case strategy = "init.strategy"
    case delivery = "init.delivery"
    case people = "init.people"
    case customers = "init.customers"
    /// The overlap chart's placeholder trait of one role.
    case ownTrait = "init.own-trait"
    /// The stakeholder map's teams: one all roles work with, and one a role (`{role}`).
    case management = "init.management"
    case roleTeam = "init.role-team"
    /// The placeholder introduction and the guidance under the key differences.
    case introduction = "init.introduction"
    case differencesGuide = "init.differences-guide"
    /// The role tables' row labels, each with its placeholder cell.
    case focus = "init.focus"
    case focusHint = "init.focus-hint"
    case skills = "init.skills"
    case skillsHint = "init.skills-hint"
    case worksWith = "init.works-with"
    case worksWithHint = "init.works-with-hint"
    case goal = "init.goal"
    case goalHint = "init.goal-hint"
    case measuredBy = "init.measured-by"
    case measuredByHint = "init.measured-by-hint"
    /// The labelled lists' placeholder items: a label and its text.
    case sharedTrait = "init.shared-trait"
    case sharedTraitHint = "init.shared-trait-hint"
    case strength = "init.strength"
    case strengthHint = "init.strength-hint"
    case risk = "init.risk"
    case riskHint = "init.risk-hint"
    /// The FAQ's placeholder question and answer, and the summary's guidance.
    case question = "init.question"
    case answer = "init.answer"
    case summaryGuide = "init.summary-guide"
    /// The comments in the files `init` writes.
    case contentComment = "init.content-comment"
    case configComment = "init.config-comment"
    case styleComment = "init.style-comment"
    case formatsComment = "init.formats-comment"
    case fullReportComment = "init.full-report-comment"
    case summaryComment = "init.summary-comment"
    case sectionsComment = "init.sections-comment"
    case tableComment = "init.table-comment"
    case faqComment = "init.faq-comment"
    case cardsComment = "init.cards-comment"
    case chartsComment = "init.charts-comment"
    case gitignoreComment = "init.gitignore-comment"
    /// What `init` prints when done: `{count}` files, `{folder}`.
    case written = "init.written"
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
