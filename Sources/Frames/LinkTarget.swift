/// Where a link in a frame goes: a named destination in the same document, or a URI.
public enum LinkTarget: Hashable, Sendable {
  /// A named destination: an ``Anchor``'s name.
  case anchor(String)
  /// A web address or any other URI, as written.
  case uri(String)
}
