/// The words pmreport prints itself (captions, furniture, chart legends, dates), in the document's
/// language.
///
/// The shipped tables cover English, German, French and Spanish, chosen by the language tag's
/// primary subtag (`de-AT` takes German; a language with no table takes English). A config's
/// `words:` overrides any entry by its kebab-case key. Entries with placeholders are templates
/// (`"page {page} of {pages}"`), filled by ``fill(_:_:)``; never assembled by concatenation, so a
/// language can put the numbers where its grammar wants them.
public struct Words: Hashable, Sendable {
  /// Every word pmreport prints, by its key in `words:`.
  public enum Key: String, CaseIterable, CodingKey, Hashable, Sendable {
    /// The heading of the table of contents.
    case contents
    /// The footer: `{page}` and `{pages}`.
    case pageOf = "page-of"
    /// The role cards' subheadings.
    case strengths, risks
    /// A heading for questions and answers (reserved: the content names its own FAQ section).
    case faq
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

    /// The placeholders a key's text may use.
    public var placeholders: [String] {
      switch self {
      case .pageOf: ["page", "pages"]
      case .date: ["day", "month", "year"]
      case .onlyCount, .sharedCount: ["count"]
      case .leansMore: ["role"]
      case .radarRings, .altFocus: ["max"]
      case .altRoleScores: ["role", "scores"]
      case .altScore: ["label", "score"]
      case .altDifference: ["items"]
      case .altLean: ["label", "role", "lean"]
      case .altEqual: ["label"]
      case .altOnly: ["role", "count", "traits"]
      case .altShared, .altAll: ["count", "traits"]
      case .altTeam: ["roles", "teams"]
      case .altAnd: ["first", "last"]
      case .worksheetTitle, .answerKeyTitle: ["title"]
      case .preparedFor: ["name"]
      case .moreItems: ["count"]
      default: []
      }
    }

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
    let primary = Words.primarySubtag(tag)
    let shipped = Words.shipped[primary] ?? Words.shipped["en"] ?? [:]
    language = Words.shipped[primary] == nil ? "en" : primary
    table = shipped.merging(overrides) { _, override in override }
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

  private static let shipped: [String: [Key: String]] = [
    "en": [
      .contents: "Contents", .pageOf: "page {page} of {pages}", .strengths: "Strengths",
      .risks: "Risks", .faq: "FAQ", .aspect: "Aspect", .date: "{day} {month} {year}",
      .january: "January", .february: "February", .march: "March", .april: "April", .may: "May",
      .june: "June", .july: "July", .august: "August", .september: "September",
      .october: "October", .november: "November", .december: "December",
      .both: "Both", .all: "All", .onlyCount: "{count} only", .sharedCount: "{count} shared",
      .leansMore: "{role} leans more", .emphasisAxis: "Difference in emphasis, in points",
      .radarRings: "Rings mark scores 1–{max}", .worksWithBoth: "Works with both",
      .worksWithSeveral: "Works with more than one role",
      .focusChart: "Where each role puts its weight",
      .differenceChart: "How far apart the roles are",
      .overlapChart: "What the roles share and what they do alone",
      .stakeholderChart: "Who each role works with",
      .altFocus: "Focus profile, scores 0 to {max}.", .altRoleScores: "{role}: {scores}.",
      .altScore: "{label} {score}", .altDifference: "Which role leans more, in points: {items}.",
      .altLean: "{label}: {role} {lean}", .altEqual: "{label}: equal",
      .altOnly: "{role} only ({count}): {traits}.", .altShared: "Shared ({count}): {traits}.",
      .altAll: "All ({count}): {traits}.", .altNone: "none", .altTeam: "With {roles}: {teams}.",
      .altAnd: "{first} and {last}",
      .worksheetTitle: "{title}: Worksheet", .answerKeyTitle: "{title}: Answer Key",
      .participantName: "Name", .whoDoesIt: "Who does it?",
      .whoDoesItTask: "Tick the role that each statement describes.",
      .whoseStrength: "Whose strength, whose risk?",
      .whoseStrengthTask: "Tick the role each strength or risk belongs to.",
      .recall: "Recall", .recallTask: "Answer each question in a few sentences.",
      .reflect: "Reflect", .reflectTask: "Think about your own work and write a few lines.",
      .answersVary: "Answers will vary.",
      .reflectPrompt1:
        "Which of these responsibilities do you already carry, and which would you hand over?",
      .reflectPrompt2: "Describe a recent decision that needed both roles. Who led it, and why?",
      .reflectPrompt3: "What is one thing you will do differently next week?",
      .preparedFor: "Prepared for {name}", .certificateTitle: "Certificate of Completion",
      .certifiesThat: "This certifies that", .hasCompleted: "has completed the training",
      .certificateDate: "Date", .trainer: "Trainer",
      .moreItems: "+ {count} more in the handout",
    ],
    "de": [
      .contents: "Inhalt", .pageOf: "Seite {page} von {pages}", .strengths: "Stärken",
      .risks: "Risiken", .faq: "Häufige Fragen", .aspect: "Aspekt", .date: "{day}. {month} {year}",
      .january: "Januar", .february: "Februar", .march: "März", .april: "April", .may: "Mai",
      .june: "Juni", .july: "Juli", .august: "August", .september: "September",
      .october: "Oktober", .november: "November", .december: "Dezember",
      .both: "Beide", .all: "Alle", .onlyCount: "nur {count}", .sharedCount: "{count} gemeinsam",
      .leansMore: "{role} gewichtet stärker",
      .emphasisAxis: "Unterschied in der Gewichtung, in Punkten",
      .radarRings: "Ringe markieren Werte 1–{max}", .worksWithBoth: "Arbeitet mit beiden",
      .worksWithSeveral: "Arbeitet mit mehreren Rollen",
      .focusChart: "Wo jede Rolle ihren Schwerpunkt setzt",
      .differenceChart: "Wie weit die Rollen auseinanderliegen",
      .overlapChart: "Was die Rollen teilen und was jede allein tut",
      .stakeholderChart: "Mit wem jede Rolle arbeitet",
      .altFocus: "Schwerpunktprofil, Werte 0 bis {max}.", .altRoleScores: "{role}: {scores}.",
      .altScore: "{label} {score}",
      .altDifference: "Welche Rolle stärker gewichtet, in Punkten: {items}.",
      .altLean: "{label}: {role} {lean}", .altEqual: "{label}: gleich",
      .altOnly: "Nur {role} ({count}): {traits}.", .altShared: "Gemeinsam ({count}): {traits}.",
      .altAll: "Alle ({count}): {traits}.", .altNone: "keine",
      .altTeam: "Mit {roles}: {teams}.", .altAnd: "{first} und {last}",
      .worksheetTitle: "{title}: Arbeitsblatt", .answerKeyTitle: "{title}: Lösungen",
      .participantName: "Name", .whoDoesIt: "Wer macht das?",
      .whoDoesItTask: "Kreuzen Sie die Rolle an, die jede Aussage beschreibt.",
      .whoseStrength: "Wessen Stärke, wessen Risiko?",
      .whoseStrengthTask: "Kreuzen Sie an, zu welcher Rolle jede Stärke oder jedes Risiko gehört.",
      .recall: "Erinnern", .recallTask: "Beantworten Sie jede Frage in wenigen Sätzen.",
      .reflect: "Nachdenken",
      .reflectTask: "Denken Sie an Ihre eigene Arbeit und schreiben Sie ein paar Zeilen.",
      .answersVary: "Die Antworten sind individuell.",
      .reflectPrompt1: "Welche dieser Aufgaben tragen Sie schon, und welche würden Sie abgeben?",
      .reflectPrompt2:
        "Beschreiben Sie eine Entscheidung, die beide Rollen brauchte. Wer hat sie geführt, und warum?",
      .reflectPrompt3: "Was werden Sie nächste Woche anders machen?",
      .preparedFor: "Für {name}", .certificateTitle: "Teilnahmebestätigung",
      .certifiesThat: "Hiermit wird bestätigt, dass",
      .hasCompleted: "die Schulung abgeschlossen hat",
      .certificateDate: "Datum", .trainer: "Trainer",
      .moreItems: "+ {count} weitere im Handout",
    ],
    "fr": [
      .contents: "Sommaire", .pageOf: "page {page} sur {pages}", .strengths: "Points forts",
      .risks: "Risques", .faq: "Questions fréquentes", .aspect: "Aspect",
      .date: "{day} {month} {year}",
      .january: "janvier", .february: "février", .march: "mars", .april: "avril", .may: "mai",
      .june: "juin", .july: "juillet", .august: "août", .september: "septembre",
      .october: "octobre", .november: "novembre", .december: "décembre",
      .both: "Les deux", .all: "Tous", .onlyCount: "{count} seulement",
      .sharedCount: "{count} en commun",
      .leansMore: "{role} insiste davantage", .emphasisAxis: "Écart d’accent, en points",
      .radarRings: "Les cercles marquent les notes 1–{max}",
      .worksWithBoth: "Travaille avec les deux",
      .worksWithSeveral: "Travaille avec plusieurs rôles",
      .focusChart: "Où chaque rôle met l’accent", .differenceChart: "L’écart entre les rôles",
      .overlapChart: "Ce que les rôles partagent et ce que chacun fait seul",
      .stakeholderChart: "Avec qui chaque rôle travaille",
      .altFocus: "Profil des priorités, notes de 0 à {max}.",
      .altRoleScores: "{role}\u{00A0}: {scores}.", .altScore: "{label} {score}",
      .altDifference: "Rôle qui insiste davantage, en points\u{00A0}: {items}.",
      .altLean: "{label}\u{00A0}: {role} {lean}", .altEqual: "{label}\u{00A0}: égal",
      .altOnly: "{role} seulement ({count})\u{00A0}: {traits}.",
      .altShared: "En commun ({count})\u{00A0}: {traits}.",
      .altAll: "Tous ({count})\u{00A0}: {traits}.", .altNone: "aucun",
      .altTeam: "Avec {roles} : {teams}.", .altAnd: "{first} et {last}",
      .worksheetTitle: "{title}\u{00A0}: fiche d’exercices",
      .answerKeyTitle: "{title}\u{00A0}: corrigé",
      .participantName: "Nom", .whoDoesIt: "Qui fait quoi\u{00A0}?",
      .whoDoesItTask: "Cochez le rôle que décrit chaque affirmation.",
      .whoseStrength: "À qui la force, à qui le risque\u{00A0}?",
      .whoseStrengthTask: "Cochez le rôle auquel appartient chaque force ou risque.",
      .recall: "Se souvenir", .recallTask: "Répondez à chaque question en quelques phrases.",
      .reflect: "Réfléchir",
      .reflectTask: "Pensez à votre propre travail et écrivez quelques lignes.",
      .answersVary: "Les réponses varient.",
      .reflectPrompt1:
        "Lesquelles de ces responsabilités portez-vous déjà, et lesquelles confieriez-vous\u{00A0}?",
      .reflectPrompt2:
        "Décrivez une décision récente qui demandait les deux rôles. Qui l’a menée, et pourquoi\u{00A0}?",
      .reflectPrompt3: "Que ferez-vous autrement la semaine prochaine\u{00A0}?",
      .preparedFor: "Préparé pour {name}", .certificateTitle: "Attestation de formation",
      .certifiesThat: "Nous certifions que", .hasCompleted: "a suivi la formation",
      .certificateDate: "Date", .trainer: "Formateur",
      .moreItems: "+ {count} de plus dans le document",
    ],
    "es": [
      .contents: "Índice", .pageOf: "página {page} de {pages}", .strengths: "Fortalezas",
      .risks: "Riesgos", .faq: "Preguntas frecuentes", .aspect: "Aspecto",
      .date: "{day} de {month} de {year}",
      .january: "enero", .february: "febrero", .march: "marzo", .april: "abril", .may: "mayo",
      .june: "junio", .july: "julio", .august: "agosto", .september: "septiembre",
      .october: "octubre", .november: "noviembre", .december: "diciembre",
      .both: "Ambos", .all: "Todos", .onlyCount: "solo {count}", .sharedCount: "{count} en común",
      .leansMore: "{role} pone más énfasis", .emphasisAxis: "Diferencia de énfasis, en puntos",
      .radarRings: "Los anillos marcan puntuaciones 1–{max}", .worksWithBoth: "Trabaja con ambos",
      .worksWithSeveral: "Trabaja con varios roles",
      .focusChart: "Dónde pone el peso cada rol",
      .differenceChart: "Cuánto se distancian los roles",
      .overlapChart: "Lo que los roles comparten y lo que hace cada uno",
      .stakeholderChart: "Con quién trabaja cada rol",
      .altFocus: "Perfil de enfoque, puntuaciones de 0 a {max}.",
      .altRoleScores: "{role}: {scores}.", .altScore: "{label} {score}",
      .altDifference: "Qué rol pone más énfasis, en puntos: {items}.",
      .altLean: "{label}: {role} {lean}", .altEqual: "{label}: igual",
      .altOnly: "Solo {role} ({count}): {traits}.", .altShared: "En común ({count}): {traits}.",
      .altAll: "Todos ({count}): {traits}.", .altNone: "ninguno",
      .altTeam: "Con {roles}: {teams}.", .altAnd: "{first} y {last}",
      .worksheetTitle: "{title}: hoja de ejercicios", .answerKeyTitle: "{title}: soluciones",
      .participantName: "Nombre", .whoDoesIt: "¿Quién lo hace?",
      .whoDoesItTask: "Marque el rol que describe cada afirmación.",
      .whoseStrength: "¿De quién es la fortaleza, de quién el riesgo?",
      .whoseStrengthTask: "Marque el rol al que pertenece cada fortaleza o riesgo.",
      .recall: "Recordar", .recallTask: "Responda cada pregunta en pocas frases.",
      .reflect: "Reflexionar",
      .reflectTask: "Piense en su propio trabajo y escriba unas líneas.",
      .answersVary: "Las respuestas varían.",
      .reflectPrompt1: "¿Cuáles de estas responsabilidades ya asume y cuáles delegaría?",
      .reflectPrompt2:
        "Describa una decisión reciente que necesitó ambos roles. ¿Quién la lideró y por qué?",
      .reflectPrompt3: "¿Qué hará de otra manera la próxima semana?",
      .preparedFor: "Preparado para {name}", .certificateTitle: "Certificado de finalización",
      .certifiesThat: "Se certifica que", .hasCompleted: "ha completado la formación",
      .certificateDate: "Fecha", .trainer: "Formador",
      .moreItems: "+ {count} más en el documento",
    ],
  ]
}
