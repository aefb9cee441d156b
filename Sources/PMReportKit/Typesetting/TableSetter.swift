import Frames
import Geometry
import Pagination
import ReportModel
import TextShaping

/// Sets a role table (aspect, one column per role) or any other table as a ``TableBlock``: column
/// widths from the content, wrapped cells, a header row that repeats on every page the table
/// continues on.
struct TableSetter {
  let type: TypeSet
  /// Table type size; the comparison-table document shrinks it to fit a page.
  var fontSize: Double

  init(type: TypeSet, fontSize: Double? = nil) {
    self.type = type
    self.fontSize = fontSize ?? type.style.fonts.tableSize
  }

  private var cellFont: FontSpec {
    FontSpec(family: type.style.fonts.body, size: fontSize, features: ["tnum"])
  }
  private var headFont: FontSpec {
    FontSpec(family: type.style.fonts.heading, size: fontSize, bold: true, features: ["tnum"])
  }
  private var appearance: TableAppearance {
    let t = type.style.table
    return TableAppearance(
      paddingX: fontSize * 0.6, paddingY: fontSize * 0.45, headerFill: type.headerFill,
      zebraFill: t.zebra ? type.zebra : nil,
      rules: t.rules == .grid ? .grid : t.rules == .none ? .none : .horizontal,
      ruleColor: type.rule, strongRuleColor: type.accent)
  }

  /// The narrowest column that holds any letter: its padding and an em.
  var leastColumnWidth: Double { 2 * appearance.paddingX + fontSize }

  /// A role table: the aspect column, then one column per role, headed by the role names.
  func roleTable(_ table: RoleTable, content: Comparison) -> TableBlock {
    self.table(
      header: [RichText(aspectHeader(table))]
        + table.columns.map { RichText(content.name(of: $0)) },
      rows: table.rows.map { row in
        [RichText(row.label)] + table.columns.map { row.text(for: $0) ?? RichText("") }
      }, labelColumn: true, width: type.width)
  }

  /// The first column's header: as the content wrote it, or the language's word for "Aspect" when
  /// the content gave none (a paired list).
  private func aspectHeader(_ table: RoleTable) -> String {
    table.paired && table.aspectHeader == RoleTable.defaultAspectHeader
      ? type.words[.aspect] : table.aspectHeader
  }

  /// Any other table, as written (no label column); ``TableTooWideError`` when its columns do
  /// not fit `width` at ``leastColumnWidth`` each.
  func plainTable(_ table: PlainTable, width: Double, at source: SourceSpan? = nil) throws
    -> TableBlock
  {
    let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
    let fitting = Int(width / leastColumnWidth)
    if columns > fitting {
      throw TableTooWideError(
        location: source, columns: columns, fitting: fitting, width: width)
    }
    func padded(_ row: [RichText]) -> [RichText] {
      row + Array(repeating: RichText(""), count: max(0, columns - row.count))
    }
    return self.table(
      header: padded(table.header), rows: table.rows.map(padded),
      alignments: table.alignments.map {
        switch $0 {
        case .left: .left
        case .center: .center
        case .right: .right
        }
      }, labelColumn: false, width: width)
  }

  /// The table: a header row, then the rows; with `labelColumn`, the first column is bold and
  /// never hyphenated.
  func table(
    header: [RichText], rows: [[RichText]], alignments: [TextAlignment] = [], labelColumn: Bool,
    width: Double, anchors: [Anchor] = []
  ) -> TableBlock {
    let columns = header.count
    let pad = appearance.paddingX
    let headRuns = header.map { type.runs($0, font: headFont, color: type.headerText) }
    let bodyRuns = rows.map { row in
      row.enumerated().map { c, text in
        type.runs(text, font: labelColumn && c == 0 ? cellFont.bolded : cellFont)
      }
    }
    let all = [headRuns] + bodyRuns
    let measured = all.map { row in row.map { type.measurer.widths(spec($0)) } }
    let minimum = (0..<columns).map { c in measured.map { $0[c].minimum }.max() ?? 0 }
    let preferred = (0..<columns).map { c in measured.map { $0[c].preferred }.max() ?? 0 }
    let widths = TableColumns.widths(
      minimum: minimum.map { $0 + 2 * pad },
      preferred: preferred.map { $0 + 2 * pad }, available: width)
    func row(_ runs: [[TextRun]], color: Color, isHeader: Bool, font: (Int) -> FontSpec)
      -> TableRow
    {
      TableRow(
        cells: runs.enumerated().map { c, r in
          // The header and the label column are short bold words: never hyphenated. Every
          // cell's lines are at least as tall as its font's, so a cell of code alone keeps the
          // row's baseline. No two lines of a cell in a row end in a hyphen.
          TableCell(
            lines: type.lines(
              r, width: widths[c] - 2 * pad,
              alignment: alignments.indices.contains(c) ? alignments[c] : .left,
              hyphenate: !isHeader && !(labelColumn && c == 0) && type.style.paragraph.hyphenate,
              leading: 1.3, base: font(c), maxHyphenRun: 1),
            color: color)
        })
    }
    return TableBlock(
      columnWidths: widths,
      header: row(headRuns, color: type.headerText, isHeader: true) { _ in headFont },
      rows: bodyRuns.map {
        row($0, color: type.text, isHeader: false) { c in
          labelColumn && c == 0 ? cellFont.bolded : cellFont
        }
      }, appearance: appearance,
      breaks: BreakPolicy(
        spaceBefore: type.style.paragraph.spacing,
        spaceAfter: type.style.paragraph.spacing * 2),
      anchors: anchors)
  }

  /// A cell's text as the measurer sees it (the width is set per column later).
  ///
  /// Unhyphenated, so that no column is made so narrow that its words must break.
  private func spec(_ runs: [TextRun]) -> ParagraphSpec {
    ParagraphSpec(
      runs: type.punctuated(runs), width: 100_000, alignment: .left, hyphenate: false,
      leading: 1.3)
  }
}
