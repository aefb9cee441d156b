/// Where a piece of content was written: a file and a line in it (1-based).
///
/// Frame items that stand for content may carry one, for tools that go from a page back to the
/// source (a preview's click-to-source). Nothing drawn or written depends on it.
public struct SourceSpan: Hashable, Sendable {
  /// The file as the run names it.
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }
}
