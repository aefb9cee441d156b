import Dispatch

/// What `watch` tells of each build besides its files (the live preview): that it began, each
/// document's pages as laid out (before its files are written), and every event of the build
/// as it is reported, the last ``RunEvent/finished`` (a build whose inputs did not load reports
/// ``RunEvent/stopped(_:)`` first).
///
/// A build whose inputs did not load while another input changed at once is dropped for a new
/// one: it reports nothing after ``buildStarted(at:)``.
public protocol BuildObserver: AnyObject, Reporter {
  /// A build began (its loading included) at `started`.
  func buildStarted(at started: DispatchTime)

  /// One document of the build laid out (each chart of `kind: charts` an entry), told before
  /// its files are written.
  func laidOut(_ documents: [DocumentForPreview])
}
