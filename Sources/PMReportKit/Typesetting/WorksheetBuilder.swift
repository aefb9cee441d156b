import Frames
import Geometry
import Pagination
import ReportModel
import TextShaping

/// A worksheet or its answer key: the exercises the worksheet's spec asks for (the same items in
/// the same order for both, see ``Comparison/exercises(_:seed:prompts:)``), each under a numbered
/// heading and a one-line instruction.
///
/// Tick-box items are a row each: the statement (a tagged paragraph) on the left, a box per role
/// under the roles' short names on the right. Written items are a question or prompt followed by
/// ruled lines. Boxes, ticks and lines are vector shapes drawn outside the structure tree, like the
/// running header's rule, so a screen reader meets the statements and not the furniture. The key
/// fills each right box with a tick and names the role after the statement, sets the FAQ answer
/// under each recall question, and says that reflection answers vary.
struct WorksheetBuilder {
  let content: Comparison
  /// The worksheet (for an answer key, the one its `key-for` names).
  let worksheet: DocumentSpec
  /// The title printed at the top.
  let title: String
  /// Whether to fill in the answers.
  let isKey: Bool
  let type: TypeSet

  /// The exercises, as the worksheet's seed shuffles them.
  var exercises: [Exercise] { Self.exercises(of: worksheet, in: content, words: type.words) }

  /// `worksheet`'s exercises drawn from `content`: the items its key and a deck's quiz slides
  /// show too, in the same order.
  static func exercises(of worksheet: DocumentSpec, in content: Comparison, words: Words)
    -> [Exercise]
  {
    content.exercises(
      worksheet.exercises ?? ExerciseSpec.defaults, seed: worksheet.seed,
      prompts: worksheet.prompts ?? Words.Key.reflectPrompts.map { words[$0] })
  }

  func blocks(pages: PageMap) throws -> [any Block] {
    var out: [any Block] = [type.heading(title, number: nil, level: 1, anchor: "worksheet")]
    if !isKey { out.append(nameLine) }
    for (index, exercise) in exercises.enumerated() where !exercise.items.isEmpty {
      let keys = Words.Key.exercise(exercise.kind)
      out.append(
        type.heading(
          type.words[keys.title], number: "\(index + 1)", level: 2,
          anchor: "exercise-\(index + 1)"))
      var task = type.paragraph(type.runs(RichText(type.words[keys.task]), font: italicBody))
      task.breaks.keepWithNext = true
      out.append(task)
      if exercise.isTickBoxes {
        // The column heads and the rows move to the next page together when they fit one,
        // so no row is printed without the roles over its boxes.
        let rows = exercise.items.enumerated().map { tickRow($1, number: $0 + 1) }
        out.append(KeepTogetherBlock(children: [roleHeads] + rows))
      } else {
        out += exercise.items.enumerated().flatMap { written($1, number: $0 + 1) }
      }
    }
    return out
  }

  // MARK: Measures

  private var italicBody: FontSpec {
    var font = type.body
    font.italic = true
    return font
  }

  /// A tick box's side.
  private var box: Double { type.style.fonts.bodySize * 1.05 }

  /// The width of each role's column: its short name, at least three boxes wide.
  private var column: Double {
    let widest = content.roles.map { type.line($0.shortName, font: type.small.bolded).width }.max()
    return max(box * 3, (widest ?? 0) + type.style.fonts.smallSize * 1.2)
  }

  /// Where the statements end and the columns begin.
  private var textWidth: Double {
    type.width - column * Double(content.roles.count) - type.style.fonts.bodySize
  }

  // MARK: Pieces

  /// "Name" and a line to write it on.
  private var nameLine: FigureBlock {
    let label = type.line(type.words[.participantName], font: type.body.bolded)
    var frame = Frame(size: Size(width: type.width, height: label.height + 4))
    frame.push(frame: tagged(label), at: .zero)
    let y = label.baseline + 2
    let start = label.width + type.style.fonts.bodySize * 0.5
    frame.push(
      .shape(
        .line(
          from: Point(x: start, y: y), to: Point(x: type.width * 0.6, y: y),
          stroke: Stroke(color: type.text, width: 0.6))), at: .zero)
    return FigureBlock(
      frame: frame, breaks: BreakPolicy(spaceBefore: 6, spaceAfter: type.style.fonts.bodySize))
  }

  /// The roles' short names over the tick-box columns.
  private var roleHeads: FigureBlock {
    let heads = content.roles.map { type.line($0.shortName, font: type.small.bolded) }
    let height = heads.map(\.height).max() ?? 0
    var inner = Frame(size: Size(width: type.width, height: height))
    for (index, head) in heads.enumerated() {
      let centre = columnCentre(index)
      inner.push(.text(head, type.text), at: Point(x: centre - head.width / 2, y: 0))
    }
    var frame = Frame(size: inner.size)
    frame.push(.tagged(.paragraph, inner), at: .zero)
    return FigureBlock(frame: frame, breaks: BreakPolicy(keepWithNext: true, spaceAfter: 4))
  }

  private func columnCentre(_ index: Int) -> Double {
    type.width - column * Double(content.roles.count - index) + column / 2
  }

  /// A statement with a box per role; the key ticks the right box and names the role.
  private func tickRow(_ item: ExerciseItem, number: Int) -> FigureBlock {
    var runs = numbered(number, item.prompt)
    if isKey, let role = item.role {
      runs.append(
        TextRun(
          answer(content.role(role)?.shortName ?? role.rawValue), font: type.body.bolded,
          color: type.accent))
    }
    // A key's statement ends in the role's name, which must not break: set unhyphenated (only
    // a word wider than the column gets hyphens).
    let text = paragraphFrame(runs, width: textWidth, hyphenate: isKey ? false : nil)
    let firstBaseline = text.lines.first?.baseline ?? box
    let height = max(text.frame.size.height, box) + 5
    var frame = Frame(size: Size(width: type.width, height: height))
    frame.push(frame: text.frame, at: .zero)
    let top = firstBaseline - box * 0.85
    for (index, role) in content.roles.enumerated() {
      let rect = Rect(x: columnCentre(index) - box / 2, y: top, width: box, height: box)
      frame.push(.shape(.rect(rect, stroke: Stroke(color: type.text, width: 0.7))), at: .zero)
      if isKey, role.id == item.role { frame.push(.shape(tick(in: rect)), at: .zero) }
    }
    frame.push(
      .shape(
        .line(
          from: Point(x: 0, y: height - 0.5), to: Point(x: type.width, y: height - 0.5),
          stroke: Stroke(color: type.rule, width: 0.3))), at: .zero)
    return FigureBlock(frame: frame, breaks: BreakPolicy(spaceBefore: 3))
  }

  /// The separator and the role's short name held together (" —\u{00A0}Ing.\u{00A0}ML").
  ///
  /// The separator's space after its dash and the name's own spaces are no-break, so no line
  /// starts with the name's end.
  private func answer(_ shortName: String) -> String {
    var separator = type.words[.answerSeparator]
    if separator.hasSuffix(" ") { separator = String(separator.dropLast()) + "\u{00A0}" }
    return separator + String(shortName.map { $0 == " " ? "\u{00A0}" : $0 })
  }

  /// A check mark over a box.
  private func tick(in rect: Rect) -> Shape {
    let w = rect.width
    return Shape(
      path: [
        .move(Point(x: rect.minX + w * 0.18, y: rect.minY + w * 0.55)),
        .line(Point(x: rect.minX + w * 0.42, y: rect.minY + w * 0.82)),
        .line(Point(x: rect.minX + w * 1.05, y: rect.minY - w * 0.15)),
      ], stroke: Stroke(color: type.accent, width: 1.8))
  }

  /// A question or prompt, then ruled lines (worksheet) or the answer (key).
  private func written(_ item: ExerciseItem, number: Int) -> [any Block] {
    let runs = numbered(number, item.prompt, font: type.body.bolded)
    let question = ParagraphBlock(
      lines: type.lines(runs, width: type.width, alignment: .left, base: type.body),
      color: type.text, tag: .paragraph,
      breaks: BreakPolicy(
        keepWithNext: true, spaceBefore: type.style.paragraph.spacing,
        spaceAfter: type.style.paragraph.spacing * 0.5))
    let indent = numberIndent
    guard isKey else { return [question, ruledLines(item.lines, indent: indent)] }
    let answer =
      item.answer.map { type.runs($0, font: type.body, color: type.accent) }
      ?? [TextRun(type.words[.answersVary], font: italicBody, color: type.muted)]
    return [question, type.paragraph(answer, indent: indent)]
  }

  /// `count` lines to write on, a comfortable handwriting height apart.
  private func ruledLines(_ count: Int, indent: Double) -> FigureBlock {
    let step = type.style.fonts.bodySize * 2.3
    var frame = Frame(size: Size(width: type.width, height: step * Double(count) + 2))
    for index in 1...max(1, count) {
      let y = step * Double(index)
      frame.push(
        .shape(
          .line(
            from: Point(x: indent, y: y), to: Point(x: type.width, y: y),
            stroke: Stroke(color: type.rule, width: 0.6))), at: .zero)
    }
    return FigureBlock(frame: frame, breaks: BreakPolicy(spaceAfter: type.style.paragraph.spacing))
  }

  // MARK: Text

  /// The width of an item number ("8." and a space), which written answers indent by.
  private var numberIndent: Double { type.line("00.\u{2002}", font: type.body.bolded).width }

  /// "3." in bold, then the item's text.
  private func numbered(_ number: Int, _ text: RichText, font: FontSpec? = nil) -> [TextRun] {
    [TextRun("\(number).\u{2002}", font: type.body.bolded, color: type.text)]
      + type.runs(text, font: font ?? type.body)
  }

  /// Runs set flush left at `width` as a tagged paragraph (hyphenated as the style says unless
  /// `hyphenate` says otherwise), with the lines it was set in.
  private func paragraphFrame(_ runs: [TextRun], width: Double, hyphenate: Bool? = nil) -> (
    frame: Frame, lines: [ShapedLine]
  ) {
    let lines = type.lines(
      runs, width: width, alignment: .left, hyphenate: hyphenate, base: type.body)
    let block = ParagraphBlock(lines: lines, color: type.text, tag: .paragraph)
    let regions = Regions(width: width, available: .infinity, full: .infinity, atPageTop: true)
    guard case .complete(let frame) = block.layout(in: regions) else {
      return (Frame(size: .zero), lines)
    }
    return (frame, lines)
  }

  /// One line as a tagged paragraph.
  private func tagged(_ line: ShapedLine) -> Frame {
    var inner = Frame(size: Size(width: line.width, height: line.height))
    inner.push(.text(line, type.text), at: .zero)
    var frame = Frame(size: inner.size)
    frame.push(.tagged(.paragraph, inner), at: .zero)
    return frame
  }
}
