import ReportModel

/// A section, block, list item, question or chart's place: a row of the content file's
/// ``ContentPositions``, from which the typesetting steps to the places inside it.
///
/// Each step names what the content holds there (a section's blocks, a list's items); a step the
/// table has no row for gives nil.
public struct ContentPlace: Sendable {
  let table: ContentPositions
  let row: Int

  /// The line the value here was written on; nil when the file gives none.
  public var line: Int? {
    let line = table.rows[row].line
    return line == 0 ? nil : Int(line)
  }

  /// The file the content was read from, as messages name it.
  public var file: String { table.file }

  /// A section's subsection at `index`.
  public func subsection(_ index: Int) -> ContentPlace? { child(index, inSecondList: true) }

  /// A section's block at `index`.
  public func block(_ index: Int) -> ContentPlace? { child(index) }

  /// A bulleted or numbered list's item at `index`.
  public func listItem(_ index: Int) -> ContentPlace? { child(index) }

  /// A labelled list's item at `index`.
  public func labelledItem(_ index: Int) -> ContentPlace? { child(index) }

  /// A quote's block at `index`.
  public func quoted(_ index: Int) -> ContentPlace? { child(index) }

  /// A list item's block at `index`.
  public func indexed(_ index: Int) -> ContentPlace? { child(index) }

  /// The question of a faq block's entry at `index`.
  public func question(_ index: Int) -> ContentPlace? { child(2 * index) }

  /// The answer of a faq block's entry at `index`.
  public func answer(_ index: Int) -> ContentPlace? { child(2 * index + 1) }

  /// The row of the child at `index` in the first list of this row's children, or in the second
  /// (a section's subsections after its blocks, the sections after the introduction).
  func child(_ index: Int, inSecondList: Bool = false) -> ContentPlace? {
    let here = table.rows[row]
    let start = Int(inSecondList ? here.second : here.first)
    let end = Int(inSecondList ? here.end : here.second)
    guard index >= 0, start + index < end else { return nil }
    return ContentPlace(table: table, row: start + index)
  }
}

/// The content file's paths to sections, blocks, list items and questions, as the YAML schema
/// spells them (`sections[2].blocks[3].bullets.items[1]`): the Markdown reader records the places
/// it reads at them, and ``ContentPositions`` looks them up.
extension NodePath {
  /// The top-level section at `index`.
  static func section(_ index: Int) -> NodePath {
    NodePath.root.appending(Comparison.CodingKeys.sections.rawValue).appending(index)
  }

  /// The chart at `index` in the content's list of charts (`charts:`).
  static func chart(_ index: Int) -> NodePath {
    NodePath.root.appending("charts").appending(index)
  }

  /// The chart at `index` in an earlier file's list of charts (`charts: specs:`).
  static func legacyChart(_ index: Int) -> NodePath {
    NodePath.root.appending("charts").appending("specs").appending(index)
  }

  /// The introduction's block at `index`.
  static func introduction(_ index: Int) -> NodePath {
    NodePath.root.appending(Comparison.CodingKeys.introduction.rawValue).appending(index)
  }

  func subsection(_ index: Int) -> NodePath {
    appending(Section.CodingKeys.subsections.rawValue).appending(index)
  }

  func block(_ index: Int) -> NodePath {
    appending(Section.CodingKeys.blocks.rawValue).appending(index)
  }

  func listItem(_ index: Int) -> NodePath {
    appending(ContentBlock.Kind.bullets.rawValue).appending(ListBlock.CodingKeys.items.rawValue)
      .appending(index)
  }

  func labelledItem(_ index: Int) -> NodePath {
    appending(ContentBlock.Kind.list.rawValue).appending(index)
  }

  func quoted(_ index: Int) -> NodePath {
    appending(ContentBlock.Kind.quote.rawValue).appending(index)
  }

  /// A faq block's entry at `index`.
  func faqEntry(_ index: Int) -> NodePath {
    appending(ContentBlock.Kind.faq.rawValue).appending(index)
  }

  func question(_ index: Int) -> NodePath {
    faqEntry(index).appending(FAQEntry.CodingKeys.question.rawValue)
  }

  func answer(_ index: Int) -> NodePath {
    faqEntry(index).appending(FAQEntry.CodingKeys.answer.rawValue)
  }
}
