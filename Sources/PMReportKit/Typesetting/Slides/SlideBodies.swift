import Charts
import Frames
import Geometry
import ReportModel
import TextShaping

/// A slide's body laid out in parts, each at most `height` high: the first part on the slide, the
/// others on its continuation slides.
struct SlideBodies {
  let type: SlideType
  let content: Comparison
  /// The chart theme at slide scale (labels at the slide style's chart-label size).
  let theme: ChartTheme
  /// The series colours of the roles, for their bands.
  let roleColors: [Color]
  /// Reports a warning about the deck.
  let warn: (String) -> Void

  private var gap: Double { type.style.bodySize * 0.5 }

  /// `body`'s parts for a body area `height` high (never empty).
  func parts(of body: SlideBody, height: Double) throws -> [Frame] {
    switch body {
    case .title, .section: return [Frame(size: Size(width: type.width, height: 0))]
    case .items(let items): return list(items, height: height)
    case .columns(let cells): return columns(cells, height: height)
    case .chart(let spec): return [try chart(spec, height: height)]
    case .quiz(let prompt, let answer): return quiz(prompt, answer: answer, height: height)
    case .question(let question): return paragraphs(question, height: height)
    }
  }

  // MARK: Lists

  /// Items with a bullet hanging in the margin, a part a slide's worth.
  ///
  /// An item taller than a slide is cut between its lines. Each part is an `L` of `LI`s.
  private func list(_ items: [SlideItem], height: Double) -> [Frame] {
    let bullet = type.lines(
      [TextRun("•", font: type.body, color: type.colors.heading)],
      width: type.width, base: type.body
    ).first
    let indent = type.style.bodySize * 1.2
    var pending: [(lines: [ShapedLine], first: Bool)] = items.map { item in
      let label =
        item.label.map {
          [
            TextRun(
              $0 + type.words[.labelSeparator], font: type.body.bolded, color: type.colors.text)
          ]
        } ?? []
      let runs = label + type.runs(item.text, font: type.body)
      return (type.lines(runs, width: type.width - indent, base: type.body), true)
    }
    var parts: [Frame] = []
    while !pending.isEmpty {
      var part = Frame(size: Size(width: type.width, height: 0))
      var y = 0.0
      while let item = pending.first {
        let room = height - y
        // An item moves whole to the next slide; only one taller than a slide is cut.
        if y > 0, item.lines.height > room { break }
        let (head, rest) = item.lines.cut(toFit: room)
        // An `LI` holds elements only: the bullet as `Lbl`, the text as `LBody`.
        var frame = type.stack(head, color: type.colors.text, tag: .listBody, indent: indent)
        if item.first, let bullet {
          var label = Frame(size: Size(width: bullet.width, height: bullet.height))
          label.push(.text(bullet, type.colors.heading), at: .zero)
          frame.push(.tagged(.listLabel, label), at: .zero)
        }
        var tagged = Frame(size: frame.size)
        tagged.push(.tagged(.listItem, frame), at: .zero)
        part.push(frame: tagged, at: Point(x: 0, y: y))
        y += frame.size.height + gap
        pending.removeFirst()
        if !rest.isEmpty {
          pending.insert((rest, false), at: 0)
          break
        }
      }
      part.size.height = max(0, y - gap)
      var list = Frame(size: part.size)
      list.push(.tagged(.list, part), at: .zero)
      parts.append(list)
    }
    return parts.isEmpty ? [Frame(size: .zero)] : parts
  }

  // MARK: Roles side by side

  /// The band over a role's column and its name under it, as one frame `width` wide.
  private func roleHead(_ role: Int, width: Double) -> Frame {
    let band = type.style.bodySize * 0.4
    let name = type.lines(
      [TextRun(content.roles[role].name, font: type.body.bolded, color: type.colors.text)],
      width: width, base: type.body)
    var frame = Frame(size: Size(width: width, height: band + gap * 0.5 + name.height))
    frame.push(
      .shape(.rect(Rect(x: 0, y: 0, width: width, height: band), fill: roleColors[role])),
      at: .zero)
    var text = type.stack(name, color: type.colors.text, tag: .heading2)
    text.size.width = width
    frame.push(frame: text, at: Point(x: 0, y: band + gap * 0.5))
    return frame
  }

  /// A role-table row: the roles side by side, each under its colour band and name; text that does
  /// not fit moves to the next part, column by column.
  private func columns(_ cells: [(role: Int, text: RichText)], height: Double) -> [Frame] {
    let count = Double(max(1, cells.count))
    let spacing = type.style.bodySize
    let width = (type.width - spacing * (count - 1)) / count
    let heads = cells.map { roleHead($0.role, width: width) }
    let headHeight = heads.map(\.size.height).max() ?? 0
    var pending = cells.map {
      type.lines(type.runs($0.text, font: type.body), width: width, base: type.body)
    }
    var parts: [Frame] = []
    repeat {
      var part = Frame(size: Size(width: type.width, height: 0))
      var bottom = 0.0
      for index in pending.indices {
        let x = Double(index) * (width + spacing)
        part.push(frame: heads[index], at: Point(x: x, y: 0))
        let (head, rest) = pending[index].cut(toFit: height - headHeight - gap)
        pending[index] = rest
        let text = type.stack(head, color: type.colors.text, tag: .paragraph)
        part.push(frame: text, at: Point(x: x, y: headHeight + gap))
        bottom = max(bottom, headHeight + gap + text.size.height)
      }
      part.size.height = bottom
      parts.append(part)
    } while pending.contains { !$0.isEmpty }
    return parts
  }

  // MARK: Charts

  /// The chart at slide scale, its labels at the chart-label size.
  ///
  /// Laid out as wide as the slide, narrower when that is too tall, centred. A chart no width makes short enough is drawn smaller
  /// (its labels under the chart-label size), with a warning. Its frame is a `Figure` with the
  /// chart's alternate text.
  private func chart(_ spec: ChartSpec, height: Double) throws -> Frame {
    var plain = spec
    plain.title = ""
    plain.caption = ""
    var best: Frame?
    var width = type.width
    // A narrower chart that cannot be drawn (its labels too long for it) ends the search.
    while width >= ChartBuilder.minimumWidth {
      let layout = { [type] in
        try ChartBuilder.layout(
          for: plain, content: content, theme: theme, width: width, measurer: type.type.measurer,
          memo: type.type.charts)
      }
      guard let chart = try (best == nil ? layout() : try? layout())?.frame else { break }
      if chart.size.height <= height {
        best = chart
        break
      }
      if chart.size.height < best?.size.height ?? .infinity { best = chart }
      width = (width * 0.85).rounded(.down)
    }
    guard var chart = best else { return Frame(size: .zero) }
    if chart.size.height > height {
      let factor = height / chart.size.height
      warn(
        "the chart '\(spec.id)' is drawn at \(Int(factor * 100)) % on its slide to fit: its "
          + "labels are under chart-label-size")
      var scaled = Frame(
        size: Size(width: chart.size.width * factor, height: chart.size.height * factor))
      scaled.push(.scaled(factor, chart), at: .zero)
      chart = scaled
    }
    var frame = Frame(size: Size(width: type.width, height: chart.size.height))
    frame.push(frame: chart, at: Point(x: (type.width - chart.size.width) / 2, y: 0))
    return frame
  }

  // MARK: Questions

  /// A question's text, large, cut into parts between lines.
  private func paragraphs(_ text: RichText, height: Double) -> [Frame] {
    var pending = type.lines(type.runs(text, font: type.body), width: type.width, base: type.body)
    var parts: [Frame] = []
    repeat {
      let (head, rest) = pending.cut(toFit: height)
      parts.append(type.stack(head, color: type.colors.text, tag: .paragraph))
      pending = rest
    } while !pending.isEmpty
    return parts
  }

  /// A tick-box item: the statement, then a card a role (its band and name); on the answer slide
  /// the right card is outlined and ticked and a line names the role.
  ///
  /// The answer line and the cards are measured first: the statement's last part takes what they
  /// leave, its earlier parts a whole body each.
  private func quiz(_ prompt: RichText, answer: Int?, height: Double) -> [Frame] {
    let line = answer.map { role in
      type.lines(
        [
          TextRun(
            type.words.fill(.quizAnswer, ["role": content.roles[role].name]),
            font: type.body.bolded, color: type.colors.text)
        ], width: type.width, base: type.body)
    }
    let count = Double(content.roles.count)
    let spacing = type.style.bodySize
    let width = min(type.width / 2, (type.width - spacing * (count - 1)) / count)
    let heads = content.roles.indices.map { roleHead($0, width: width) }
    let cards = (heads.map(\.size.height).max() ?? 0) + 6
    let below = gap * 2 + (line.map { $0.height + gap * 2 } ?? 0) + cards
    var pending = type.lines(type.runs(prompt, font: type.body), width: type.width, base: type.body)
    var parts: [Frame] = []
    while !pending.isEmpty, pending.height > height - below {
      var (head, rest) = pending.cut(toFit: height)
      // All of it fits a slide, but not with the cards: the lines past their room move on.
      if rest.isEmpty { (head, rest) = pending.cut(toFit: height - below) }
      parts.append(type.stack(head, color: type.colors.text, tag: .paragraph))
      pending = rest
    }
    var last = type.stack(pending, color: type.colors.text, tag: pending.isEmpty ? nil : .paragraph)
    var y = last.size.height + gap * 2
    if let line {
      last.push(
        frame: type.stack(line, color: type.colors.text, tag: .paragraph), at: Point(x: 0, y: y))
      y += line.height + gap * 2
    }
    for (role, head) in heads.enumerated() {
      let x = Double(role) * (width + spacing)
      last.push(frame: head, at: Point(x: x, y: y))
      guard role == answer else { continue }
      let box = Rect(x: x - 6, y: y - 6, width: width + 12, height: head.size.height + 12)
      last.push(
        .shape(.rect(box, stroke: Stroke(color: type.colors.heading, width: 4))), at: .zero)
      last.push(.shape(tick(at: Point(x: box.maxX - 40, y: box.maxY - 10))), at: .zero)
    }
    last.size.height = y + cards
    return parts + [last]
  }

  /// A check mark ending at `corner`, in the heading colour.
  private func tick(at corner: Point) -> Shape {
    Shape(
      path: [
        .move(Point(x: corner.x - 24, y: corner.y - 14)),
        .line(Point(x: corner.x - 12, y: corner.y)),
        .line(Point(x: corner.x + 12, y: corner.y - 30)),
      ], stroke: Stroke(color: type.colors.heading, width: 6))
  }
}
