import Frames
import Geometry

/// A block in another language than the document's: each page's part of it is a passage with its
/// own language (a `Div` with `/Lang` in a tagged PDF), and it breaks as the block inside does.
public struct LanguageBlock: Block {
  /// A BCP 47 tag.
  public var language: String
  public var inner: any Block

  public init(language: String, inner: any Block) {
    self.language = language
    self.inner = inner
  }

  /// `block` in `language`: a group kept together stays a group (so that the paginator can still
  /// flow one too tall for a page child by child), its children each in the language.
  public static func wrapping(_ block: any Block, in language: String) -> any Block {
    guard var group = block as? KeepTogetherBlock else {
      return LanguageBlock(language: language, inner: block)
    }
    group.children = group.children.map { wrapping($0, in: language) }
    return group
  }

  public var breaks: BreakPolicy { inner.breaks }
  public var leadHeight: Double { inner.leadHeight }
  public var overflowDescription: String { inner.overflowDescription }
  public var floats: Bool { inner.floats }

  public func layout(in regions: Regions) -> LayoutResult {
    switch inner.layout(in: regions) {
    case .complete(let frame):
      return .complete(wrapped(frame))
    case .partial(let frame, let rest):
      return .partial(wrapped(frame), rest: LanguageBlock(language: language, inner: rest))
    case .deferred:
      return .deferred
    }
  }

  private func wrapped(_ frame: Frame) -> Frame {
    var outer = Frame(size: frame.size)
    outer.push(.language(language, frame), at: .zero)
    return outer
  }
}
