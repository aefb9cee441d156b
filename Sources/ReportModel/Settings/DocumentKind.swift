/// What kind of document a spec builds: a name in the open registry of kinds (``DocumentKinds``).
///
/// A config names it with `kind:`; decoding accepts the registered names only (``allCases``), so a
/// misspelt kind is reported with the list and a did-you-mean. The built-in kinds' names are
/// constants because config checks name them; a new kind is registered with its recipe.
public struct DocumentKind: RawRepresentable, Hashable, Sendable, Codable, CaseIterable {
  public let rawValue: String

  /// The registered kind named `rawValue`; nil when no kind of that name is registered.
  public init?(rawValue: String) {
    guard DocumentKinds.rules(named: rawValue) != nil else { return nil }
    self.rawValue = rawValue
  }

  /// The kind named `name`, registered or about to be.
  public init(named name: String) { rawValue = name }

  /// Every registered kind, in registration order.
  public static var allCases: [DocumentKind] { DocumentKinds.all.map(\.kind) }

  /// What config loading checks of this kind.
  public var rules: DocumentKindRules {
    DocumentKinds.rules(named: rawValue) ?? DocumentKindRules(kind: self)
  }

  /// Whether the kind only makes sense for content that compares roles.
  public var needsRoles: Bool { rules.needsRoles }

  /// Sections in reading order, with optional title block, TOC and charts.
  public static let report = DocumentKind(named: "report")
  /// One page per role: focus, skills, tools, background, strengths, risks.
  public static let roleCards = DocumentKind(named: "role-cards")
  /// The summary table alone, shrunk to fit one page when it can.
  public static let comparisonTable = DocumentKind(named: "comparison-table")
  /// Every chart, each on its own cropped page.
  public static let charts = DocumentKind(named: "charts")
  /// A landscape certificate a participant of the roster.
  public static let certificate = DocumentKind(named: "certificate")
  /// Exercises generated from the content (``ExerciseSpec``), with tick boxes and ruled lines.
  public static let worksheet = DocumentKind(named: "worksheet")
  /// A worksheet's items in the same order with the answers filled in (`key-for:` names it).
  public static let answerKey = DocumentKind(named: "answer-key")
  /// A deck of slides for the room, made from the content (`slide-size:`, `quiz-for:`).
  public static let slides = DocumentKind(named: "slides")
  /// The trainer's guide to a deck: the session plan, the materials, each slide with its notes.
  public static let facilitatorGuide = DocumentKind(named: "facilitator-guide")
}

/// What config loading knows of one document kind: its name, its defaults and the keys it owns.
///
/// Data, so that `ReportConfig` can check a config without the recipes that build the documents.
public struct DocumentKindRules: Sendable {
  public var kind: DocumentKind
  /// The kind only makes sense for content that compares roles.
  public var needsRoles: Bool
  /// Always one copy a participant of the roster (`personalised: false` is an error).
  public var alwaysPersonalised: Bool
  /// One copy for the whole room, never a copy a participant (`personalised: true` is an error).
  public var neverPersonalised: Bool
  /// The orientation when the config gives none.
  public var orientation: Orientation?
  /// The pages may be imposed as a booklet (`booklet: true`).
  public var allowsBooklet: Bool
  /// Laid out on the document's paper, whose margins are checked; false: pages of their own size.
  public var usesPaper: Bool
  /// The config keys only this kind takes.
  public var ownKeys: [String]
  /// How a message names the kind that owns ``ownKeys``: "role cards (kind: role-cards)".
  public var owner: String
  /// How a message names a document of this kind: "an answer key".
  public var phrase: String
  /// The kind of the document this kind uses, named by `key-for` (an answer key's worksheet).
  public var uses: DocumentKind?
  /// Shown on a screen (slides): its style's slide colours are checked for contrast.
  public var projected: Bool

  public init(
    kind: DocumentKind, needsRoles: Bool = false, alwaysPersonalised: Bool = false,
    neverPersonalised: Bool = false,
    orientation: Orientation? = nil, allowsBooklet: Bool = true, usesPaper: Bool = true,
    ownKeys: [String] = [], owner: String? = nil, phrase: String? = nil,
    uses: DocumentKind? = nil, projected: Bool = false
  ) {
    self.kind = kind
    self.needsRoles = needsRoles
    self.alwaysPersonalised = alwaysPersonalised
    self.neverPersonalised = neverPersonalised
    self.orientation = orientation
    self.allowsBooklet = allowsBooklet
    self.usesPaper = usesPaper
    self.ownKeys = ownKeys
    self.owner = owner ?? "a \(kind.rawValue) document (kind: \(kind.rawValue))"
    self.phrase = phrase ?? "a \(kind.rawValue) document"
    self.uses = uses
    self.projected = projected
  }
}

extension DocumentKindRules {
  public static let report = DocumentKindRules(kind: .report)
  public static let roleCards = DocumentKindRules(
    kind: .roleCards, needsRoles: true, ownKeys: ["card-size", "copies"],
    owner: "role cards (kind: role-cards)")
  public static let comparisonTable = DocumentKindRules(kind: .comparisonTable, needsRoles: true)
  public static let charts = DocumentKindRules(
    kind: .charts, needsRoles: true, allowsBooklet: false, usesPaper: false)
  public static let certificate = DocumentKindRules(
    kind: .certificate, alwaysPersonalised: true, orientation: .landscape, allowsBooklet: false)
  public static let worksheet = DocumentKindRules(
    kind: .worksheet, ownKeys: ["exercises", "seed", "prompts"],
    owner: "a worksheet (kind: worksheet); an answer key takes them from its worksheet (key-for)")
  public static let answerKey = DocumentKindRules(
    kind: .answerKey, ownKeys: ["key-for"], owner: "an answer key (kind: answer-key)",
    phrase: "an answer key", uses: .worksheet)
  public static let slides = DocumentKindRules(
    kind: .slides, neverPersonalised: true, allowsBooklet: false, usesPaper: false,
    ownKeys: ["slide-size", "quiz-for", "open-full-screen"], owner: "slides (kind: slides)",
    phrase: "a deck of slides", projected: true)
  public static let facilitatorGuide = DocumentKindRules(
    kind: .facilitatorGuide, neverPersonalised: true, orientation: .portrait,
    allowsBooklet: false,
    ownKeys: ["guide-for", "session-minutes", "participants"],
    owner: "a facilitator's guide (kind: facilitator-guide)", phrase: "a facilitator's guide")
}

/// The registry of document kinds: what `kind:` may say, in the order messages list them.
///
/// The built-in kinds are always there, so that a config loads without the library; more are
/// added for the length of an operation (``withAdded(_:operation:)``), as the library does when it
/// registers a recipe of a new kind.
public enum DocumentKinds {
  /// The built-in kinds.
  public static let standard: [DocumentKindRules] = [
    .report, .roleCards, .comparisonTable, .charts, .certificate, .worksheet, .answerKey,
    .slides, .facilitatorGuide,
  ]

  /// Kinds added for the operation running (see ``withAdded(_:operation:)``).
  @TaskLocal private static var added: [DocumentKindRules] = []

  /// Runs `operation` with `kinds` registered too (a kind of a built-in name replaces it).
  public static func withAdded<R>(_ kinds: [DocumentKindRules], operation: () throws -> R)
    rethrows -> R
  {
    try $added.withValue(added + kinds, operation: operation)
  }

  /// Every registered kind's rules, in registration order.
  public static var all: [DocumentKindRules] {
    let added = Self.added
    guard !added.isEmpty else { return standard }
    var kinds = standard
    for rules in added {
      if let index = kinds.firstIndex(where: { $0.kind == rules.kind }) {
        kinds[index] = rules
      } else {
        kinds.append(rules)
      }
    }
    return kinds
  }

  /// The rules of the kind named `name`; nil when none is registered.
  public static func rules(named name: String) -> DocumentKindRules? {
    all.last { $0.kind.rawValue == name }
  }

  /// The kind whose ``DocumentKindRules/ownKeys`` include `key`; nil when every kind takes it.
  public static func owner(ofKey key: String) -> DocumentKindRules? {
    all.first { $0.ownKeys.contains(key) }
  }
}
