import Frames

extension LinkTarget {
  /// The target as the shape cache writes it: `#name` for a named destination, a URI as it is
  /// (the form targets had as strings, so the cache keys and files did not change).
  var storedText: String {
    switch self {
    case .anchor(let name): "#" + name
    case .uri(let uri): uri
    }
  }

  /// The target `storedText` wrote.
  init(storedText text: String) {
    self = text.hasPrefix("#") ? .anchor(String(text.dropFirst())) : .uri(text)
  }
}
