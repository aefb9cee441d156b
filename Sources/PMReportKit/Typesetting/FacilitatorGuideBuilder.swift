import Frames
import Geometry
import Pagination
import ReportModel
import TextShaping

/// A facilitator's guide: the session plan (each slide group's minutes), the materials to print,
/// then each slide of the deck as a vector thumbnail beside its notes.
///
/// The thumbnails are the deck's own pages (``DocumentBuild/usedPages()``) drawn small, without
/// their structure, each a `Figure` whose alternate text is the slide's title. A page's planned
/// slide is found by its named destination (``SlideDeck/plannedSlide(inAnchor:)``).
struct FacilitatorGuideBuilder {
  let type: TypeSet
  let title: String
  let outline: SlideOutline
  /// The deck's pages.
  let pages: [Page]
  /// Each slide group's minutes, in group order.
  let minutes: [Int]
  /// The handouts to print and how many of each, a line each as printed.
  let materials: [String]

  /// The planned slide behind each page, in page order.
  static func plannedSlides(of pages: [Page]) -> [Int] {
    pages.map { page in
      for (_, item) in page.frame.items {
        if case .anchor(let anchor) = item, let plan = SlideDeck.plannedSlide(inAnchor: anchor.name)
        {
          return plan
        }
      }
      return 0
    }
  }

  /// Each slide group's minutes in a session of `session` minutes (``SessionPlan``: in
  /// proportion to the group's words and slides); nil when there are more groups than minutes.
  static func minutes(_ outline: SlideOutline, plans: [Int], session: Int) -> [Int]? {
    let sizes = groupSizes(outline, plans: plans)
    return SessionPlan.minutes(
      weights: SessionPlan.weights(words: sizes.words, slides: sizes.slides), total: session)
  }

  /// Each group's words (its slides' titles and notes) and its pages.
  static func groupSizes(_ outline: SlideOutline, plans: [Int]) -> (words: [Int], slides: [Int]) {
    var words = Array(repeating: 0, count: outline.groups.count)
    var slides = words
    for (index, plan) in plans.enumerated() {
      let slide = outline.slides[plan]
      slides[slide.group] += 1
      guard index == 0 || plans[index - 1] != plan else { continue }
      let text = ([slide.title] + slide.notes.map(\.plain)).joined(separator: " ")
      words[slide.group] += text.split(whereSeparator: \.isWhitespace).count
    }
    return (words, slides)
  }

  func blocks(pages _: PageMap) -> [any Block] {
    let plans = Self.plannedSlides(of: pages)
    var out: [any Block] = [type.heading(title, number: nil, level: 1, anchor: "guide")]
    out.append(
      type.heading(type.words[.sessionPlan], number: nil, level: 2, anchor: "session-plan"))
    var first = 0
    var plan: [(label: String?, text: RichText)] = []
    for (group, name) in outline.groups.enumerated() {
      let count = plans.filter { outline.slides[$0].group == group }.count
      guard count > 0 else { continue }
      let text = type.words.fill(
        .planGroup,
        ["minutes": "\(minutes[group])", "from": "\(first + 1)", "to": "\(first + count)"])
      plan.append((name, RichText(text)))
      first += count
    }
    out.append(type.list(plan))
    out.append(
      type.paragraph(
        type.words.fill(.planTotal, ["minutes": "\(minutes.reduce(0, +))"])))
    out.append(type.heading(type.words[.materials], number: nil, level: 2, anchor: "materials"))
    out.append(type.list(materials.map { (nil, RichText($0)) }))
    out.append(
      type.heading(type.words[.slidesAndNotes], number: nil, level: 2, anchor: "slides"))
    for (index, page) in pages.enumerated() {
      // A continued slide's notes are with its first part.
      let continued = index > 0 && plans[index - 1] == plans[index]
      out += slide(
        page, number: index + 1, planned: outline.slides[plans[index]], notes: !continued)
    }
    return out
  }

  /// A slide's thumbnail (a `Figure` titled by the slide) with its notes beside it; notes longer
  /// than the thumbnail continue under it at the same indent.
  private func slide(_ page: Page, number: Int, planned: PlannedSlide, notes shown: Bool)
    -> [any Block]
  {
    let width = (type.width * 0.42).rounded()
    let factor = width / page.size.width
    let size = Size(width: width, height: page.size.height * factor)
    var thumbnail = Frame(size: size)
    thumbnail.push(.scaled(factor, page.frame.untagged()), at: .zero)
    thumbnail.push(
      .shape(.rect(Rect(origin: .zero, size: size), stroke: Stroke(color: type.rule, width: 0.6))),
      at: .zero)
    let gap = type.style.fonts.bodySize * 1.2
    let indent = width + gap
    let notes = shown ? planned.notes : []
    var runs = [TextRun("\(number).\u{2002}", font: type.body.bolded, color: type.text)]
    for (index, note) in notes.enumerated() {
      if index > 0 { runs.append(TextRun(" ", font: type.body, color: type.text)) }
      runs += type.runs(note, font: type.body)
    }
    let lines = type.lines(
      runs, width: type.width - indent, alignment: .left, base: type.body)
    let (beside, rest) = lines.cut(toFit: size.height)
    var row = Frame(size: Size(width: type.width, height: max(size.height, beside.height)))
    var figure = Frame(size: size)
    figure.push(.tagged(.figure, thumbnail, alt: planned.title), at: .zero)
    row.push(frame: figure, at: .zero)
    var text = Frame(size: Size(width: type.width - indent, height: beside.height))
    var y = 0.0
    for line in beside {
      text.push(.text(line, type.text), at: Point(x: 0, y: y))
      y += line.height
    }
    var tagged = Frame(size: text.size)
    tagged.push(.tagged(.paragraph, text), at: .zero)
    row.push(frame: tagged, at: Point(x: indent, y: 0))
    let spacing = type.style.paragraph.spacing * 2
    var blocks: [any Block] = [
      FigureBlock(
        frame: row,
        breaks: BreakPolicy(spaceBefore: spacing, spaceAfter: rest.isEmpty ? spacing : 0))
    ]
    if !rest.isEmpty {
      blocks.append(
        ParagraphBlock(
          lines: rest, indent: indent, color: type.text, tag: .paragraph,
          breaks: BreakPolicy(spaceAfter: spacing)))
    }
    return blocks
  }
}
