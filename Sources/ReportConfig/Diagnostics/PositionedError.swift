/// An error that may have a place in an input file: reported there like a diagnostic
/// (`FILE:LINE:COL: error: …`), so an editor can jump to it, rather than after `pmreport: error:`.
public protocol PositionedError: Error {
  /// The error as a diagnostic at its place; nil when it has none.
  var diagnostic: Diagnostic? { get }
}
