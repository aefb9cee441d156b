import ReportModel

/// The range and format rules a style must keep.
enum StyleRules {
  /// Font sizes above this are taken for mistakes.
  static let largestFontSize = 200.0

  static func check(_ style: Style, with checker: inout Checker) {
    checkPage(style.page, with: &checker)
    checkFonts(style.fonts, with: &checker)
    checkColors(style.colors, with: &checker)
    checkParagraph(style.paragraph, with: &checker)
    checkCharts(style.charts, with: &checker)
    checkSlides(style.slides, with: &checker)
  }

  private static func checkPage(_ page: PageStyle, with checker: inout Checker) {
    let pagePath = NodePath.root.appending("page")
    let margins: [(String, Double)] = [
      ("margin-top", page.marginTop), ("margin-bottom", page.marginBottom),
      ("margin-left", page.marginLeft), ("margin-right", page.marginRight),
    ]
    for (key, value) in margins where value < 0 {
      checker.error(
        "\(key) must not be negative, found \(Checker.number(value))", at: pagePath.appending(key))
    }
    checker.check(
      page.imagePPI, in: PageStyle.imagePPIRange, at: pagePath.appending("image-ppi"),
      what: "image-ppi")
    let (width, height) = page.dimensions
    let paper = "\(page.size.rawValue) \(page.orientation.rawValue)"
    if page.marginLeft >= 0, page.marginRight >= 0, page.marginLeft + page.marginRight >= width {
      let at = checker.place(
        ["margin-right", "margin-left", "size", "orientation"].map { pagePath.appending($0) })
      checker.error(
        "margin-left \(Checker.number(page.marginLeft)) + margin-right \(Checker.number(page.marginRight))"
          + " = \(Checker.number(page.marginLeft + page.marginRight)) pt leaves no room for text on"
          + " \(paper) paper, which is \(Checker.number(width)) pt wide", at: at)
    }
    if page.marginTop >= 0, page.marginBottom >= 0, page.marginTop + page.marginBottom >= height {
      let at = checker.place(
        ["margin-bottom", "margin-top", "size", "orientation"].map { pagePath.appending($0) })
      checker.error(
        "margin-top \(Checker.number(page.marginTop)) + margin-bottom \(Checker.number(page.marginBottom))"
          + " = \(Checker.number(page.marginTop + page.marginBottom)) pt leaves no room for text on"
          + " \(paper) paper, which is \(Checker.number(height)) pt high", at: at)
    }
  }

  private static func checkFonts(_ fonts: FontStyle, with checker: inout Checker) {
    let path = NodePath.root.appending("fonts")
    checker.checkNotEmpty(fonts.body, at: path.appending("body"), what: "the body font family")
    checker.checkNotEmpty(
      fonts.heading, at: path.appending("heading"), what: "the heading font family")
    let sizes: [(String, Double)] = [
      ("body-size", fonts.bodySize), ("title-size", fonts.titleSize),
      ("subtitle-size", fonts.subtitleSize),
      ("h1-size", fonts.h1Size), ("h2-size", fonts.h2Size), ("h3-size", fonts.h3Size),
      ("table-size", fonts.tableSize), ("small-size", fonts.smallSize),
      ("minimum-size", fonts.minimumSize), ("maximum-table-size", fonts.maximumTableSize),
    ]
    for (key, size) in sizes {
      if size <= 0 {
        checker.error(
          "\(key) must be a size in points greater than 0, found \(Checker.number(size))",
          at: path.appending(key))
      } else if size > largestFontSize {
        checker.error(
          "\(key) \(Checker.number(size)) pt is too large; sizes go up to "
            + "\(Checker.number(largestFontSize)) pt", at: path.appending(key))
      }
    }
    let floor = ("minimum-size", fonts.minimumSize)
    checkAtMost(
      floor, ("table-size", fonts.tableSize), "it is how far table type may shrink", at: path,
      with: &checker)
    checkAtMost(
      floor, ("maximum-table-size", fonts.maximumTableSize),
      "a comparison table's type is sized between the two", at: path, with: &checker)
    if fonts.leading < 0.8 || fonts.leading > 4 {
      checker.error(
        "leading is the line height as a multiple of the font size and must be between 0.8 and 4,"
          + " not \(Checker.number(fonts.leading))", at: path.appending("leading"))
    }
  }

  /// An error when the size `low` is larger than the size `high` (both keys under `path`, both
  /// positive), placed where the style wrote the first of them.
  private static func checkAtMost(
    _ low: (key: String, size: Double), _ high: (key: String, size: Double), _ why: String,
    at path: NodePath, with checker: inout Checker
  ) {
    guard low.size > 0, high.size > 0, low.size > high.size else { return }
    let at = checker.place([path.appending(low.key), path.appending(high.key)])
    checker.error(
      "\(low.key) \(Checker.number(low.size)) is larger than \(high.key) "
        + "\(Checker.number(high.size)); \(why)", at: at)
  }

  private static func checkColors(_ colors: ColorStyle, with checker: inout Checker) {
    let path = NodePath.root.appending("colors")
    let values: [(String, String)] = [
      ("text", colors.text), ("accent", colors.accent), ("muted", colors.muted),
      ("rule", colors.rule),
      ("header-fill", colors.headerFill), ("header-text", colors.headerText),
      ("zebra", colors.zebra),
    ]
    for (key, value) in values { checker.checkColor(value, at: path.appending(key)) }
  }

  private static func checkParagraph(_ paragraph: ParagraphStyle, with checker: inout Checker) {
    let path = NodePath.root.appending("paragraph")
    checker.check(paragraph.orphans, in: 1...10, at: path.appending("orphans"), what: "orphans")
    checker.check(paragraph.widows, in: 1...10, at: path.appending("widows"), what: "widows")
    checker.check(
      paragraph.maxHyphenRun, in: 0...10, at: path.appending("max-hyphen-run"),
      what: "max-hyphen-run")
    checker.check(
      paragraph.hyphenPenalty, in: 0...10_000, at: path.appending("hyphen-penalty"),
      what: "hyphen-penalty")
    checker.check(
      paragraph.looseness, in: -3...3, at: path.appending("looseness"), what: "looseness")
    checker.check(paragraph.spacing, in: 0...200, at: path.appending("spacing"), what: "spacing")
  }

  private static func checkCharts(_ charts: ChartStyle, with checker: inout Checker) {
    let path = NodePath.root.appending("charts").appending("palette")
    if charts.palette.count < 2 {
      checker.error(
        "the palette needs at least 2 colours (business, then technical), found \(charts.palette.count)",
        at: path)
    }
    for (index, color) in charts.palette.enumerated() {
      checker.checkColor(color, at: path.appending(index))
    }
  }

  /// Slide type keeps its floors (body 24 pt, headings 36 pt, chart labels 16 pt, footer 12 pt);
  /// the colours parse.
  private static func checkSlides(_ slides: SlideStyle, with checker: inout Checker) {
    let path = NodePath.root.appending("slides")
    let sizes = [
      slides.bodySize, slides.headingSize, slides.titleSize, slides.chartLabelSize,
      slides.footerSize,
    ]
    for ((key, floor), size) in zip(SlideStyle.floors, sizes) {
      checker.check(size, in: floor...largestFontSize, at: path.appending(key), what: key)
    }
    let colors = [
      ("background", slides.background), ("text", slides.text), ("heading", slides.heading),
    ]
    for (key, value) in colors {
      if let value { checker.checkColor(value, at: path.appending(key)) }
    }
  }
}
