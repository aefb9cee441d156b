/// The words pmreport prints itself (captions, furniture, chart legends, dates), in the document's
/// language.
///
/// The shipped words are data, one file per language (`Sources/ReportModel/Words/*.txt`: English,
/// German, French and Spanish), chosen by the language tag's primary subtag (`de-AT` takes German;
/// a language with no file takes English). A config's `words:` overrides any entry by its
/// kebab-case key. Entries with placeholders are templates (`"page {page} of {pages}"`), filled by
/// ``fill(_:_:)``; never assembled by concatenation, so a language can put the numbers where its
/// grammar wants them.
public struct Words: Hashable, Sendable {
  /// Every word pmreport prints, by its key in `words:`.
  public enum Key: String, CaseIterable, CodingKey, Hashable, Sendable {
    /// The heading of the table of contents.
    case contents
    /// The footer: `{page}` and `{pages}`.
    case pageOf = "page-of"
    /// The role cards' subheadings.
    case strengths, risks
    /// The first column's header of a table made from a paired list.
    case aspect
    /// The title-block date: `{day}`, `{month}` (one of the month names) and `{year}`.
    case date
    case january, february, march, april, may, june, july, august, september, october, november,
      december
    /// The overlap chart's middle region, and its counts: `{count}`.
    case both
    /// The three-role overlap chart's header for what every role shares.
    case all
    case onlyCount = "only-count"
    case sharedCount = "shared-count"
    /// The diverging-bars chart: each side's header (`{role}`) and the axis caption.
    case leansMore = "leans-more"
    case emphasisAxis = "emphasis-axis"
    /// The radar chart's legend note: `{max}`.
    case radarRings = "radar-rings"
    /// The stakeholder map's legend entry for a team working with both roles.
    case worksWithBoth = "works-with-both"
    /// The legend entry for a team working with several roles (three or four compared).
    case worksWithSeveral = "works-with-several"
    /// The titles of the charts a content gets when it lists none.
    case focusChart = "focus-chart"
    case differenceChart = "difference-chart"
    case overlapChart = "overlap-chart"
    case stakeholderChart = "stakeholder-chart"
    /// Charts' generated alternate text (sentences a listener hears): the radar's opening
    /// (`{max}`), one role's scores (`{role}`, `{scores}`) and one score (`{label}`, `{score}`).
    case altFocus = "alt-focus"
    case altRoleScores = "alt-role-scores"
    case altScore = "alt-score"
    /// The diverging bars' sentence (`{items}`), a dimension one role leans to (`{label}`,
    /// `{role}`, `{lean}`) and one where neither does (`{label}`).
    case altDifference = "alt-difference"
    case altLean = "alt-lean"
    case altEqual = "alt-equal"
    /// The overlap chart's regions: one role's traits (`{role}`, `{count}`, `{traits}`), those two
    /// roles share and those all three share (`{count}`, `{traits}`); the word for no traits.
    case altOnly = "alt-only"
    case altShared = "alt-shared"
    case altAll = "alt-all"
    case altNone = "alt-none"
    /// The stakeholder map: a team and its roles (`{team}`, `{roles}`), and the last two of a
    /// list (`{first}`, `{last}`).
    case altTeam = "alt-team"
    case altAnd = "alt-and"
    /// Worksheets: the default titles (`{title}`: the metadata title), the name line, each
    /// exercise's heading and instruction, the answer key's note for open answers and the shipped
    /// reflection prompts.
    case worksheetTitle = "worksheet-title"
    case answerKeyTitle = "answer-key-title"
    case participantName = "participant-name"
    case whoDoesIt = "who-does-it"
    case whoDoesItTask = "who-does-it-task"
    case whoseStrength = "whose-strength"
    case whoseStrengthTask = "whose-strength-task"
    case recall
    case recallTask = "recall-task"
    case reflect
    case reflectTask = "reflect-task"
    case answersVary = "answers-vary"
    case reflectPrompt1 = "reflect-prompt-1"
    case reflectPrompt2 = "reflect-prompt-2"
    case reflectPrompt3 = "reflect-prompt-3"
    /// The personalised line of a personalised document (`{name}`; a config's `personal-line`
    /// may use any roster column), and a certificate's words.
    case preparedFor = "prepared-for"
    case certificateTitle = "certificate-title"
    case certifiesThat = "certifies-that"
    case hasCompleted = "has-completed"
    case certificateDate = "certificate-date"
    case trainer
    /// A role card's note for the items left out to make it fit: `{count}`.
    case moreItems = "more-items"
    /// Between a list item's label and its text ("Focus: …").
    case labelSeparator = "label-separator"
    /// Between an answer key's statement and the role it names ("… — Business PM").
    case answerSeparator = "answer-separator"
    /// Between the items of a list in a chart's alternate text ("Strategy 5, Delivery 3"), and
    /// between the dimensions of the diverging bars' sentence.
    case listSeparator = "list-separator"
    case altItemSeparator = "alt-item-separator"
    /// Slides: the agenda's title; a continued slide's title (`{title}`, `{part}`, `{parts}`); the
    /// slide number (`{slide}`, `{slides}`); the quiz's title; an answer slide's line (`{role}`).
    case agenda
    case slideContinued = "slide-continued"
    case slideOf = "slide-of"
    case quiz
    case quizAnswer = "quiz-answer"
    /// The facilitator's guide: its title (`{title}`), the session plan's heading, a group's line
    /// (`{minutes}`, `{from}`, `{to}`) and the total (`{minutes}`), the materials' heading, a
    /// handout's copies (`{document}`, `{count}`) or one a participant (`{document}`), the slides'
    /// heading.
    case guideTitle = "guide-title"
    case sessionPlan = "session-plan"
    case planGroup = "plan-group"
    case planTotal = "plan-total"
    case materials
    case handoutCopies = "handout-copies"
    case handoutEach = "handout-each"
    case handoutTrainer = "handout-trainer"
    case slidesAndNotes = "slides-and-notes"

    /// The placeholders a key's text may use: those its English text uses (every language's
    /// file uses the same; a test checks).
    public var placeholders: [String] { Words.placeholders(in: Words.shipped["en"]?[self] ?? "") }

    /// The exercise headings and instructions, by kind.
    public static func exercise(_ kind: ExerciseKind) -> (title: Key, task: Key) {
      switch kind {
      case .whoDoesIt: (.whoDoesIt, .whoDoesItTask)
      case .whoseStrength: (.whoseStrength, .whoseStrengthTask)
      case .recall: (.recall, .recallTask)
      case .reflect: (.reflect, .reflectTask)
      }
    }

    /// The shipped reflection prompts.
    public static let reflectPrompts: [Key] = [.reflectPrompt1, .reflectPrompt2, .reflectPrompt3]

    static let months: [Key] = [
      .january, .february, .march, .april, .may, .june, .july, .august, .september, .october,
      .november, .december,
    ]
  }

  /// The language whose table these words started from (`en`, `de`, `fr`, `es`).
  public private(set) var language: String
  private var table: [Key: String]

  /// The shipped words for a BCP 47 tag's language, with `overrides` on top.
  public init(language tag: String, overrides: [Key: String] = [:]) {
    language = ShippedWords.language(for: tag)
    table = (Words.shipped[language] ?? [:]).merging(overrides) { _, override in override }
  }

  /// The English words, as pmreport printed them before it knew languages.
  public static let english = Words(language: "en")

  /// The languages with a shipped table.
  public static var shippedLanguages: [String] { shipped.keys.sorted() }

  /// `de` for `de-AT`, `de_at` or `DE`.
  public static func primarySubtag(_ tag: String) -> String {
    String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
  }

  public subscript(key: Key) -> String { table[key] ?? Words.shipped["en"]?[key] ?? "" }

  /// `key`'s template with `{name}` placeholders replaced by `values` (unknown ones stay as written).
  public func fill(_ key: Key, _ values: [String: String]) -> String {
    Words.fill(self[key], values)
  }

  /// `template` with each `{name}` in `values` replaced.
  public static func fill(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
        out += value
        rest = after[after.index(after: close)...]
      } else {
        out += "{"
        rest = after
      }
    }
    return out + rest
  }

  /// The placeholders written in `template` (`{page}` → `page`).
  public static func placeholders(in template: String) -> [String] {
    var found: [String] = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      let name = after[..<close]
      if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" }) { found.append(String(name)) }
      rest = after[after.index(after: close)...]
    }
    return found
  }

  // MARK: Filled words

  /// "page 3 of 12".
  public func pageOf(_ page: Int, _ pages: Int) -> String {
    fill(.pageOf, ["page": String(page), "pages": String(pages)])
  }

  /// A date from its parts ("26 November 2026"); `month` is 1–12.
  public func date(day: Int, month: Int, year: Int) -> String {
    let name = self[Key.months[max(0, min(11, month - 1))]]
    return fill(.date, ["day": String(day), "month": name, "year": String(year)])
  }

  // MARK: Shipped tables

  /// Each shipped language's table, from its words file (`Sources/ReportModel/Words/`).
  private static let shipped: [String: [Key: String]] = Dictionary(
    uniqueKeysWithValues: ShippedWords.files.keys.map { ($0, ShippedWords.table($0, of: Key.self)) }
  )
}
