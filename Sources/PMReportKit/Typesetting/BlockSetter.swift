import Frames
import Geometry
import Pagination
import ReportConfig
import ReportModel
import TextShaping

/// Sets the content's blocks (paragraphs, lists, tables, questions, code, quotes, rules, images)
/// as pagination blocks, at an indent (for blocks inside list items and quotes).
///
/// Given the blocks' place in the content file, each paragraph, list item, question, answer,
/// table and figure carries where it was written (one span a block).
struct BlockSetter {
  let content: Comparison
  let type: TypeSet

  /// How far a nested list or a list item's later blocks are indented.
  var step: Double { type.style.fonts.bodySize * 1.5 }

  /// Where the value at `place` was written, as a frame item's span; nil when unknown.
  static func span(_ place: ContentPlace?) -> SourceSpan? {
    guard let place, let line = place.line else { return nil }
    return SourceSpan(file: place.file, line: line)
  }

  /// The blocks set in order; `place` gives each one's place in the content by its index (nil
  /// for content no file holds).
  func blocks(
    for blocks: [ContentBlock], indent: Double = 0, at place: (Int) -> ContentPlace? = { _ in nil }
  ) throws -> [any Block] {
    try blocks.enumerated().flatMap { index, block in
      try self.blocks(for: block, indent: indent, at: place(index))
    }
  }

  func blocks(for block: ContentBlock, indent: Double = 0, at place: ContentPlace? = nil)
    throws -> [any Block]
  {
    let source = Self.span(place)
    switch block {
    case .paragraph(let text):
      var paragraph = type.paragraph(text, indent: indent)
      paragraph.source = source
      return [paragraph]
    case .labelledList(let items):
      var list = type.list(items.map { ($0.label, $0.text) }, indent: indent)
      if let place {
        list.children = list.children.enumerated().map { index, child in
          guard var item = child as? ParagraphBlock else { return child }
          item.source = Self.span(place.labelledItem(index))
          return item
        }
      }
      return [list]
    case .list(let list):
      return [try self.list(list, indent: indent, at: place)]
    case .roleTable(let table):
      var block = TableSetter(type: type).roleTable(table, content: content)
      block.source = source
      return [block]
    case .table(let table):
      var block = try TableSetter(type: type).plainTable(table, width: type.width, at: source)
      block.source = source
      return [block]
    case .faq(let entries):
      return entries.enumerated().flatMap { index, entry in
        faqEntry(entry, at: place, index)
      }
    case .code(let code):
      var block = self.code(code, indent: indent)
      block.source = source
      return [block]
    case .quote(let inner):
      return try quote(inner, indent: indent, at: place)
    case .rule:
      return [rule()]
    case .image(let image):
      guard let item = type.images[image.path] else {
        var paragraph = type.paragraph(RichText(spans: [TextSpan(image.alt, style: .emphasis)]))
        paragraph.source = source
        return [paragraph]
      }
      return [figure(item, alt: image.alt, indent: indent, source: source)]
    }
  }

  // MARK: Images

  /// An image as a figure: its natural size scaled down to the measure and to 60% of the page
  /// body's height, centred, never split; tagged `Figure` with its alt text (an artifact without).
  private func figure(_ image: ImageItem, alt: String, indent: Double, source: SourceSpan?)
    -> FigureBlock
  {
    let room = max(1, type.width - indent)
    let natural = image.size
    let scale = min(1, room / natural.width, type.bodyHeight * 0.6 / natural.height)
    var item = image
    item.size = Size(width: natural.width * scale, height: natural.height * scale)
    item.alt = alt
    var picture = Frame(size: item.size)
    picture.push(.image(item), at: .zero)
    var frame = Frame(size: Size(width: type.width, height: item.size.height))
    // An image with no alternate text is decoration: an artifact, which a listener skips.
    frame.push(
      alt.isEmpty
        ? .tagged(.artifact, picture, source: source)
        : .tagged(.figure, picture, alt: alt, source: source),
      at: Point(x: indent + (room - item.size.width) / 2, y: 0))
    let spacing = type.style.paragraph.spacing
    return FigureBlock(frame: frame, breaks: BreakPolicy(spaceBefore: spacing, spaceAfter: spacing))
  }

  // MARK: Lists

  /// A bulleted or numbered list: one `L`, an `LI` an item (its first paragraph, with the marker),
  /// the item's other blocks indented under it, nested lists as `L`s of their own.
  private func list(_ list: ListBlock, indent: Double, at place: ContentPlace?) throws
    -> StructureBlock
  {
    var children: [any Block] = []
    for (index, item) in list.items.enumerated() {
      let marker = list.ordered ? "\(list.start + index)." : "•"
      let last = index == list.items.count - 1
      let itemPlace = place?.listItem(index)
      var rest = item[...]
      if case .paragraph(let text) = rest.first {
        rest = rest.dropFirst()
        var first = type.listItem(
          label: nil, text: text, marker: marker, indent: indent, last: last && rest.isEmpty)
        first.source = Self.span(itemPlace)
        children.append(first)
      }
      let skipped = item.count - rest.count
      children += try blocks(for: Array(rest), indent: indent + step) {
        itemPlace?.indexed($0 + skipped)
      }
    }
    return StructureBlock(
      tag: .list, children: children, breaks: BreakPolicy(spaceAfter: type.style.paragraph.spacing))
  }

  // MARK: Questions

  /// A question (bold, kept with its answer) and its answer; kept on one page when short.
  ///
  /// Each carries where it was written: the question and answer of entry `index` of the faq
  /// block at `place`.
  private func faqEntry(_ entry: FAQEntry, at place: ContentPlace?, _ index: Int) -> [any Block] {
    var q = type.paragraph(
      [TextRun(entry.question, font: type.body.bolded, color: type.text)],
      spaceAfter: type.style.paragraph.spacing * 0.4)
    q.breaks.keepWithNext = true
    q.breaks.spaceBefore = type.style.paragraph.spacing
    q.source = Self.span(place?.question(index))
    var answer = type.paragraph(entry.answer)
    answer.source = Self.span(place?.answer(index))
    if q.lines.count + answer.lines.count < 8 {
      return [
        KeepTogetherBlock(
          children: [q, answer],
          breaks: BreakPolicy(
            spaceBefore: q.breaks.spaceBefore, spaceAfter: answer.breaks.spaceAfter))
      ]
    }
    return [q, answer]
  }

  // MARK: Code, quotes, rules

  /// The sign at the start of a code line's continuation when a long line wraps.
  static let wrapMarker = "\u{21AA} "

  /// A code block of at most this many lines never splits (unless at a page top and taller than
  /// the page).
  static let codeUnsplitLines = 8
  /// Least lines of a longer code block on each side of a page break.
  static let codeLinesKept = 3

  /// Code: monospace, left aligned, never hyphenated; a line longer than the measure wraps, its
  /// continuations opening with ``wrapMarker``.
  private func code(_ code: CodeBlock, indent: Double) -> ParagraphBlock {
    let inset = indent + type.style.fonts.bodySize
    let width = type.width - inset
    var lines: [ShapedLine] = []
    for source in code.text.split(separator: "\n", omittingEmptySubsequences: false) {
      var rest = Substring(source.replacingOccurrences(of: "\t", with: "    "))
      var prefix = ""
      repeat {
        let shaped = type.lines(
          [TextRun(prefix + rest, font: type.mono, color: type.text)], width: width,
          alignment: .left, hyphenate: false, leading: 1.3)
        guard let first = shaped.first else { break }
        lines.append(first)
        guard shaped.count > 1 else { break }
        // What the first line took of `rest` (its text without the marker).
        let taken = max(1, first.text.count - prefix.count)
        rest = rest.dropFirst(taken)
        prefix = Self.wrapMarker
      } while !rest.isEmpty
    }
    var block = ParagraphBlock(
      lines: lines, indent: inset, color: type.text, tag: .paragraph,
      breaks: BreakPolicy(
        spaceBefore: type.style.paragraph.spacing * 0.5, spaceAfter: type.style.paragraph.spacing),
      orphans: max(Self.codeLinesKept, type.style.paragraph.orphans),
      widows: max(Self.codeLinesKept, type.style.paragraph.widows))
    block.unsplitLines = Self.codeUnsplitLines
    block.sideRule = (type.rule, type.style.fonts.bodySize * 0.5)
    return block
  }

  /// A block quote as a callout: its blocks indented, a rule in the accent colour down the left.
  private func quote(_ inner: [ContentBlock], indent: Double, at place: ContentPlace?)
    throws -> [any Block]
  {
    let inset = indent + step
    return try blocks(for: inner, indent: inset) { place?.quoted($0) }.map { block in
      guard var paragraph = block as? ParagraphBlock else { return block }
      paragraph.sideRule = (type.accent, step * 0.6)
      return paragraph
    }
  }

  /// A thematic break: a short centred rule.
  private func rule() -> any Block {
    let width = type.width
    var frame = Frame(size: Size(width: width, height: 1))
    frame.push(
      .shape(
        .line(
          from: Point(x: width * 0.35, y: 0.5), to: Point(x: width * 0.65, y: 0.5),
          stroke: Stroke(color: type.rule, width: 0.8))), at: .zero)
    return FigureBlock(
      frame: frame,
      breaks: BreakPolicy(
        spaceBefore: type.style.paragraph.spacing, spaceAfter: type.style.paragraph.spacing * 2))
  }
}
