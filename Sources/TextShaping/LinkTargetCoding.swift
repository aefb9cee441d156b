import Frames

extension LinkTarget {
  /// The target as the shape cache's keys write it.
  ///
  /// `#name` for a named destination, a URI as it is (the form targets had as strings, so the keys
  /// did not change). Entries never hold a target: a cached line's link names the paragraph's run
  /// it comes from.
  var storedText: String {
    switch self {
    case .anchor(let name): "#" + name
    case .uri(let uri): uri
    }
  }
}
