import Frames
import Geometry
import TextShaping

/// Paper size and the text area on it.
public struct PageTemplate: Sendable {
  public var pageSize: Size
  /// The text area, in page coordinates.
  public var body: Rect
  public init(pageSize: Size, body: Rect) {
    self.pageSize = pageSize
    self.body = body
  }
}

/// Where a named destination landed.
public struct AnchorLocation: Hashable, Sendable {
  public var anchor: Anchor
  /// 0-based page index.
  public var pageIndex: Int
  /// Vertical position on the page, in page coordinates.
  public var y: Double

  public init(anchor: Anchor, pageIndex: Int, y: Double) {
    self.anchor = anchor
    self.pageIndex = pageIndex
    self.y = y
  }
}

/// Page numbers of named destinations, from the previous layout pass (1-based).
public struct PageMap: Equatable, Sendable {
  public var pages: [String: Int]
  public init(pages: [String: Int] = [:]) { self.pages = pages }
  /// The page number of `name`, nil when unknown (the first pass).
  public func page(of name: String) -> Int? { pages[name] }
}

/// What page furniture (running header, footer) needs to know about a page.
public struct PageContext: Sendable {
  /// 0-based.
  public var index: Int
  public var count: Int
  /// The top-level section in force on this page (its heading's anchor: title and short title).
  public var section: Anchor?
}

/// A laid-out document: pages, where its destinations are, and what had to be forced.
public struct LaidOutDocument: Sendable {
  public var pages: [Page]
  public var anchors: [AnchorLocation]
  public var warnings: [String]
  /// How many layout passes it took for page references to settle.
  public var passes: Int

  public init(
    pages: [Page], anchors: [AnchorLocation] = [], warnings: [String] = [], passes: Int = 1
  ) {
    self.pages = pages
    self.anchors = anchors
    self.warnings = warnings
    self.passes = passes
  }
}

/// Lays out a whole document: body blocks into pages, repeated until cross-references (the table of
/// contents' page numbers) are stable, then page furniture once the page count is final.
public enum DocumentLayout {
  /// Lays the document out until its page references settle, then adds the furniture.
  ///
  /// - Parameters:
  ///   - template: the paper and its text area.
  ///   - maxPasses: the most layout passes before the last one is taken as it is.
  ///   - measurer: sets paragraphs again for the widow rule (``ParagraphBlock/setting``).
  ///   - build: makes the body blocks, given the page numbers of the previous pass (empty at first).
  ///   - furniture: the header and footer for a page, in page coordinates.
  /// - Returns: the pages, where each anchor landed, warnings and the number of passes.
  public static func layout(
    template: PageTemplate, maxPasses: Int = 5, measurer: (any TextMeasurer)? = nil,
    build: (PageMap) -> [any Block],
    furniture: (PageContext) -> Frame?
  ) -> LaidOutDocument {
    let paginator = Paginator(
      bodySize: template.body.size, setParagraph: measurer.map { m in { m.shape($0).lines } })
    var map = PageMap()
    var passes = 1
    var result = paginator.paginate(build(map))
    var anchors = locate(result.pages, template: template)
    var settled = false
    while true {
      let next = PageMap(
        pages: Dictionary(
          anchors.map { ($0.anchor.name, $0.pageIndex + 1) },
          uniquingKeysWith: { first, _ in first }))
      settled = next == map
      if settled || passes == maxPasses { break }
      map = next
      // Only the page numbers of a pass are needed by the next: its pages go first.
      result = (pages: [], warnings: [])
      result = paginator.paginate(build(map))
      passes += 1
      anchors = locate(result.pages, template: template)
    }
    var warnings = result.warnings
    if !settled { warnings.append("page references did not settle after \(maxPasses) passes") }
    let sections = sectionTitles(
      anchors, pageCount: result.pages.count, bodyTop: template.body.minY)
    let pages = result.pages.enumerated().map { index, body in
      var frame = Frame(size: template.pageSize)
      let context = PageContext(index: index, count: result.pages.count, section: sections[index])
      // The furniture first: in a tagged PDF its artifacts open the page's content, where the
      // finisher's rewrite finds them without reading the whole page.
      if let extra = furniture(context) { frame.push(frame: extra, at: .zero) }
      frame.push(frame: body.frame, at: template.body.origin)
      return Page(size: template.pageSize, frame: frame)
    }
    return LaidOutDocument(pages: pages, anchors: anchors, warnings: warnings, passes: passes)
  }

  /// Every anchor on the pages, in page order.
  static func locate(_ pages: [PageBody], template: PageTemplate) -> [AnchorLocation] {
    var out: [AnchorLocation] = []
    for (index, page) in pages.enumerated() {
      page.frame.walk(origin: template.body.origin) { point, item in
        if case .anchor(let a) = item {
          out.append(AnchorLocation(anchor: a, pageIndex: index, y: point.y))
        }
      }
    }
    return out
  }

  /// For each page, the top-level section in force at its top: the one that opens the page when a
  /// heading stands first on it, else the last one begun on an earlier page (the running header's
  /// section, and an SVG page's description).
  public static func sectionTitles(_ anchors: [AnchorLocation], pageCount: Int, bodyTop: Double)
    -> [Anchor?]
  {
    var titles = [Anchor?](repeating: nil, count: pageCount)
    let top = anchors.filter { $0.anchor.outlineLevel == 1 }
    var current: Anchor?
    var cursor = 0
    for page in 0..<pageCount {
      var opening: Anchor?
      var lastOnPage: Anchor?
      while cursor < top.count, top[cursor].pageIndex == page {
        if lastOnPage == nil, top[cursor].y <= bodyTop + 1 { opening = top[cursor].anchor }
        lastOnPage = top[cursor].anchor
        cursor += 1
      }
      titles[page] = opening ?? current ?? lastOnPage
      if let lastOnPage { current = lastOnPage }
    }
    return titles
  }
}
