import Charts
import Frames
import Geometry
import Pagination
import ReportConfig
import ReportModel
import TextShaping

/// A style turned into fonts, colours and ready-made blocks: the one place that knows how a
/// paragraph, a heading, a list item or a caption is set.
final class TypeSet {
  let style: Style
  /// The style's colours, parsed and checked when the document was resolved.
  let colors: StyleColors
  let measurer: any TextMeasurer
  /// The text width of the page body.
  let width: Double
  /// The words the document prints itself, in its language.
  let words: Words
  /// The language's punctuation rules, applied to every paragraph as it is set; nil (nothing to
  /// do) for English and every language without rules.
  private(set) var punctuation: Punctuation?
  /// The height of the page body (an image is at most 60% of it).
  var bodyHeight = Double.infinity
  /// Top-level headings start on a right-hand page (`section-start: right`).
  var sectionStartRight = false
  /// The content's images by path as written (file, kind, natural size); an image missing here
  /// is set as its alt text.
  var images: [String: ImageItem] = [:]
  /// The charts `measurer` laid out in earlier builds of a `pmreport watch` session; nil for none.
  var charts: ChartLayouts?

  let text: Color, accent: Color, muted: Color, rule: Color, headerFill: Color, headerText: Color,
    zebra: Color

  init(
    style: Style, colors: StyleColors, measurer: any TextMeasurer, width: Double,
    words: Words = .english
  ) {
    self.style = style
    self.words = words
    punctuation = Punctuation(language: words.language)
    self.colors = colors
    self.measurer = measurer
    self.width = width
    text = colors.text
    accent = colors.accent
    muted = colors.muted
    rule = colors.rule
    headerFill = colors.headerFill
    headerText = colors.headerText
    zebra = colors.zebra
  }

  /// This type set for text in `language` (a section with its own `lang=`): the same, with
  /// that language's punctuation; itself when the rules are the same.
  ///
  /// The printed words and hyphenation stay the document's.
  func punctuating(_ language: String) -> TypeSet {
    let rules = Punctuation(language: language)
    guard rules != punctuation else { return self }
    let other = TypeSet(
      style: style, colors: colors, measurer: measurer, width: width, words: words)
    other.punctuation = rules
    other.bodyHeight = bodyHeight
    other.sectionStartRight = sectionStartRight
    other.images = images
    other.charts = charts
    return other
  }

  // MARK: Fonts

  var body: FontSpec { FontSpec(family: style.fonts.body, size: style.fonts.bodySize) }
  var small: FontSpec { FontSpec(family: style.fonts.heading, size: style.fonts.smallSize) }
  /// Code: the style's monospace family, a little smaller than the body.
  var mono: FontSpec {
    FontSpec(family: style.fonts.mono ?? FontStyle.defaultMono, size: style.fonts.bodySize * 0.88)
  }
  func headingFont(level: Int) -> FontSpec {
    let f = style.fonts
    let size = level <= 1 ? f.h1Size : level == 2 ? f.h2Size : f.h3Size
    return FontSpec(family: f.heading, size: size, bold: true)
  }

  // MARK: Shaping

  /// Shapes runs into lines of `width`; every line at least as tall as a line of `base` (the
  /// font the runs were made from), so a line of code alone keeps the text's baseline.
  ///
  /// `maxHyphenRun` overrides the style's limit (a table cell: 1, no two hyphens in a row).
  func lines(
    _ runs: [TextRun], width: Double, alignment: TextAlignment? = nil, hyphenate: Bool? = nil,
    leading: Double? = nil, base: FontSpec? = nil, maxHyphenRun: Int? = nil
  ) -> [ShapedLine] {
    measurer.shape(
      setting(
        runs, width: width, alignment: alignment, hyphenate: hyphenate, leading: leading,
        base: base,
        maxHyphenRun: maxHyphenRun)
    ).lines
  }

  /// The runs as the language punctuates them (code as written).
  func punctuated(_ runs: [TextRun]) -> [TextRun] {
    punctuation?.apply(runs, codeFamily: mono.family) ?? runs
  }

  /// What ``lines(_:width:alignment:hyphenate:leading:base:maxHyphenRun:)`` sets: the runs,
  /// punctuated, with the style's paragraph settings, except those given.
  func setting(
    _ runs: [TextRun], width: Double, alignment: TextAlignment? = nil, hyphenate: Bool? = nil,
    leading: Double? = nil, base: FontSpec? = nil, maxHyphenRun: Int? = nil
  ) -> ParagraphSpec {
    let p = style.paragraph
    return ParagraphSpec(
      runs: punctuated(runs), width: width,
      alignment: alignment ?? (p.justify ? .justify : .left),
      hyphenate: hyphenate ?? p.hyphenate,
      leading: leading ?? style.fonts.leading, maxHyphenRun: maxHyphenRun ?? p.maxHyphenRun,
      hyphenPenalty: p.hyphenPenalty, looseness: p.looseness,
      hangingPunctuation: p.hangingPunctuation, baseFont: base)
  }

  /// One unbroken line (labels, numbers, furniture).
  func line(_ string: String, font: FontSpec, color: Color? = nil) -> ShapedLine {
    lines(
      [TextRun(string, font: font, color: color ?? text)], width: 100_000, alignment: .left,
      hyphenate: false, leading: 1.2
    ).first
      ?? ShapedLine(width: 0, height: font.size * 1.2, baseline: font.size, text: "")
  }

  // MARK: Blocks

  /// A body paragraph, justified and hyphenated as the style says (its lines at least as tall as
  /// body text's).
  func paragraph(
    _ runs: [TextRun], indent: Double = 0, marker: ShapedLine? = nil,
    spaceAfter: Double? = nil
  ) -> ParagraphBlock {
    let spec = setting(runs, width: width - indent, base: body)
    var block = ParagraphBlock(
      lines: measurer.shape(spec).lines, indent: indent, marker: marker,
      color: text, tag: .paragraph,
      breaks: BreakPolicy(spaceAfter: spaceAfter ?? style.paragraph.spacing),
      orphans: style.paragraph.orphans, widows: style.paragraph.widows)
    // A paragraph long enough to split can be set a line tighter or looser for the widow rule.
    if block.lines.count >= block.orphans + block.widows { block.setting = spec }
    return block
  }

  /// A paragraph of plain body text.
  func paragraph(_ string: String) -> ParagraphBlock { paragraph(RichText(string)) }

  /// A paragraph of body text with its inline formatting.
  func paragraph(_ rich: RichText, indent: Double = 0) -> ParagraphBlock {
    paragraph(runs(rich, font: body), indent: indent)
  }

  /// Formatted text as runs: strong is bold, emphasis italic, code monospace; links in the accent
  /// colour, `#id` links going to the section `id`.
  func runs(_ rich: RichText, font: FontSpec, color: Color? = nil) -> [TextRun] {
    rich.spans.map { span in
      var f =
        span.style.contains(.code) ? FontSpec(family: mono.family, size: font.size * 0.9) : font
      if span.style.contains(.strong) { f.bold = true }
      if span.style.contains(.emphasis) { f.italic = true }
      let target = span.link.map(LinkTarget.init(contentLink:))
      return TextRun(
        span.text, font: f, color: target == nil ? (color ?? text) : accent, link: target)
    }
  }

  /// A heading: never hyphenated, kept with what follows, an anchor for links and the outline
  /// (with its `shortTitle`, numbered too, for a running header too narrow for the title).
  func heading(
    _ title: String, number: String?, level: Int, anchor: String, outline: Bool = true,
    shortTitle: String? = nil
  ) -> ParagraphBlock {
    let font = headingFont(level: level)
    var runs: [TextRun] = []
    if let number { runs.append(TextRun(number + "\u{2002}", font: font, color: accent)) }
    runs.append(TextRun(title, font: font, color: level <= 1 ? accent : text))
    let tag: StructureTag = level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3
    let before = level <= 1 ? font.size * 1.5 : font.size * 1.2
    let after = level <= 1 ? font.size * 0.55 : font.size * 0.45
    func shown(_ title: String) -> String { number.map { "\($0) \(title)" } ?? title }
    var block = ParagraphBlock(
      lines: lines(runs, width: width, alignment: .left, hyphenate: false, leading: 1.25),
      color: text, tag: tag,
      anchors: [
        Anchor(
          name: anchor, title: shown(title), outlineLevel: outline ? level : nil,
          shortTitle: shortTitle.map(shown))
      ],
      breaks: BreakPolicy(
        keepWithNext: true,
        pageBreakBefore: level <= 1 && (style.headings.pageBreakBefore || sectionStartRight),
        spaceBefore: before, spaceAfter: after))
    block.breaks.startsOnRightPage = level <= 1 && sectionStartRight
    return block
  }

  /// Body runs that open with a bold lead-in label: "Label: text" (the separator is a word).
  func labelled(_ label: String?, _ rich: RichText) -> [TextRun] {
    (label.map { [TextRun($0 + words[.labelSeparator], font: body.bolded, color: text)] } ?? [])
      + runs(rich, font: body)
  }

  /// A bulleted list of items with optional bold lead-in labels, one `L` element per page.
  func list(_ items: [(label: String?, text: RichText)], indent: Double = 0) -> StructureBlock {
    StructureBlock(
      tag: .list,
      children: items.enumerated().map { i, item in
        listItem(label: item.label, text: item.text, indent: indent, last: i == items.count - 1)
      }, breaks: BreakPolicy(spaceAfter: style.paragraph.spacing))
  }

  /// A list item: a marker (a bullet, or a number) hanging left of the text, an optional bold
  /// lead-in label; `indent` is where the list itself starts.
  func listItem(
    label: String?, text rich: RichText, marker: String = "•", indent base: Double = 0,
    last: Bool
  ) -> ParagraphBlock {
    let runs = labelled(label, rich)
    let step = style.fonts.bodySize * 1.5
    let indent = base + step
    let mark = line(marker, font: body, color: accent)
    var block = paragraph(
      runs, indent: indent, marker: mark,
      spaceAfter: last ? style.paragraph.spacing : style.paragraph.spacing * 0.5)
    block.tag = .listItem
    // A bullet starts half an em into the indent; numbers end a little before the text.
    block.markerGap =
      marker == "•" ? step - mark.width - style.fonts.bodySize * 0.5 : style.fonts.bodySize * 0.4
    return block
  }
}

extension FontSpec {
  /// The same font at `size` points.
  func sized(_ size: Double) -> FontSpec {
    var font = self
    font.size = size
    return font
  }
}
