import Frames
import Geometry
import Pagination
import ReportModel
import TextShaping

/// Sets an aspect table (aspect, one column per role) as a ``TableBlock``: column widths from the
/// content, wrapped cells, a header row that repeats on every page the table continues on.
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

  /// An aspect table: the aspect column, then one column per role, headed by the role names.
  func aspectTable(_ table: AspectTable, roles: Comparison) -> TableBlock {
    self.table(
      header: [table.aspectHeader, roles.role(.business).name, roles.role(.technical).name],
      rows: table.rows.map { [$0.label, $0.business, $0.technical] }, width: type.width)
  }

  /// The table: header (aspect header, role names), one row per item with the label in bold.
  func table(header: [String], rows: [[String]], width: Double, anchors: [Anchor] = [])
    -> TableBlock
  {
    let columns = header.count
    let pad = appearance.paddingX
    let headRuns = header.map { [TextRun($0, font: headFont, color: type.headerText)] }
    let bodyRuns = rows.map { row in
      row.enumerated().map { c, s in
        [TextRun(s, font: c == 0 ? cellFont.bolded : cellFont, color: type.text)]
      }
    }
    let all = [headRuns] + bodyRuns
    let measured = all.map { row in row.map { type.measurer.widths(spec($0)) } }
    let minimum = (0..<columns).map { c in measured.map { $0[c].minimum }.max() ?? 0 }
    let preferred = (0..<columns).map { c in measured.map { $0[c].preferred }.max() ?? 0 }
    let widths = TableColumns.widths(
      minimum: minimum.map { $0 + 2 * pad },
      preferred: preferred.map { $0 + 2 * pad }, available: width)
    func row(_ runs: [[TextRun]], color: Color) -> TableRow {
      TableRow(
        cells: runs.enumerated().map { c, r in
          // The label column is short bold words: never hyphenated.
          TableCell(
            lines: type.lines(
              r, width: widths[c] - 2 * pad, alignment: .left,
              hyphenate: c > 0 && type.style.paragraph.hyphenate, leading: 1.3),
            color: color)
        })
    }
    return TableBlock(
      columnWidths: widths, header: row(headRuns, color: type.headerText),
      rows: bodyRuns.map { row($0, color: type.text) }, appearance: appearance,
      breaks: BreakPolicy(
        spaceBefore: type.style.paragraph.spacing,
        spaceAfter: type.style.paragraph.spacing * 2),
      anchors: anchors)
  }

  /// A cell's text as the measurer sees it (the width is set per column later).
  ///
  /// Unhyphenated, so that no column is made so narrow that its words must break.
  private func spec(_ runs: [TextRun]) -> ParagraphSpec {
    ParagraphSpec(runs: runs, width: 100_000, alignment: .left, hyphenate: false, leading: 1.3)
  }
}
