extension Frame {
  /// The frame's drawing alone, without its structure.
  ///
  /// Structure elements, language spans and links become plain groups; named destinations and
  /// link areas go. For a picture of a page inside another document (a
  /// slide's thumbnail), which is one figure there.
  public func untagged() -> Frame {
    var out = Frame(size: size)
    for (p, item) in items {
      switch item {
      case .anchor, .linkArea: continue
      case .group(let f), .tagged(_, let f, _, _), .language(_, let f), .link(_, let f):
        out.push(.group(f.untagged()), at: p)
      case .scaled(let factor, let f): out.push(.scaled(factor, f.untagged()), at: p)
      case .text, .shape, .image: out.push(item, at: p)
      }
    }
    return out
  }
}
