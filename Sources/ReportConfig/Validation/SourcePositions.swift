/// Where a file's values were written, by path: the file's tree, or the places a reader that
/// builds values directly recorded as it went.
protocol SourcePositions {
  /// Where the value at `path` was written; nil when the file holds no value there.
  func writtenLocation(at path: NodePath) -> SourceLocation?
  /// Where the whole file's value is (the top level).
  var location: SourceLocation { get }
}

extension SourcePositions {
  /// Where the value at `path` is, or where its nearest existing parent is.
  func location(of path: NodePath) -> SourceLocation {
    var components = path.components
    while true {
      if let found = writtenLocation(at: NodePath(components: components)) { return found }
      if components.isEmpty { return location }
      components.removeLast()
    }
  }
}
