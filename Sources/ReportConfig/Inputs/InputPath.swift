/// A path as pmreport was given it, with where it was given: typed on the command line, written
/// in a file, or built in.
///
/// The origin decides how the project root confines it (``Inputs/locate(_:from:in:)``) and where
/// a message about it points.
public struct InputPath: Sendable, Hashable {
  /// Where a path was given.
  public enum Origin: Sendable, Hashable {
    /// Typed on the command line after `option` (`--content`).
    case commandLine(option: String)
    /// Written in a file, at this place.
    case written(SourceLocation)
    /// Chosen by pmreport itself (`./pmreport.yml`, `Styles/<name>.yml`).
    case builtIn
  }

  /// The path as given: relative or absolute, `~` not expanded.
  public var path: String
  public var origin: Origin

  public init(_ path: String, origin: Origin) {
    self.path = path
    self.origin = origin
  }

  /// Where it was written, when it was written in a file.
  public var location: SourceLocation? {
    if case .written(let location) = origin { return location }
    return nil
  }
}
