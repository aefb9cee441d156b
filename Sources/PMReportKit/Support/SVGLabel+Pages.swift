import Pagination
import Rendering
import ReportModel

extension SVGLabel {
  /// Each page's SVG title and description: "Title — page 2 of 9", and the title of the section
  /// in force at the page's top, as its running header has it
  /// (``DocumentLayout/sectionTitles(_:pageCount:bodyTop:)``; none before the first).
  static func pages(
    title: String, pageCount: Int, anchors: [AnchorLocation], bodyTop: Double, words: Words
  ) -> [SVGLabel] {
    let sections = DocumentLayout.sectionTitles(anchors, pageCount: pageCount, bodyTop: bodyTop)
    return sections.enumerated().map { i, section in
      SVGLabel(
        title: "\(title) \u{2014} \(words.pageOf(i + 1, pageCount))",
        description: section?.title ?? "")
    }
  }
}
