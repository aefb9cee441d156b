import Frames
import Geometry

/// One table cell: shaped lines (already broken to the column width less padding).
public struct TableCell: Sendable {
  public var lines: [ShapedLine]
  public var color: Color
  public init(lines: [ShapedLine], color: Color = .black) {
    self.lines = lines
    self.color = color
  }
  var height: Double { lines.reduce(0) { $0 + $1.height } }
}

/// One row of cells, one per column.
public struct TableRow: Sendable {
  public var cells: [TableCell]
  public init(cells: [TableCell]) { self.cells = cells }
}

/// Fills, rules and padding of a table.
public struct TableAppearance: Sendable {
  public enum Rules: Sendable { case horizontal, grid, none }
  public var paddingX: Double
  public var paddingY: Double
  public var headerFill: Color?
  public var zebraFill: Color?
  public var rules: Rules
  public var ruleColor: Color
  /// The rule under the header and at the table's top and bottom.
  public var strongRuleColor: Color
  public init(
    paddingX: Double = 5, paddingY: Double = 4, headerFill: Color? = nil, zebraFill: Color? = nil,
    rules: Rules = .horizontal, ruleColor: Color = Color(red: 0.75, green: 0.75, blue: 0.75),
    strongRuleColor: Color = .black
  ) {
    self.paddingX = paddingX
    self.paddingY = paddingY
    self.headerFill = headerFill
    self.zebraFill = zebraFill
    self.rules = rules
    self.ruleColor = ruleColor
    self.strongRuleColor = strongRuleColor
  }
}

/// A table that splits between rows and repeats its header row on every page it continues on.
///
/// A row that does not fit in the space left moves whole to the next page; only a row taller than a
/// whole page body splits inside its cells, line by line. A break between rows leaves at least
/// `minimumRowsBeforeBreak` body rows before it and `minimumRowsAfterBreak` after it, unless the
/// table stands at a page top and no such break fits.
public struct TableBlock: Block {
  public var columnWidths: [Double]
  public var header: TableRow?
  public var rows: [TableRow]
  public var appearance: TableAppearance
  public var breaks: BreakPolicy
  public var anchors: [Anchor]
  /// Where the table was written: its items and its cells' carry it (nothing draws it).
  public var source: SourceSpan?
  /// The index of `rows[0]` in the whole table (zebra striping continues across pages).
  var firstRowIndex = 0

  public init(
    columnWidths: [Double], header: TableRow?, rows: [TableRow], appearance: TableAppearance,
    breaks: BreakPolicy = BreakPolicy(), anchors: [Anchor] = []
  ) {
    self.columnWidths = columnWidths
    self.header = header
    self.rows = rows
    self.appearance = appearance
    self.breaks = breaks
    self.anchors = anchors
  }

  /// The table's width.
  public var width: Double { columnWidths.reduce(0, +) }

  func height(of row: TableRow) -> Double {
    (row.cells.map(\.height).max() ?? 0) + 2 * appearance.paddingY
  }

  private var headerHeight: Double { header.map(height(of:)) ?? 0 }

  /// Least body rows left at the foot of a page before the table breaks (a header with a single row
  /// under it reads like an orphan line).
  public var minimumRowsBeforeBreak = 2
  /// Least body rows carried to the next page when the table breaks between rows.
  ///
  /// One row alone under a repeated header leaves a page mostly empty. With both minimums at 2, a
  /// table of 3 rows or fewer moves whole (unless taller than a page).
  public var minimumRowsAfterBreak = 2

  public var leadHeight: Double {
    headerHeight + rows.prefix(minimumRowsBeforeBreak).reduce(0) { $0 + height(of: $1) }
  }

  public var overflowDescription: String { "a table row taller than the page body" }

  public func layout(in regions: Regions) -> LayoutResult {
    let available = regions.available
    var placed: [TableRow] = []
    var used = headerHeight
    if !regions.atPageTop, used + (rows.first.map(height(of:)) ?? 0) > available {
      // Not even the header and one row fit: if the row would fit on a fresh page, move on.
      if let first = rows.first, headerHeight + height(of: first) <= regions.full {
        return .deferred
      }
    }
    for (i, row) in rows.enumerated() {
      let h = height(of: row)
      if used + h <= available + 0.0001 {
        placed.append(row)
        used += h
        continue
      }
      if !placed.isEmpty {
        // At least `minimumRowsAfterBreak` rows go on: pull rows over to the next page for them.
        let cut = min(i, rows.count - minimumRowsAfterBreak)
        if cut >= minimumRowsBeforeBreak {
          return .partial(
            frame(Array(placed.prefix(cut)), width: regions.width),
            rest: remainder(from: cut, replacing: nil))
        }
        // No break leaves enough rows on both sides: move the table on, when a fresh page would
        // take its first rows; else (at a page top) break where the page is full.
        if !regions.atPageTop, firstRowIndex == 0,
          headerHeight + rows.prefix(minimumRowsBeforeBreak).reduce(0, { $0 + height(of: $1) })
            <= regions.full
        {
          return .deferred
        }
        return .partial(
          frame(placed, width: regions.width), rest: remainder(from: i, replacing: nil))
      }
      // The first row is taller than the space: split it inside its cells, line by line.
      let room = available - used - 2 * appearance.paddingY
      let (head, tail) = split(row, room: room, force: regions.atPageTop)
      guard let head else { return .deferred }
      return .partial(
        frame([head], width: regions.width), rest: remainder(from: i, replacing: tail))
    }
    return .complete(frame(placed, width: regions.width))
  }

  /// The rows from `index` on, with `rows[index]` replaced by `first` when given.
  private func remainder(from index: Int, replacing first: TableRow?) -> TableBlock {
    var rest = self
    rest.rows = Array(rows[index...])
    if let first { rest.rows[0] = first }
    rest.firstRowIndex = firstRowIndex + index
    rest.anchors = []
    rest.breaks.spaceBefore = 0
    return rest
  }

  /// The part of `row` whose lines fit in `room`, and the rest; nil head when no line fits.
  private func split(_ row: TableRow, room: Double, force: Bool) -> (TableRow?, TableRow) {
    var head = row
    var tail = row
    var any = false
    for (c, cell) in row.cells.enumerated() {
      var n = ParagraphBlock.linesFitting(cell.lines, in: room)
      if n == 0, force, !cell.lines.isEmpty { n = 1 }
      head.cells[c].lines = Array(cell.lines.prefix(n))
      tail.cells[c].lines = Array(cell.lines.dropFirst(n))
      any = any || n > 0
    }
    return (any ? head : nil, tail)
  }

  // MARK: Drawing into a frame

  /// The table: the fills first, all at once (one artifact in a tagged PDF, not one a row), then
  /// the rows, then the rules.
  private func frame(_ body: [TableRow], width: Double) -> Frame {
    let tableWidth = self.width
    var table = Frame(size: Size(width: tableWidth, height: 0))
    for anchor in anchors { table.push(.anchor(anchor), at: .zero) }
    let headerHeight = header.map { height(of: $0) } ?? 0
    let heights = body.map { height(of: $0) }
    var fills = Frame(size: Size(width: tableWidth, height: 0))
    if header != nil, let fill = appearance.headerFill {
      fills.push(
        .shape(.rect(Rect(x: 0, y: 0, width: tableWidth, height: headerHeight), fill: fill)),
        at: .zero)
    }
    var rowTops: [Double] = []
    var y = headerHeight
    for (i, h) in heights.enumerated() {
      if let zebra = appearance.zebraFill, (firstRowIndex + i) % 2 == 1 {
        fills.push(
          .shape(.rect(Rect(x: 0, y: y, width: tableWidth, height: h), fill: zebra)), at: .zero)
      }
      rowTops.append(y)
      y += h
    }
    table.push(frame: fills, at: .zero)
    if let header {
      table.push(
        .tagged(.tableRow, rowFrame(header, tag: .tableHeader, height: headerHeight)), at: .zero)
    }
    for (i, row) in body.enumerated() {
      table.push(
        .tagged(.tableRow, rowFrame(row, tag: .tableCell, height: heights[i])),
        at: Point(x: 0, y: rowTops[i]))
    }
    table.size.height = y
    pushRules(into: &table, bodyTop: headerHeight, rowTops: rowTops, bottom: y)
    var outer = Frame(size: table.size)
    outer.push(.tagged(.table, table, source: source), at: .zero)
    return outer
  }

  private func rowFrame(_ row: TableRow, tag: StructureTag, height: Double) -> Frame {
    var frame = Frame(size: Size(width: width, height: height))
    var x = 0.0
    for (c, cell) in row.cells.enumerated() {
      let w = c < columnWidths.count ? columnWidths[c] : 0
      var cellFrame = Frame(size: Size(width: w, height: height))
      var y = appearance.paddingY
      for line in cell.lines {
        cellFrame.push(.text(line, cell.color), at: Point(x: appearance.paddingX, y: y))
        y += line.height
      }
      frame.push(.tagged(tag, cellFrame, source: source), at: Point(x: x, y: 0))
      x += w
    }
    return frame
  }

  private func pushRules(
    into table: inout Frame, bodyTop: Double, rowTops: [Double], bottom: Double
  ) {
    let w = width
    let thin = Stroke(color: appearance.ruleColor, width: 0.4)
    let strong = Stroke(color: appearance.strongRuleColor, width: 0.8)
    func hline(_ y: Double, _ s: Stroke) {
      table.push(
        .shape(.line(from: Point(x: 0, y: y), to: Point(x: w, y: y), stroke: s)), at: .zero)
    }
    switch appearance.rules {
    case .none: return
    case .horizontal, .grid:
      if header != nil { hline(bodyTop, strong) } else { hline(0, strong) }
      for top in rowTops.dropFirst() { hline(top, thin) }
      hline(bottom, strong)
    }
    if appearance.rules == .grid {
      var x = 0.0
      for cw in columnWidths.dropLast() {
        x += cw
        table.push(
          .shape(.line(from: Point(x: x, y: 0), to: Point(x: x, y: bottom), stroke: thin)),
          at: .zero)
      }
    }
  }
}

/// Column widths from cell content, as CSS automatic table layout computes them.
public enum TableColumns {
  /// Widths that sum to `available`: each column gets its minimum (longest unbreakable word) and
  /// the space left is shared in proportion to how much more each would like (its preferred width,
  /// the longest line unbroken).
  ///
  /// When even the minimums do not fit, the widest minimums are cut down to a common cap
  /// (water-filling), so one enormous word takes the room it can and the other columns keep theirs;
  /// only when every column would need more than an equal share are all equal.
  public static func widths(minimum: [Double], preferred: [Double], available: Double) -> [Double] {
    let n = min(minimum.count, preferred.count)
    guard n > 0, available > 0 else { return [] }
    var mins = (0..<n).map { max(0, minimum[$0]) }
    if mins.reduce(0, +) > available { mins = capped(mins, to: available) }
    let prefs = (0..<n).map { max(mins[$0], preferred[$0]) }
    let sumMin = mins.reduce(0, +)
    let sumPref = prefs.reduce(0, +)
    if sumMin >= available - 1e-9 {
      return sumMin > 0
        ? mins.map { $0 * available / sumMin } : Array(repeating: available / Double(n), count: n)
    }
    if sumPref <= available {
      // Everything fits unbroken: share the extra in proportion to the preferred widths.
      return prefs.map { $0 * available / sumPref }
    }
    let share = (available - sumMin) / (sumPref - sumMin)
    return (0..<n).map { mins[$0] + (prefs[$0] - mins[$0]) * share }
  }

  /// `widths` with every value above some cap lowered to it, the cap chosen so they sum to `total`.
  static func capped(_ widths: [Double], to total: Double) -> [Double] {
    let sorted = widths.sorted()
    var below = 0.0
    for (i, w) in sorted.enumerated() {
      let cap = (total - below) / Double(sorted.count - i)
      if w >= cap { return widths.map { min($0, cap) } }
      below += w
    }
    return widths
  }
}
