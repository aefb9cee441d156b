import Frames
import Geometry
import Pagination
import ReportModel
import TextShaping

/// Role cards as cut-out cards: four to a sheet (two by two inside a 10 mm printer margin: about
/// 95 × 138 mm on A4), each role's card `copies` times, with cut marks in the margin.
///
/// A card holds the role's name, its focus (its statement in the first aspect row), and its
/// strengths and risks. When that does not fit, the type shrinks in half-point steps down to the
/// style's `minimum-size`; below that, items are left out from the end of the longer list, and
/// the card says how many. Nothing ever runs over a card's edge.
struct CardSheetBuilder {
  let content: Comparison
  /// The document's type (its style is scaled for each card).
  let type: TypeSet
  /// The sheet: its size (the body is ignored; the printer margin is fixed).
  let sheet: Size
  let copies: Int

  /// The printer margin around the four cards.
  static let margin = 10 * 72 / 25.4
  /// The space inside a card's edge.
  static let padding = 6 * 72 / 25.4

  var cardSize: Size {
    Size(width: (sheet.width - 2 * Self.margin) / 2, height: (sheet.height - 2 * Self.margin) / 2)
  }

  /// The sheets, and a note for each card that left items out.
  func layout() -> LaidOutDocument {
    var notes: [String] = []
    let cards = content.roles.map { role -> Frame in
      let (frame, leftOut) = card(for: role)
      if leftOut > 0 {
        notes.append(
          "the card for \(role.name) leaves out \(leftOut) item\(leftOut == 1 ? "" : "s") "
            + "that do not fit at the style's minimum size")
      }
      return frame
    }.flatMap { Array(repeating: $0, count: max(1, copies)) }
    let pages = stride(from: 0, to: cards.count, by: 4).map { start in
      sheet(Array(cards[start..<min(start + 4, cards.count)]))
    }
    return LaidOutDocument(pages: pages, warnings: notes)
  }

  // MARK: One card

  /// What goes on a role's card, before fitting.
  struct CardText {
    var name: String
    var focus: (label: String, text: RichText)?
    var strengths: [String]
    var risks: [String]
    /// Items dropped to make the card fit.
    var leftOut = 0

    /// The text with `count` items taken out, one at a time from the longer list (risks when
    /// longer, else strengths), last first.
    func withoutItems(_ count: Int) -> CardText {
      var text = self
      for _ in 0..<count {
        if text.risks.count > text.strengths.count {
          text.risks.removeLast()
        } else {
          text.strengths.removeLast()
        }
        text.leftOut += 1
      }
      return text
    }
  }

  /// The card's contents at the largest size that fits; returns how many items were left out.
  func card(for role: Role) -> (Frame, leftOut: Int) {
    let source = RoleCardsBuilder(content: content, type: type)
    let focusRow = source.aspects.first { $0.text(for: role.id) != nil }
    let text = CardText(
      name: role.name,
      focus: focusRow.flatMap { row in row.text(for: role.id).map { (row.label, $0) } },
      strengths: source.labels(.strengths, role: role.id),
      risks: source.labels(.risks, role: role.id))
    let inner = Size(
      width: cardSize.width - 2 * Self.padding, height: cardSize.height - 2 * Self.padding - 4)
    let fonts = type.style.fonts
    var size = fonts.bodySize
    func stack(_ text: CardText) -> Frame {
      KeepTogetherBlock(children: blocks(text, bodySize: size, width: inner.width))
        .stacked(width: inner.width)
    }
    func fits(_ frame: Frame) -> Bool { frame.size.height <= inner.height }
    while true {
      let whole = stack(text)
      if fits(whole) { return (framed(whole), text.leftOut) }
      guard size > fonts.minimumSize else { break }
      size = max(fonts.minimumSize, size - 0.5)
    }
    // At the least size: the fewest items taken out (from the longer list) for the card to fit,
    // found by halving, since taking an item out never makes the card taller (one at a time,
    // a card of 1,900 items took 33 s).
    let items = text.strengths.count + text.risks.count
    let emptied = text.withoutItems(items)
    if items > 0, fits(stack(emptied)) {
      var low = 1
      var high = items
      while low < high {
        let middle = (low + high) / 2
        if fits(stack(text.withoutItems(middle))) { high = middle } else { low = middle + 1 }
      }
      let fitting = text.withoutItems(low)
      return (framed(stack(fitting)), fitting.leftOut)
    }
    var bare = emptied
    if bare.focus != nil {
      bare.focus = nil
      bare.leftOut += 1
    }
    // The name alone, if even that does not fit: nothing more to take out.
    return (framed(stack(bare)), bare.leftOut)
  }

  /// The card's blocks with the style's sizes scaled so that body text is `bodySize`.
  func blocks(_ text: CardText, bodySize: Double, width: Double) -> [any Block] {
    var style = type.style
    let scale = bodySize / style.fonts.bodySize
    for path in [\FontStyle.bodySize, \.h1Size, \.h2Size, \.h3Size, \.smallSize, \.tableSize] {
      style.fonts[keyPath: path] *= scale
    }
    style.paragraph.spacing *= scale
    style.headings.pageBreakBefore = false
    style.paragraph.justify = false  // a card's measure is too narrow to justify
    let set = TypeSet(
      style: style, colors: type.colors, measurer: type.measurer, width: width, words: type.words)
    var out: [any Block] = [
      set.heading(text.name, number: nil, level: 1, anchor: "", outline: false)
    ]
    out[0] = anchorless(out[0])
    if let focus = text.focus { out.append(set.paragraph(set.labelled(focus.label, focus.text))) }
    for (key, labels) in [(Words.Key.strengths, text.strengths), (.risks, text.risks)]
    where !labels.isEmpty {
      out.append(anchorless(set.heading(set.words[key], number: nil, level: 2, anchor: "")))
      out.append(set.list(labels.map { (nil, RichText($0)) }))
    }
    if text.leftOut > 0 {
      var italic = set.small
      italic.italic = true
      out.append(
        set.paragraph(
          [
            TextRun(
              set.words.fill(.moreItems, ["count": String(text.leftOut)]), font: italic,
              color: set.muted)
          ]))
    }
    return out
  }

  /// A heading without its anchor (a card is no place to link to, and copies repeat it).
  private func anchorless(_ block: any Block) -> any Block {
    guard var paragraph = block as? ParagraphBlock else { return block }
    paragraph.anchors = []
    return paragraph
  }

  /// The contents on a card: a hairline edge and an accent band at the top.
  private func framed(_ contents: Frame) -> Frame {
    var card = Frame(size: cardSize)
    card.push(
      .shape(.rect(Rect(x: 0, y: 0, width: cardSize.width, height: 4), fill: type.accent)),
      at: .zero)
    card.push(
      .shape(
        .rect(
          Rect(origin: .zero, size: cardSize), stroke: Stroke(color: type.rule, width: 0.4))),
      at: .zero)
    card.push(frame: contents, at: Point(x: Self.padding, y: Self.padding + 4))
    return card
  }

  // MARK: Sheets

  /// Up to four cards on a sheet, left to right and top to bottom, with cut marks in the margin
  /// at every card edge.
  private func sheet(_ cards: [Frame]) -> Page {
    var frame = Frame(size: sheet)
    let m = Self.margin
    for (index, card) in cards.enumerated() {
      let origin = Point(
        x: m + Double(index % 2) * cardSize.width, y: m + Double(index / 2) * cardSize.height)
      frame.push(frame: card, at: origin)
    }
    let mark = Stroke(color: Color(red: 0, green: 0, blue: 0), width: 0.3)
    let gap = 2 * 72 / 25.4
    for column in 0...2 {
      let x = m + Double(column) * cardSize.width
      frame.push(
        .shape(.line(from: Point(x: x, y: gap), to: Point(x: x, y: m - gap), stroke: mark)),
        at: .zero)
      frame.push(
        .shape(
          .line(
            from: Point(x: x, y: sheet.height - m + gap), to: Point(x: x, y: sheet.height - gap),
            stroke: mark)), at: .zero)
    }
    for row in 0...2 {
      let y = m + Double(row) * cardSize.height
      frame.push(
        .shape(.line(from: Point(x: gap, y: y), to: Point(x: m - gap, y: y), stroke: mark)),
        at: .zero)
      frame.push(
        .shape(
          .line(
            from: Point(x: sheet.width - m + gap, y: y), to: Point(x: sheet.width - gap, y: y),
            stroke: mark)), at: .zero)
    }
    return Page(size: sheet, frame: frame)
  }
}
