import ReportConfig
import ReportModel

/// The content's Spanish questions and exclamations with no opening "¿" or "¡": a warning each,
/// at the line its block was written on, found once a run when the content is loaded.
///
/// A warning and never an edit (``Punctuation/unopenedMarks(_:)``): only the author knows where
/// the question begins. Code is not read. Text is read in its own language: a section with
/// `lang=` (and its subsections) in that language, the rest in the document's; nothing for text
/// in other languages.
struct OpeningMarksCheck {
  /// The rules of the text being read; nil for a language without any.
  private var punctuation: Punctuation?
  /// The content file, as messages name it: where a text with no recorded line is reported.
  let file: String?
  private(set) var warnings: [RunWarning] = []

  /// The warnings for `content` in `language`, each placed through `positions`.
  static func warnings(
    in content: Comparison, language: String, positions: ContentPositions?, file: String?
  ) -> [RunWarning] {
    var check = OpeningMarksCheck(punctuation: Punctuation(language: language), file: file)
    for (index, block) in content.introduction.enumerated() {
      check.read(block, at: positions?.introduction(index))
    }
    for (index, section) in content.sections.enumerated() {
      check.read(section, at: positions?.section(index))
    }
    return check.warnings
  }

  /// Reads `section` and its subsections in the section's language, when it names one.
  private mutating func read(_ section: Section, at place: ContentPlace?) {
    let outer = punctuation
    if let lang = section.lang { punctuation = Punctuation(language: lang) }
    defer { punctuation = outer }
    read(RichText(section.title), at: place)
    for (index, block) in section.blocks.enumerated() { read(block, at: place?.block(index)) }
    for (index, sub) in section.subsections.enumerated() { read(sub, at: place?.subsection(index)) }
  }

  private mutating func read(_ block: ContentBlock, at place: ContentPlace?) {
    switch block {
    case .paragraph(let text):
      read(text, at: place)
    case .labelledList(let items):
      for (index, item) in items.enumerated() {
        let here = place?.labelledItem(index) ?? place
        read(RichText(item.label), at: here)
        read(item.text, at: here)
      }
    case .list(let list):
      for (index, item) in list.items.enumerated() {
        let here = place?.listItem(index)
        for (inner, block) in item.enumerated() { read(block, at: here?.indexed(inner) ?? here) }
      }
    case .faq(let entries):
      for (index, entry) in entries.enumerated() {
        read(RichText(entry.question), at: place?.question(index) ?? place)
        read(entry.answer, at: place?.answer(index) ?? place)
      }
    case .roleTable(let table):
      for row in table.rows {
        read(RichText(row.label), at: place)
        for cell in row.cells { read(cell.text, at: place) }
      }
    case .table(let table):
      for cell in (table.header + table.rows.joined()) { read(cell, at: place) }
    case .quote(let inner):
      for (index, block) in inner.enumerated() { read(block, at: place?.quoted(index) ?? place) }
    case .code, .rule, .image:
      break
    }
  }

  private mutating func read(_ text: RichText, at place: ContentPlace?) {
    guard let punctuation else { return }
    let pieces = text.spans.map {
      Punctuation.Piece($0.text, verbatim: $0.style.contains(.code))
    }
    for sentence in punctuation.unopenedMarks(pieces) {
      let position =
        place.map { SourceLocation(file: $0.file, line: $0.line ?? 0, column: 0) }
        ?? file.map { SourceLocation(file: $0, line: 0, column: 0) }
      warnings.append(
        RunWarning(
          .input, at: position,
          "\"\(sentence)\" has no opening mark: Spanish opens a question with '¿' and an "
            + "exclamation with '¡'"))
    }
  }
}
