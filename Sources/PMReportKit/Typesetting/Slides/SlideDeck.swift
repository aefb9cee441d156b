import Frames
import Geometry
import Pagination
import ReportModel
import TextShaping

/// A deck laid out: a page a slide, each with its title (a heading), its body part and its footer
/// (the deck's title and the slide number), on the deck's background.
///
/// Each slide carries a named destination `slide-<planned>-<part>` (its title in the PDF outline),
/// by which the facilitator's guide finds the planned slide behind each page of the deck.
struct SlideDeck {
  let type: SlideType
  let bodies: SlideBodies
  /// The deck's title, in every footer.
  let deckTitle: String

  /// The pages of `outline` and their outline entries.
  func layout(_ outline: SlideOutline) throws -> (pages: [Page], anchors: [AnchorLocation]) {
    var slides: [(plan: Int, title: String, body: Frame)] = []
    for (index, slide) in outline.slides.enumerated() {
      let top = bodyTop(for: slide)
      let parts = try bodies.parts(of: slide.body, height: bottom(for: slide) - top)
      for (part, body) in parts.enumerated() {
        let title =
          parts.count == 1
          ? slide.title
          : type.words.fill(
            .slideContinued,
            ["title": slide.title, "part": "\(part + 1)", "parts": "\(parts.count)"])
        slides.append((index, title, body))
      }
    }
    var pages: [Page] = []
    var anchors: [AnchorLocation] = []
    let background = self.background
    for (number, slide) in slides.enumerated() {
      let planned = outline.slides[slide.plan]
      let anchor = Anchor(
        name: Self.anchorName(plan: slide.plan, page: number), title: slide.title,
        outlineLevel: 1)
      var frame = Frame(size: type.size)
      if let background { frame.push(.shape(background), at: .zero) }
      frame.push(.anchor(anchor), at: .zero)
      var titled = true
      switch planned.body {
      case .title(let subtitle, let byline):
        frame.push(frame: titleSlide(slide.title, subtitle: subtitle, byline: byline), at: .zero)
      case .section:
        frame.push(frame: sectionSlide(slide.title), at: .zero)
      default:
        let heading = headingLines(slide.title, warn: true)
        frame.push(
          frame: type.stack(heading, color: type.colors.heading, tag: .heading1),
          at: Point(x: type.margin, y: type.titleTop))
        let top = bodyTop(for: planned)
        frame.push(frame: slide.body, at: Point(x: type.margin, y: top))
        // A chart in the footer band leaves the slide number alone there.
        titled = top + slide.body.size.height <= type.bodyBottom
      }
      frame.push(frame: footer(number + 1, of: slides.count, titled: titled), at: .zero)
      pages.append(Page(size: type.size, frame: frame))
      anchors.append(AnchorLocation(anchor: anchor, pageIndex: number, y: 0))
    }
    return (pages, anchors)
  }

  /// `slide-<planned>-<page>`: the planned slide a page shows.
  static func anchorName(plan: Int, page: Int) -> String { "slide-\(plan)-\(page)" }

  /// The planned slide named in an anchor `anchorName(plan:page:)` made; nil for another name.
  static func plannedSlide(inAnchor name: String) -> Int? {
    let parts = name.split(separator: "-")
    guard parts.count == 3, parts[0] == "slide" else { return nil }
    return Int(parts[1])
  }

  // MARK: Pieces

  /// The slide's fill; none on white (a page is white).
  ///
  /// Drawn as a polygon with a point in the
  /// middle of its top edge: cairo takes a rectangle covering the page for a clear of the page,
  /// which drops the marked content begun on it.
  private var background: Shape? {
    guard type.colors.background != .white else { return nil }
    let (w, h) = (type.size.width, type.size.height)
    return .polygon(
      [
        Point(x: 0, y: 0), Point(x: w / 2, y: 0), Point(x: w, y: 0), Point(x: w, y: h),
        Point(x: 0, y: h),
      ], fill: type.colors.background)
  }

  /// A slide's title at the heading size, at most two fifths of the slide's text area high.
  private func headingLines(_ title: String, warn: Bool = false) -> [ShapedLine] {
    fitted(title, font: type.heading, height: (type.bodyBottom - type.titleTop) * 0.4, warn: warn)
  }

  /// `title` in `font`, wrapped, as tall as `height` at most: smaller, down to the headings'
  /// floor, when too tall; at the floor the lines that fit, with a warning (when `warn`).
  private func fitted(
    _ title: String, font: FontSpec, height: Double, centred: Bool = false, warn: Bool
  ) -> [ShapedLine] {
    let floor = min(font.size, Self.headingFloor)
    let found = HalvingSearch(from: font.size, to: floor, step: 2).largestFitting(
      { size in
        let sized = font.sized(size)
        return type.lines(
          [TextRun(title, font: sized, color: type.colors.heading)], width: type.width,
          base: sized, centred: centred)
      }, fits: { $0.height <= height })
    if found.fits { return found.setting }
    if warn {
      bodies.warn(
        "the slide title '\(title)' is too long for its slide at \(Int(floor)) pt: only its "
          + "first lines are shown")
    }
    return found.setting.cut(toFit: height).head
  }

  /// The size a title never goes under (the style rules' floor for headings).
  private static let headingFloor =
    SlideStyle.floors.first { $0.key == "heading-size" }?.size ?? 36

  /// Where the body starts: under the title as tall as its longest continued form (a chart,
  /// never continued, under its title).
  private func bodyTop(for slide: PlannedSlide) -> Double {
    let gap = type.style.bodySize * 0.4
    let height = headingLines(slide.title).height
    if case .chart = slide.body { return type.titleTop + height + gap }
    let continued = type.words.fill(
      .slideContinued, ["title": slide.title, "part": "99", "parts": "99"])
    return type.titleTop + max(height, headingLines(continued).height) + gap
  }

  /// Where the body ends: above the footer band; a chart may use the band, above the slide
  /// number's baseline less a line, so that its labels keep the chart-label size (the footer of
  /// its slide then shows the slide number alone, at the right, beside the centred chart).
  private func bottom(for slide: PlannedSlide) -> Double {
    guard case .chart = slide.body else { return type.bodyBottom }
    return type.size.height - type.style.footerSize * 1.2
  }

  /// The title slide: the title large, then the subtitle and the byline, centred.
  private func titleSlide(_ title: String, subtitle: String?, byline: String) -> Frame {
    var frame = Frame(size: type.size)
    let blocks: [(String, FontSpec, Color, StructureTag)] =
      (subtitle.map { [($0, type.body, type.colors.text, StructureTag.paragraph)] } ?? [])
      + (byline.isEmpty ? [] : [(byline, type.body, type.colors.text, .paragraph)])
    let below = blocks.map { text, font, color, tag in
      type.stack(
        type.lines(
          [TextRun(text, font: font, color: color)], width: type.width, base: font,
          centred: true), color: color, tag: tag)
    }
    let spacing = type.style.bodySize
    let room =
      type.bodyBottom - type.style.headingSize
      - below.reduce(0) { $0 + $1.size.height + spacing }
    let heading = fitted(title, font: type.title, height: room, centred: true, warn: true)
    let set = [type.stack(heading, color: type.colors.heading, tag: .heading1)] + below
    let total = set.reduce(0) { $0 + $1.size.height } + spacing * Double(set.count - 1)
    var y = max(type.style.headingSize, (type.bodyBottom - total) / 2)
    for block in set {
      frame.push(frame: block, at: Point(x: type.margin, y: y))
      y += block.size.height + spacing
    }
    return frame
  }

  /// A section slide: its title, large, a third of the way down, over a rule in the heading colour.
  private func sectionSlide(_ title: String) -> Frame {
    var frame = Frame(size: type.size)
    let y = type.size.height / 3
    let lines = fitted(
      title, font: type.title, height: type.bodyBottom - y - type.style.bodySize * 0.5 - 6,
      warn: true)
    frame.push(
      frame: type.stack(lines, color: type.colors.heading, tag: .heading1),
      at: Point(x: type.margin, y: y))
    let ruleY = y + lines.height + type.style.bodySize * 0.5
    frame.push(
      .shape(
        .rect(
          Rect(x: type.margin, y: ruleY, width: type.width / 4, height: 6),
          fill: type.colors.heading)), at: .zero)
    return frame
  }

  /// The deck's title at the left (shortened at a word with an ellipsis when too long; none when
  /// not `titled`) and the slide number at the right, at the footer size.
  private func footer(_ number: Int, of count: Int, titled: Bool) -> Frame {
    var frame = Frame(size: type.size)
    let baseline = type.size.height - type.style.footerSize * 1.8
    let right = type.type.line(
      type.words.fill(.slideOf, ["slide": "\(number)", "slides": "\(count)"]), font: type.footer,
      color: type.colors.text)
    let room = type.width - right.width - type.style.footerSize * 2
    let left = type.type.line(deckTitle, font: type.footer, color: type.colors.text, within: room)
    // A title of one word too long for the footer has no word to cut at: left out.
    if titled, left.width <= room {
      frame.push(
        .text(left, type.colors.text), at: Point(x: type.margin, y: baseline - left.baseline))
    }
    frame.push(
      .text(right, type.colors.text),
      at: Point(x: type.size.width - type.margin - right.width, y: baseline - right.baseline))
    return frame
  }
}
