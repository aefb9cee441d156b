import ReportModel

/// Where a content file's sections, blocks, list items and questions were written, for the
/// source spans the typesetting gives frame items: a flat table of lines built once at load.
///
/// The run keeps this table, not the file's position tree: a row is four 32-bit integers (its
/// line and where its children's rows are), 16 bytes a place. Row 0 is the whole content; its
/// children are the introduction's blocks, then the sections. A section's children are its
/// blocks, then its subsections; a list's are its items, a list item's its blocks, a quote's its
/// blocks, a faq block's each entry's question and answer. The charts the content lists come
/// after that tree, a row each with no children, found by their ids.
public struct ContentPositions: Sendable {
  /// One place: its line (0 when the file gives none) and its children's rows, `first..<second`
  /// and `second..<end`.
  struct Row: Sendable {
    var line: UInt32
    var first: UInt32 = 0
    var second: UInt32 = 0
    var end: UInt32 = 0
  }

  /// The file the content was read from, as messages name it.
  let file: String
  let rows: [Row]
  /// The row of each chart the content lists, by its id.
  private let chartRows: [String: Int]

  /// The introduction's block at `index`.
  public func introduction(_ index: Int) -> ContentPlace? { whole.child(index) }

  /// The top-level section at `index`.
  public func section(_ index: Int) -> ContentPlace? { whole.child(index, inSecondList: true) }

  /// The chart with `id` in the content's list of charts (its entry there); nil for a chart
  /// the content does not list (drawn because its data is there).
  public func chart(_ id: String) -> ContentPlace? {
    chartRows[id].map { ContentPlace(table: self, row: $0) }
  }

  private var whole: ContentPlace { ContentPlace(table: self, row: 0) }

  /// The table of `content`'s places, each looked up in `positions` by its path.
  init(content: Comparison, positions: any SourcePositions, file: String) {
    var builder = Builder(positions: positions)
    builder.fill(
      0, builder.places(content.introduction, at: NodePath.introduction),
      content.sections.enumerated().map { (NodePath.section($0), .section($1)) })
    var chartRows: [String: Int] = [:]
    for (index, spec) in (content.charts.specs ?? []).enumerated() where chartRows[spec.id] == nil {
      chartRows[spec.id] = builder.rows.count
      builder.rows.append(Row(line: builder.line(at: [.chart(index), .legacyChart(index)])))
    }
    self.file = file
    rows = builder.rows
    self.chartRows = chartRows
  }

  /// Fills the table row by row: a row's children are given consecutive rows, then each child's.
  private struct Builder {
    /// What a place holds, so the builder knows its children.
    enum Value {
      case section(Section)
      case block(ContentBlock)
      case listItem([ContentBlock])
      case leaf
    }

    let positions: any SourcePositions
    var rows = [Row(line: 0)]

    /// The blocks as places, each at the path `path` gives its index.
    func places(_ blocks: [ContentBlock], at path: (Int) -> NodePath) -> [(NodePath, Value)] {
      blocks.enumerated().map { (path($0), .block($1)) }
    }

    /// Gives `row` the children `first` then `second`, and fills each child's own.
    mutating func fill(_ row: Int, _ first: [(NodePath, Value)], _ second: [(NodePath, Value)]) {
      guard !first.isEmpty || !second.isEmpty else { return }
      let children = first + second
      let start = rows.count
      rows[row].first = UInt32(start)
      rows[row].second = UInt32(start + first.count)
      rows[row].end = UInt32(start + children.count)
      for (path, _) in children { rows.append(Row(line: line(at: [path]))) }
      for (offset, (path, value)) in children.enumerated() {
        fill(start + offset, inside: value, at: path)
      }
    }

    /// The line of the first of `paths` the file holds a value at; 0 when it holds none.
    func line(at paths: [NodePath]) -> UInt32 {
      let line = paths.lazy.compactMap { positions.writtenLocation(at: $0)?.line }.first
      return UInt32(clamping: line ?? 0)
    }

    /// Fills the children of the place at `row`, which holds `value` at `path`.
    private mutating func fill(_ row: Int, inside value: Value, at path: NodePath) {
      switch value {
      case .section(let section):
        fill(
          row, places(section.blocks, at: path.block),
          section.subsections.enumerated().map { (path.subsection($0), .section($1)) })
      case .listItem(let blocks):
        fill(row, places(blocks, at: { path.appending($0) }), [])
      case .block(.list(let list)):
        fill(row, list.items.enumerated().map { (path.listItem($0), .listItem($1)) }, [])
      case .block(.labelledList(let items)):
        fill(row, items.indices.map { (path.labelledItem($0), .leaf) }, [])
      case .block(.quote(let inner)):
        fill(row, places(inner, at: path.quoted), [])
      case .block(.faq(let entries)):
        let questions = entries.indices.flatMap {
          [(path.question($0), Value.leaf), (path.answer($0), .leaf)]
        }
        fill(row, questions, [])
      case .block, .leaf:
        return
      }
    }
  }
}
