import Frames
import Geometry
import Pagination
import ReportModel
import TextShaping

/// Sets the content's blocks (paragraphs, lists, tables, questions, code, quotes, rules, images)
/// as pagination blocks, at an indent (for blocks inside list items and quotes).
struct BlockSetter {
  let content: Comparison
  let type: TypeSet

  /// How far a nested list or a list item's later blocks are indented.
  var step: Double { type.style.fonts.bodySize * 1.5 }

  func blocks(for blocks: [ContentBlock], indent: Double = 0) throws -> [any Block] {
    try blocks.flatMap { try self.blocks(for: $0, indent: indent) }
  }

  func blocks(for block: ContentBlock, indent: Double = 0) throws -> [any Block] {
    switch block {
    case .paragraph(let text):
      return [type.paragraph(text, indent: indent)]
    case .labelledList(let items):
      return [type.list(items.map { ($0.label, $0.text) }, indent: indent)]
    case .list(let list):
      return [try self.list(list, indent: indent)]
    case .roleTable(let table):
      return [TableSetter(type: type).roleTable(table, content: content)]
    case .table(let table):
      return [try TableSetter(type: type).plainTable(table, width: type.width)]
    case .faq(let entries):
      return entries.flatMap(faqEntry)
    case .code(let code):
      return [self.code(code, indent: indent)]
    case .quote(let inner):
      return try quote(inner, indent: indent)
    case .rule:
      return [rule()]
    case .image(let image):
      guard let item = type.images[image.path] else {
        return [type.paragraph(RichText(spans: [TextSpan(image.alt, style: .emphasis)]))]
      }
      return [figure(item, alt: image.alt, indent: indent)]
    }
  }

  // MARK: Images

  /// An image as a figure: its natural size scaled down to the measure and to 60% of the page
  /// body's height, centred, never split; tagged `Figure` with its alt text (an artifact without).
  private func figure(_ source: ImageItem, alt: String, indent: Double) -> FigureBlock {
    let room = max(1, type.width - indent)
    let natural = source.size
    let scale = min(1, room / natural.width, type.bodyHeight * 0.6 / natural.height)
    var item = source
    item.size = Size(width: natural.width * scale, height: natural.height * scale)
    item.alt = alt
    var picture = Frame(size: item.size)
    picture.push(.image(item), at: .zero)
    var frame = Frame(size: Size(width: type.width, height: item.size.height))
    // An image with no alternate text is decoration: an artifact, which a listener skips.
    frame.push(
      alt.isEmpty ? .tagged(.artifact, picture) : .tagged(.figure, picture, alt: alt),
      at: Point(x: indent + (room - item.size.width) / 2, y: 0))
    let spacing = type.style.paragraph.spacing
    return FigureBlock(frame: frame, breaks: BreakPolicy(spaceBefore: spacing, spaceAfter: spacing))
  }

  // MARK: Lists

  /// A bulleted or numbered list: one `L`, an `LI` an item (its first paragraph, with the marker),
  /// the item's other blocks indented under it, nested lists as `L`s of their own.
  private func list(_ list: ListBlock, indent: Double) throws -> StructureBlock {
    var children: [any Block] = []
    for (index, item) in list.items.enumerated() {
      let marker = list.ordered ? "\(list.start + index)." : "•"
      let last = index == list.items.count - 1
      var rest = item[...]
      if case .paragraph(let text) = rest.first {
        rest = rest.dropFirst()
        children.append(
          type.listItem(
            label: nil, text: text, marker: marker, indent: indent, last: last && rest.isEmpty))
      }
      children += try blocks(for: Array(rest), indent: indent + step)
    }
    return StructureBlock(
      tag: .list, children: children, breaks: BreakPolicy(spaceAfter: type.style.paragraph.spacing))
  }

  // MARK: Questions

  /// A question (bold, kept with its answer) and its answer; kept on one page when short.
  private func faqEntry(_ entry: FAQEntry) -> [any Block] {
    var q = type.paragraph(
      [TextRun(entry.question, font: type.body.bolded, color: type.text)],
      spaceAfter: type.style.paragraph.spacing * 0.4)
    q.breaks.keepWithNext = true
    q.breaks.spaceBefore = type.style.paragraph.spacing
    let answer = type.paragraph(entry.answer)
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
  private func quote(_ inner: [ContentBlock], indent: Double) throws -> [any Block] {
    let inset = indent + step
    return try blocks(for: inner, indent: inset).map { block in
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
