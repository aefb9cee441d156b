import Frames
import Geometry
import Rendering
import ReportConfig
import ReportModel
import TestSupport
import Testing

@testable import PMReportKit
@testable import Pagination

/// Layout that must not fail on real data, with the fake measurer (every character half its
/// font size wide, lines `size × leading` tall): personal lines, certificate names, running
/// headers, the SVG pages' descriptions.
@Suite struct LayoutFitTests {
  /// 80 characters, Latin with diacritics.
  static let longName =
    "Maria-Fernanda Alexandrina Konstantinopoulou-Wiśniewska de la Santísima Trinidad"

  static let a4 = PageTemplate(
    pageSize: Size(width: 595.2756, height: 841.8898),
    body: Rect(x: 68, y: 72, width: 459.2756, height: 697.8898))
  static let a4Landscape = PageTemplate(
    pageSize: Size(width: 841.8898, height: 595.2756),
    body: Rect(x: 68, y: 72, width: 705.8898, height: 451.2756))

  static func type(width: Double, style: Style = .classic) -> TypeSet {
    TypeSet(style: style, colors: .classic, measurer: FakeMeasurer(), width: width)
  }

  /// The font size the fake measurer set a line of `leading` 1.2 in.
  static func size(_ line: ShapedLine) -> Double { line.height / 1.2 }

  static func blankPages(_ count: Int, _ template: PageTemplate) -> [Page] {
    (0..<count).map { _ in
      Page(size: template.pageSize, frame: Frame(size: template.pageSize))
    }
  }

  /// The lines of `frame` below the text area (the footer) or above it, by their text.
  static func lines(_ frame: Frame, where keep: (Rect) -> Bool) -> [(Rect, String)] {
    frame.textLines().filter { keep($0.0) }.map { ($0.0, $0.1.text) }
  }

  static func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

  static func near(_ a: Rect?, _ b: Rect) -> Bool {
    guard let a else { return false }
    return near(a.minX, b.minX) && near(a.minY, b.minY) && near(a.width, b.width)
      && near(a.height, b.height)
  }

  /// Whether `rect` lies within `span` across (to a rounding error).
  static func within(_ rect: Rect, _ span: ClosedRange<Double>) -> Bool {
    rect.minX > span.lowerBound - 1e-9 && rect.maxX < span.upperBound + 1e-9
  }

  // MARK: - Personal line

  @Test func aPersonalLineThatFitsStaysOnOneLineAtItsSize() {
    let template = Self.a4
    let body = template.body
    let line = PersonalLine(type: Self.type(width: body.width), template: template)
    let overlay = line.overlay("Prepared for Ana Souza", on: Self.blankPages(2, template))
    #expect(!overlay.shortened)
    for page in overlay.pages {
      let footer = page.frame.textLines().filter { $0.0.minY > body.maxY }
      #expect(footer.count == 1)
      #expect(
        Self.near(footer.first?.0, Rect(x: 68, y: body.maxY + 8 * 2.2, width: 22 * 4, height: 9.6)))
    }
    let cover = overlay.pages[0].frame.textLines().filter { $0.0.maxY < body.minY }
    #expect(cover.count == 1)
    // Bold small type × 1.3 (10.4 pt), flush right, 3.2 of its ems above the text area.
    #expect(
      Self.near(
        cover.first?.0,
        Rect(
          x: body.maxX - 22 * 5.2, y: body.minY - 10.4 * 3.2, width: 22 * 5.2,
          height: 10.4 * 1.2)))
  }

  @Test func aLongPersonalLineWrapsWithinItsSlotsAboveTheFloor() {
    let template = Self.a4
    let body = template.body
    let line = PersonalLine(type: Self.type(width: body.width), template: template)
    let overlay = line.overlay("Prepared for " + Self.longName, on: Self.blankPages(2, template))
    #expect(!overlay.shortened)
    let first = "Prepared for Maria-Fernanda Alexandrina"
    let second = "Konstantinopoulou-Wiśniewska de la Santísima Trinidad"
    // The footer's slot is 189.6 pt wide (it ends five small ems short of the middle, where
    // "page 1 of 2" stands): at 7 pt the text takes two lines; at 7.25 pt it would take three.
    let top = body.maxY + 8 * 2.2
    for page in overlay.pages {
      let footer = Self.lines(page.frame) { $0.minY > body.maxY }
      #expect(footer.map(\.1) == [first, second])
      #expect(Self.near(footer.first?.0, Rect(x: 68, y: top, width: 39 * 3.5, height: 8.4)))
      #expect(Self.near(footer.last?.0, Rect(x: 68, y: top + 8.4, width: 53 * 3.5, height: 8.4)))
      #expect(footer.allSatisfy { $0.0.maxX <= body.minX + body.width * 0.5 - 8 * 5 })
    }
    // Page 1's slot, 60 % of the text area wide: at 10.15 pt, two lines flush right, ending
    // where one line of 10.4 pt would.
    let cover = Self.lines(overlay.pages[0].frame) { $0.maxY < body.minY }
    #expect(cover.map(\.1) == [first, second])
    let bottom = body.minY - 10.4 * 3.2 + 10.4 * 1.4
    let height = 10.15 * 1.2
    #expect(cover.count == 2)
    for ((rect, _), (count, row)) in zip(cover, [(39.0, 0.0), (53.0, 1.0)]) {
      #expect(Self.near(rect.maxX, body.maxX))
      #expect(Self.near(rect.width, count * 10.15 / 2))
      #expect(Self.near(rect.minY, bottom - 2 * height + row * height))
    }
  }

  @Test func aPersonalLineTooLongForTwoLinesAtTheFloorEndsInAnEllipsis() {
    let template = Self.a4
    let body = template.body
    let line = PersonalLine(type: Self.type(width: body.width), template: template)
    let name = String(repeating: "x", count: 200)
    let overlay = line.overlay("Prepared for " + name, on: Self.blankPages(1, template))
    #expect(overlay.shortened)
    // At the floor (6.5 pt) the footer's line holds 58 characters: the name's 57 and "…".
    let footer = Self.lines(overlay.pages[0].frame) { $0.minY > body.maxY }
    #expect(footer.map(\.1) == ["Prepared for", String(repeating: "x", count: 57) + "…"])
    #expect(footer.allSatisfy { Self.near($0.0.height, 6.5 * 1.2) })
  }

  @Test func aBlankPersonalLineKeepsItsRuleToWriteOn() {
    let template = Self.a4
    let body = template.body
    let line = PersonalLine(type: Self.type(width: body.width), template: template)
    let pages = line.overlay("Prepared for", blank: true, on: Self.blankPages(1, template)).pages
    var rules: [Rect] = []
    pages[0].frame.walk { _, item in
      if case .shape(let shape) = item, let bounds = shape.bounds { rules.append(bounds) }
    }
    // Each slot's text, then a rule half the slot wide (at most 150 pt) after it.
    let footer = rules.first { $0.minY > body.maxY }
    #expect(Self.near(footer?.minX ?? 0, 68 + 12 * 4 + 4))
    #expect(Self.near(footer?.maxX ?? 0, 68 + 12 * 4 + min((body.width * 0.5 - 40) * 0.5, 150)))
    #expect(rules.count == 2)
  }

  // MARK: - Certificate

  static func certificate(_ type: TypeSet) -> CertificateBuilder {
    CertificateBuilder(
      type: type, template: Self.a4Landscape, completed: "Product Management",
      date: "1 May 2026", trainer: "Maria Keller")
  }

  static func participant(_ name: String, line: Int = 7) -> Participant {
    Participant(row: line - 1, line: line, name: name, fields: ["name": name], slug: "p")
  }

  @Test func aLongNameWrapsWithinItsRuleOnTheCertificate() throws {
    let body = Self.a4Landscape.body
    let page = try Self.certificate(Self.type(width: body.width)).page(
      for: Self.participant(Self.longName), roster: "roster.csv")
    let name = page.frame.textLines().filter { Self.longName.contains($0.1.text) }
    let rule = CertificateName.rule(in: body)
    #expect(Self.near(rule.upperBound - rule.lowerBound, body.width * 0.7))
    // One line would need 12.35 pt, below half of 40: two lines within the rule's 494.1 pt, at
    // 18 pt (at 19 pt the second would hold 52 characters, and it has 53).
    #expect(
      name.map(\.1.text) == [
        "Maria-Fernanda Alexandrina", "Konstantinopoulou-Wiśniewska de la Santísima Trinidad",
      ])
    for (rect, line) in name {
      #expect(Self.within(rect, rule), "'\(line.text)': \(rect)")
      #expect(Self.near(Self.size(line), 18))
    }
  }

  @Test func aNameThatFitsStaysOnOneLineAtFortyPoints() throws {
    let body = Self.a4Landscape.body
    let page = try Self.certificate(Self.type(width: body.width)).page(
      for: Self.participant("Ana Souza"), roster: "roster.csv")
    let name = page.frame.textLines().filter { $0.1.text == "Ana Souza" }
    #expect(name.count == 1)
    #expect(name.first.map { Self.size($0.1) } == 40)
  }

  @Test func aNameTwoLinesCannotHoldIsRefusedAtItsRosterLine() throws {
    let body = Self.a4Landscape.body
    let builder = Self.certificate(Self.type(width: body.width))
    // At the floor (6.5 pt) the rule holds 152 characters a line: 499 need four lines.
    let long = Array(repeating: "abcd", count: 100).joined(separator: " ")
    let error = #expect(throws: InputError.self) {
      try builder.names(
        [Self.participant("Ana Souza", line: 2), Self.participant(long, line: 9)],
        roster: "people.csv")
    }
    let diagnostics = error?.diagnostics ?? []
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.location.place == "people.csv:9")
    #expect(diagnostics.first?.message.contains("'abcd abcd") == true)
    #expect(diagnostics.first?.message.contains("never shortens a name") == true)
  }

  // MARK: - Running header

  static let a5 = PageTemplate(
    pageSize: Size(width: 419.5276, height: 595.2756),
    body: Rect(x: 68, y: 72, width: 283.5276, height: 451.2756))

  static func header(
    _ template: PageTemplate, title: String, section: String, short: String? = nil
  ) -> [(Rect, String)] {
    let furniture = Furniture(
      type: Self.type(width: template.body.width), template: template, documentTitle: title,
      titlePage: false)
    let context = PageContext(
      index: 1, count: 9,
      section: Anchor(name: "s", title: section, outlineLevel: 1, shortTitle: short))
    let frame = furniture.frame(for: context) ?? Frame(size: template.pageSize)
    return Self.lines(frame) { $0.maxY < template.body.minY }
  }

  static let documentTitle = "Business Product Manager vs Technical Product Manager"
  static let longSection =
    "4 Key Differences Between Business Product Manager and Technical Product Manager"

  @Test func aHeaderThatFitsShowsTheWholeSection() {
    let header = Self.header(Self.a4, title: "Doc", section: "4 Key Differences", short: "4 Key")
    #expect(header.map(\.1) == ["Doc", "4 Key Differences"])
    #expect(
      Self.near(header.last?.0, Rect(x: Self.a4.body.maxX - 68, y: 49.2, width: 68, height: 9.6)))
  }

  @Test func anA5HeaderTakesTheShortTitleAndShortensTheDocumentTitle() {
    let header = Self.header(
      Self.a5, title: Self.documentTitle, section: Self.longSection, short: "4 Key Differences")
    // The short title (68 pt) does not fit the 47.5 pt beside the document's title: it gets
    // half the line, and the document's title what is left, cut after a whole word.
    #expect(
      header.map(\.1) == ["Business Product Manager vs Technical Product…", "4 Key Differences"])
    #expect(Self.near(header.first?.0, Rect(x: 68, y: 49.2, width: 46 * 4, height: 9.6)))
    #expect(
      Self.near(header.last?.0, Rect(x: Self.a5.body.maxX - 68, y: 49.2, width: 68, height: 9.6)))
  }

  @Test func aShortTitleThatFitsBesideTheDocumentTitleIsShownWhole() {
    let section = String(repeating: "Long words ", count: 12) + "end"
    let header = Self.header(Self.a4, title: "Doc", section: section, short: "4 Key")
    #expect(header.map(\.1) == ["Doc", "4 Key"])
  }

  @Test func withoutAShortTitleTheSectionIsCutAtAWordWithHalfTheLineAtLeast() {
    let header = Self.header(Self.a5, title: Self.documentTitle, section: Self.longSection)
    // Half of 283.5 pt less the gap, 129.8 pt, holds 32 characters; the document's title gets
    // the 155.5 pt left: 38 characters.
    #expect(header.last?.1 == "4 Key Differences Between…")
    #expect(header.first?.1 == "Business Product Manager vs Technical…")
  }

  // MARK: - Halving

  @Test func halvingFindsTheLargestSizeThatFitsInFewAttempts() {
    var tried: [Double] = []
    let search = HalvingSearch(from: 14, to: 6.5, step: 0.25)
    let found = search.largestFitting(
      { size -> Double in
        tried.append(size)
        return size
      }, fits: { $0 <= 11.3 })
    #expect(found.value == 11.25 && found.fits)
    #expect(tried.count <= 7, "\(tried)")
    let none = search.largestFitting({ $0 }, fits: { $0 < 6 })
    #expect(none.value == 6.5 && !none.fits)
    var once = 0
    let top = search.largestFitting(
      { size -> Double in
        once += 1
        return size
      }, fits: { _ in true })
    #expect(top.value == 14 && once == 1)
  }

  // MARK: - SVG descriptions

  @Test func anSVGPageIsDescribedByTheSectionAtItsTop() {
    func at(_ name: String, page: Int, y: Double) -> AnchorLocation {
      AnchorLocation(
        anchor: Anchor(name: name, title: name, outlineLevel: 1), pageIndex: page, y: y)
    }
    // Sections 3 and 4 begin lower down on page 2: its top is still in section 2.
    let anchors = [
      at("1 One", page: 0, y: 72), at("2 Two", page: 0, y: 400), at("3 Three", page: 1, y: 300),
      at("4 Four", page: 1, y: 500), at("5 Five", page: 2, y: 72),
    ]
    let labels = SVGLabel.pages(
      title: "Doc", pageCount: 3, anchors: anchors, bodyTop: 72, words: .english)
    #expect(labels.map(\.description) == ["1 One", "2 Two", "5 Five"])
  }
}
