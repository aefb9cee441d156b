import CPango

/// The elements of a GLib singly linked list (a `PangoLayoutLine`'s runs, a layout's lines), in
/// list order, as typed pointers; nodes without data are passed over.
///
/// A plain iterator over the nodes, so a walk costs what the hand-written loop cost.
struct GListItems<Element>: Sequence, IteratorProtocol {
  private var node: UnsafeMutablePointer<GSList>?

  /// The elements of `list` (nil: none).
  init(_ list: UnsafeMutablePointer<GSList>?, of _: Element.Type = Element.self) { node = list }

  mutating func next() -> UnsafeMutablePointer<Element>? {
    while let current = node {
      node = current.pointee.next
      if let data = current.pointee.data { return data.assumingMemoryBound(to: Element.self) }
    }
    return nil
  }
}

/// The glyph items of a line's run list.
typealias GlyphItems = GListItems<PangoGlyphItem>
