import ReportModel

/// What one slide shows, before it is laid out (a slide whose text does not fit becomes several).
enum SlideBody {
  /// The title slide: the deck's title, subtitle and byline (author and date).
  case title(subtitle: String?, byline: String)
  /// A section's title alone.
  case section
  /// A list: items with an optional bold label.
  case items([SlideItem])
  /// A role-table row: each role's text side by side, under the role's colour band.
  case columns([(role: Int, text: RichText)])
  /// A chart, drawn at slide scale.
  case chart(ChartSpec)
  /// A tick-box quiz item: the statement under the roles; with the answer marked when `answer` is
  /// the index of its role.
  case quiz(RichText, answer: Int?)
  /// A question (recall, reflect, FAQ): its text alone.
  case question(RichText)
}

/// A list item on a slide.
struct SlideItem {
  var label: String?
  var text: RichText
}

/// One slide as planned: its group (a section of the session), title, body and speaker notes.
struct PlannedSlide {
  var group: Int
  var title: String
  var body: SlideBody
  /// The author's notes for the section (on its first slide), else the article's full sentences
  /// behind the slide; the quiz answer, the FAQ answer.
  var notes: [RichText]
}

/// The slides a deck shows, in order, with their groups: the opening (title and agenda), one group
/// a section, the quiz.
///
/// Made from the content: each role-table row a slide, each list a slide (continued when long),
/// each chart a slide after its section, each FAQ question a slide, a prose-only section a section
/// slide; then the quiz from the worksheet (the same items in the same order as the worksheet and
/// its key, ``WorksheetBuilder/exercises(of:in:words:)``).
struct SlideOutline {
  var groups: [String] = []
  var slides: [PlannedSlide] = []
  /// What follows a label in a labelled item of the author's notes (from the words data).
  private var labelSeparator = ""

  init(
    content: Comparison, deck: DocumentSpec, worksheet: DocumentSpec?, metadata: Metadata,
    date: String, words: Words
  ) {
    let sections =
      (deck.sections.map(content.sections(chosenBy:)) ?? content.sections).filter { !$0.noSlide }
    // A `no-slide` section's charts stay out with it.
    let hidden = Set(
      (content.sections + content.sections.flatMap(\.allSubsections)).filter(\.noSlide)
        .flatMap { [$0] + $0.allSubsections }.map(\.id))
    let charts = content.charts(words: words).filter {
      (deck.charts?.contains($0.id) ?? true) && !hidden.contains($0.section ?? "")
    }
    labelSeparator = words[.labelSeparator]
    open(words[.agenda])
    let byline = [metadata.author, date].filter { !$0.isEmpty }.joined(separator: " · ")
    add(metadata.title, .title(subtitle: metadata.subtitle, byline: byline), notes: [])
    let agenda = sections.map { SlideItem(label: nil, text: RichText($0.shortTitle ?? $0.title)) }
    add(words[.agenda], .items(agenda), notes: [])
    var shown = Set<String>()
    for section in sections {
      open(section.shortTitle ?? section.title)
      for part in [section] + section.allSubsections where !hidden.contains(part.id) {
        addSlides(of: part, content: content)
        shown.insert(part.id)
        for chart in charts where chart.section == part.id { addChart(chart) }
      }
    }
    for chart in charts where !shown.contains(chart.section ?? "") { addChart(chart) }
    if let worksheet { addQuiz(worksheet, content: content, words: words) }
  }

  private mutating func open(_ title: String) { groups.append(title) }

  private mutating func add(_ title: String, _ body: SlideBody, notes: [RichText]) {
    slides.append(
      PlannedSlide(group: groups.count - 1, title: title, body: body, notes: notes))
  }

  /// A section's slides: its role-table rows, lists and FAQ questions (else a section slide).
  ///
  /// The author's slide text (`slide`) opens them; the author's notes, else its prose, are the
  /// notes of its first slide.
  private mutating func addSlides(of section: Section, content: Comparison) {
    let first = slides.count
    var prose: [RichText] = []
    let written = Self.items(of: section.slide)
    if !written.isEmpty { add(section.title, .items(written), notes: []) }
    for block in section.blocks {
      switch block {
      case .roleTable(let table):
        for row in table.rows {
          let cells = table.columns.compactMap { id -> (role: Int, text: RichText)? in
            guard let index = content.roles.firstIndex(where: { $0.id == id }),
              let text = row.text(for: id)
            else { return nil }
            return (index, text)
          }
          add(row.label, .columns(cells), notes: cells.map(\.text))
        }
      case .labelledList(let items):
        let list = items.map { SlideItem(label: $0.label, text: $0.text) }
        add(section.title, .items(list), notes: items.map(\.text))
      case .list(let list):
        let items = Self.items(of: list)
        add(section.title, .items(items), notes: items.map(\.text))
      case .table(let table):
        let items = table.rows.map { row in
          SlideItem(
            label: row.first?.plain,
            text: RichText(row.dropFirst().map(\.plain).joined(separator: " · ")))
        }
        add(section.title, .items(items), notes: [])
      case .faq(let entries):
        for entry in entries {
          add(section.title, .question(RichText(entry.question)), notes: [entry.answer])
        }
      case .paragraph(let text): prose.append(text)
      case .quote(let blocks): prose += blocks.compactMap(Self.paragraph)
      case .code, .rule, .image: continue
      }
    }
    let notes = Self.items(of: section.notes).map { item in
      guard let label = item.label else { return item.text }
      var text = RichText(label + labelSeparator)
      text.append(item.text)
      return text
    }
    guard slides.count > first else {
      add(section.title, .section, notes: notes.isEmpty ? prose : notes)
      return
    }
    slides[first].notes = notes.isEmpty ? prose + slides[first].notes : notes
  }

  /// The author's slide text or notes as items: each paragraph, list item and quoted paragraph;
  /// a labelled item with its label, code as its text.
  private static func items(of blocks: [ContentBlock]) -> [SlideItem] {
    blocks.flatMap { block -> [SlideItem] in
      switch block {
      case .paragraph(let text): return [SlideItem(label: nil, text: text)]
      case .list(let list): return items(of: list)
      case .labelledList(let list): return list.map { SlideItem(label: $0.label, text: $0.text) }
      case .quote(let inner): return items(of: inner)
      case .code(let code): return [SlideItem(label: nil, text: RichText(code.text))]
      case .faq, .roleTable, .table, .rule, .image: return []
      }
    }
  }

  /// A bulleted list's items: each item's paragraphs, its nested lists' items after it.
  private static func items(of list: ListBlock) -> [SlideItem] {
    list.items.flatMap { blocks -> [SlideItem] in
      let text = blocks.compactMap(paragraph).map(\.plain).joined(separator: " ")
      let nested = blocks.flatMap { block -> [SlideItem] in
        if case .list(let inner) = block { return items(of: inner) }
        return []
      }
      return (text.isEmpty ? [] : [SlideItem(label: nil, text: RichText(text))]) + nested
    }
  }

  private static func paragraph(_ block: ContentBlock) -> RichText? {
    if case .paragraph(let text) = block { return text }
    return nil
  }

  private mutating func addChart(_ chart: ChartSpec) {
    add(chart.title, .chart(chart), notes: [RichText(chart.alt ?? chart.caption)])
  }

  /// The quiz: a tick-box item's slide, then the same slide with the answer marked; a recall or
  /// reflect item's question (its answer in the guide).
  private mutating func addQuiz(_ worksheet: DocumentSpec, content: Comparison, words: Words) {
    let exercises = WorksheetBuilder.exercises(of: worksheet, in: content, words: words)
    guard exercises.contains(where: { !$0.items.isEmpty }) else { return }
    open(words[.quiz])
    for exercise in exercises {
      let title = words[Words.Key.exercise(exercise.kind).title]
      for item in exercise.items {
        guard exercise.isTickBoxes else {
          add(
            title, .question(item.prompt),
            notes: [item.answer ?? RichText(words[.answersVary])])
          continue
        }
        let role = item.role.flatMap { id in content.roles.firstIndex { $0.id == id } }
        let answer = RichText(
          words.fill(.quizAnswer, ["role": role.map { content.roles[$0].name } ?? ""]))
        add(title, .quiz(item.prompt, answer: nil), notes: [item.prompt])
        add(title, .quiz(item.prompt, answer: role), notes: [answer])
      }
    }
  }
}
