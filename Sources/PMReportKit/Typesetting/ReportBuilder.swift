import Charts
import Foundation
import Frames
import Geometry
import Pagination
import ReportConfig
import ReportModel
import TextShaping

/// Blocks kept across the layout passes of one document, by what they set: every block but the
/// contents' depends on no page number, so a later pass (which only has the earlier one's page
/// numbers) takes them as the first pass set them instead of setting the text again.
final class PassBlocks {
  /// What a kept list of blocks sets.
  enum Part: Hashable {
    case introduction
    /// A top-level section shown (its subsections and charts included), by its place among them.
    case section(Int)
    /// A chart, by its id.
    case chart(String)
  }

  private var kept: [Part: [any Block]] = [:]

  /// The blocks of `part`, made by `make` the first time.
  func blocks(_ part: Part, _ make: () throws -> [any Block]) rethrows -> [any Block] {
    if let hit = kept[part] { return hit }
    let made = try make()
    kept[part] = made
    return made
  }
}

/// Turns the content model into the block list of one report handout: title block, contents,
/// sections with their lists, tables, questions and charts.
struct ReportBuilder {
  let content: Comparison
  let document: DocumentSpec
  let metadata: Metadata
  let type: TypeSet
  /// The date printed in the title block.
  let date: Date
  /// The tallest a chart may be drawn in the flow (a share of the page body).
  let maxFigureHeight: Double
  /// Where the content's blocks were written, for the items' source spans; nil for none.
  let positions: ContentPositions?
  /// The blocks set in an earlier pass: only the contents depend on page numbers.
  let kept = PassBlocks()

  /// Sets the content's blocks.
  var setter: BlockSetter { BlockSetter(content: content, type: type) }

  /// The top-level sections this document shows, in order.
  var sections: [Section] {
    guard let entries = document.sections else { return content.sections }
    return content.sections(chosenBy: entries)
  }

  /// The charts this document shows (the content's, narrowed to the document's list): worked out
  /// once a block list, since the content's charts walk every section.
  func shownCharts() -> [ChartSpec] {
    content.charts(words: type.words).filter { spec in
      document.charts.map { $0.contains(spec.id) } ?? true
    }
  }

  /// The charts among `shown` that name no section (or one the content lacks): the whole report
  /// shows them at its end, so that no chart the content lists goes missing.
  func unplacedCharts(_ shown: [ChartSpec]) -> [ChartSpec] {
    guard document.sections == nil else { return [] }
    return shown.filter { spec in spec.section.map { content.section(id: $0) == nil } ?? true }
  }

  /// Every block, given the page numbers of the previous layout pass (for the contents).
  func blocks(pages: PageMap) throws -> [any Block] {
    var out: [any Block] = []
    if document.titleBlock { out.append(titleBlock()) }
    // The untitled introduction opens the whole report, not a handout of chosen sections.
    if document.sections == nil {
      out += try kept.blocks(.introduction) {
        try setter.blocks(for: content.introduction) { positions?.introduction($0) }
      }
    }
    let numbered = numberedSections()
    if document.tableOfContents { out += tableOfContents(numbered, pages: pages) }
    let charts = shownCharts()
    for (index, entry) in numbered.enumerated() {
      out += try kept.blocks(.section(index)) { try blocks(for: entry, charts: charts) }
    }
    for spec in unplacedCharts(charts) { out += try chartBlocks(spec) }
    return out
  }

  // MARK: Sections

  /// A section with its printed number and depth.
  struct NumberedSection {
    var section: Section
    var number: String?
    var level: Int
    var children: [NumberedSection]
    /// Where the section is in the content; nil for a chosen subsection.
    var place: ContentPlace?
    var anchor: String { sectionAnchor(section.id) }
  }

  func numberedSections() -> [NumberedSection] {
    // Numbers help find sections through a contents list; a sheet without one reads better without.
    let numbered = type.style.headings.numbered && document.tableOfContents
    func walk(_ s: Section, _ number: String, _ level: Int, _ place: ContentPlace?)
      -> NumberedSection
    {
      NumberedSection(
        section: s, number: numbered ? number : nil, level: level,
        children: s.subsections.enumerated().map {
          walk($1, "\(number).\($0 + 1)", level + 1, place?.subsection($0))
        }, place: place)
    }
    return sections.enumerated().map { index, section in
      let top = content.sections.firstIndex { $0.id == section.id }
      return walk(section, "\(index + 1)", 1, top.flatMap { positions?.section($0) })
    }
  }

  /// A section's heading, blocks and charts (those of `charts` that name it), then its
  /// subsections'; in the section's language when it names one other than the document's (which
  /// its subsections inherit), punctuated as that language is.
  private func blocks(
    for entry: NumberedSection, charts: [ChartSpec], language: String? = nil
  ) throws -> [any Block] {
    let language = entry.section.lang ?? language
    let type = language.map { self.type.punctuating($0) } ?? self.type
    let setter = BlockSetter(content: content, type: type)
    var heading = type.heading(
      entry.section.title, number: entry.number, level: entry.level, anchor: entry.anchor,
      shortTitle: entry.section.shortTitle)
    heading.source = BlockSetter.span(entry.place)
    var out: [any Block] = [heading]
    out += try setter.blocks(for: entry.section.blocks) { entry.place?.block($0) }
    for spec in charts where spec.section == entry.section.id { out += try chartBlocks(spec) }
    if let language, language.lowercased() != metadata.lang.lowercased() {
      out = out.map { LanguageBlock.wrapping($0, in: language) }
    }
    for child in entry.children {
      out += try blocks(for: child, charts: charts, language: language)
    }
    return out
  }

  /// The chart `spec`'s block, laid out once a document.
  private func chartBlocks(_ spec: ChartSpec) throws -> [any Block] {
    try kept.blocks(.chart(spec.id)) { [try chart(spec)] }
  }

  /// A chart at the text width, narrowed (and so shortened) when it would take more than
  /// `maxFigureHeight`, so that a figure never leaves most of a page empty before it.
  private func chart(_ spec: ChartSpec) throws -> any Block {
    let theme = ChartTheme(style: type.style, colors: type.colors, words: type.words)
    var frame = try ChartBuilder.frame(
      for: spec, content: content, theme: theme, width: type.width,
      measurer: type.measurer, memo: type.charts)
    if frame.size.height > maxFigureHeight {
      let narrower = max(Self.narrowestChart, type.width * maxFigureHeight / frame.size.height)
      frame = try ChartBuilder.frame(
        for: spec, content: content, theme: theme, width: narrower,
        measurer: type.measurer, memo: type.charts)
    }
    return FigureBlock(
      frame: frame.sourced(BlockSetter.span(positions?.chart(spec.id))),
      breaks: BreakPolicy(spaceBefore: 14, spaceAfter: 14), centered: true, floats: true)
  }

  /// Charts are not narrowed below this width, whatever their height.
  static let narrowestChart = 260.0

  // MARK: Title block and contents

  /// The table the comparison-table document shows: the first role table not set as a paired
  /// list (the summary table), else the first role table.
  func summaryTable() -> RoleTable? {
    let tables = content.roleTables
    return tables.first { !$0.paired } ?? tables.first
  }

  /// The document title as an unnumbered top-level heading (for one-page sheets).
  func titleHeading() -> [any Block] {
    [type.heading(document.title ?? metadata.title, number: nil, level: 1, anchor: "title")]
  }

  private func titleBlock() -> any Block {
    let f = type.style.fonts
    var frame = Frame(size: Size(width: type.width, height: 0))
    var y = 0.0
    func put(_ lines: [ShapedLine], color: Color, tag: StructureTag, gap: Double) {
      var part = Frame(size: Size(width: type.width, height: lines.reduce(0) { $0 + $1.height }))
      var h = 0.0
      for l in lines {
        part.push(.text(l, color), at: Point(x: 0, y: h))
        h += l.height
      }
      frame.push(.tagged(tag, part), at: Point(x: 0, y: y))
      y += h + gap
    }
    let title = document.title ?? metadata.title
    put(
      type.lines(
        [
          TextRun(
            title, font: FontSpec(family: f.heading, size: f.titleSize, bold: true),
            color: type.accent)
        ], width: type.width, alignment: .left, hyphenate: false,
        leading: 1.15), color: type.accent, tag: .heading1, gap: 6)
    if let subtitle = metadata.subtitle {
      put(
        type.lines(
          [
            TextRun(
              subtitle, font: FontSpec(family: f.heading, size: f.subtitleSize),
              color: type.muted)
          ], width: type.width, alignment: .left, hyphenate: false,
          leading: 1.25), color: type.muted, tag: .paragraph, gap: 8)
    }
    frame.push(
      .shape(
        .line(
          from: Point(x: 0, y: y), to: Point(x: type.width, y: y),
          stroke: Stroke(color: type.accent, width: 1.2))), at: .zero)
    y += 6
    let meta =
      "\(metadata.author) · \(content.info.date ?? Self.formatted(date, words: type.words))"
    put(
      [type.line(meta, font: type.small, color: type.muted)], color: type.muted, tag: .paragraph,
      gap: 0)
    frame.size.height = y
    return FigureBlock(frame: frame, breaks: BreakPolicy(spaceAfter: 18))
  }

  /// The title block's date, as "26 November 2026" (German: "26 November" with a dot after the day).
  ///
  /// In UTC, so the same epoch prints the same date everywhere.
  static func formatted(_ date: Date, words: Words = .english) -> String {
    let c = UTCDateTime(date)
    return words.date(day: c.day, month: c.month, year: c.year)
  }

  /// The "Contents" heading and one `TOC` element of linked entries.
  private func tableOfContents(_ sections: [NumberedSection], pages: PageMap) -> [any Block] {
    func entries(_ list: [NumberedSection]) -> [NumberedSection] {
      list.flatMap { [$0] + entries($0.children) }
    }
    let lines = entries(sections).map {
      TOCLine(type: type).block(entry: $0, page: pages.page(of: $0.anchor))
    }
    return [
      type.heading(
        type.words[.contents], number: nil, level: 1, anchor: "contents", outline: false),
      StructureBlock(tag: .toc, children: lines, breaks: BreakPolicy(spaceAfter: 16)),
    ]
  }
}
