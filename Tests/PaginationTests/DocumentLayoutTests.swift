import Frames
import Geometry
import Pagination
import TestSupport
import Testing
import TextShaping

@Suite struct DocumentLayoutTests {
  let fake = FakeMeasurer()
  let template = PageTemplate(
    pageSize: Size(width: 240, height: 160),
    body: Rect(x: 20, y: 20, width: 200, height: 120))

  /// A contents line whose height depends on whether the page is known: the second pass must
  /// settle the numbers, and the contents must point at the pages where the headings stand.
  @Test func referencesSettleAndPointAtTheHeadings() {
    func build(_ map: PageMap) -> [any Block] {
      var blocks: [any Block] = []
      for i in 0..<4 {
        let known = map.page(of: "s\(i)").map(String.init) ?? "?"
        blocks.append(ParagraphBlock(lines: fake.lines(1, prefix: "toc\(i)p\(known)-")))
      }
      for i in 0..<4 {
        blocks.append(
          ParagraphBlock(
            lines: fake.lines(1, prefix: "S\(i)"), tag: .heading1,
            anchors: [Anchor(name: "s\(i)", title: "S\(i)", outlineLevel: 1)],
            breaks: BreakPolicy(keepWithNext: true)))
        blocks.append(ParagraphBlock(lines: fake.lines(9, prefix: "b\(i)-")))
      }
      return blocks
    }
    let doc = DocumentLayout.layout(template: template, build: build, furniture: { _ in nil })
    #expect(doc.passes >= 2)
    let headingPages = Dictionary(
      uniqueKeysWithValues: doc.anchors.map { ($0.anchor.name, $0.pageIndex + 1) })
    let tocTexts = doc.pages[0].frame.textLines().map(\.1.text).filter { $0.hasPrefix("toc") }
    for i in 0..<4 {
      let expected = "toc\(i)p\(headingPages["s\(i)"] ?? -1)-0"
      #expect(tocTexts.contains(expected))
    }
  }

  @Test func furnitureKnowsThePageCountAndSection() {
    var contexts: [PageContext] = []
    let blocks: [any Block] = [
      ParagraphBlock(
        lines: fake.lines(1, prefix: "A"),
        anchors: [Anchor(name: "a", title: "Alpha", outlineLevel: 1)],
        breaks: BreakPolicy(keepWithNext: true)),
      ParagraphBlock(lines: fake.lines(23, prefix: "x")),  // pages 1 and 2 full: Beta opens page 3
      ParagraphBlock(
        lines: fake.lines(1, prefix: "B"),
        anchors: [Anchor(name: "b", title: "Beta", outlineLevel: 1)],
        breaks: BreakPolicy(keepWithNext: true)),
      ParagraphBlock(lines: fake.lines(3, prefix: "y")),
      ParagraphBlock(lines: fake.lines(12, prefix: "z")),
      ParagraphBlock(
        lines: fake.lines(1, prefix: "C"),
        anchors: [Anchor(name: "c", title: "Gamma", outlineLevel: 1)],
        breaks: BreakPolicy(keepWithNext: true)),
      ParagraphBlock(lines: fake.lines(3, prefix: "w")),
    ]
    let doc = DocumentLayout.layout(
      template: template, build: { _ in blocks },
      furniture: { ctx in
        contexts.append(ctx)
        return nil
      })
    #expect(contexts.map(\.count).allSatisfy { $0 == doc.pages.count })
    // The section in force at each page's top: Beta opens page 3; page 4 continues Beta although
    // Gamma begins lower down on it.
    #expect(contexts.map(\.section?.title) == ["Alpha", "Alpha", "Beta", "Beta"])
    #expect(doc.pages[3].frame.textLines().map(\.1.text).contains("C0"))
  }

  @Test func bodyIsPlacedInsideTheMargins() {
    let doc = DocumentLayout.layout(
      template: template,
      build: { _ in
        [ParagraphBlock(lines: fake.lines(30))]
      }, furniture: { _ in nil })
    for page in doc.pages {
      for (rect, _) in page.frame.textLines() { #expect(template.body.contains(rect)) }
    }
    #expect(doc.pages.first?.frame.textLines().first?.0.origin == Point(x: 20, y: 20))
  }
}
