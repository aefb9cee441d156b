import Pagination
import Rendering
import ReportModel

extension SVGLabel {
  /// Each page's SVG title and description: "Title — page 2 of 9", and the title of the section
  /// the page is in (the last top-level heading at or before it; none before the first).
  static func pages(
    title: String, pageCount: Int, anchors: [AnchorLocation], words: Words
  ) -> [SVGLabel] {
    let headings = anchors.filter { $0.anchor.outlineLevel == 1 }
    return (0..<pageCount).map { i in
      let section = headings.last { $0.pageIndex <= i }?.anchor.title ?? ""
      return SVGLabel(
        title: "\(title) \u{2014} \(words.pageOf(i + 1, pageCount))", description: section)
    }
  }
}
