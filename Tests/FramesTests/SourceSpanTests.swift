import Frames
import Geometry
import Testing

/// Frame items' optional source spans.
@Suite struct SourceSpanTests {
  @Test func itemsHaveNoneUnlessGivenAndKeepTheirsWithoutAnchors() {
    let image = ImageItem(path: "/a.png", kind: .png, size: Size(width: 1, height: 1), alt: "")
    #expect(image.source == nil)
    let span = SourceSpan(file: "content.md", line: 7)
    var frame = Frame(size: Size(width: 10, height: 10))
    frame.push(.tagged(.paragraph, Frame(size: .zero), source: span), at: .zero)
    frame.push(.anchor(Anchor(name: "a", title: "A", outlineLevel: nil)), at: .zero)
    let kept = frame.removingAnchorsAndLinks()
    #expect(kept.items.count == 1)
    guard case .tagged(.paragraph, _, nil, let source) = kept.items[0].1 else {
      Issue.record("expected the paragraph")
      return
    }
    #expect(source == span)
  }
}
