import Dispatch

/// What `watch` tells of each build besides its files (the live preview): a build's layout,
/// before its files are written, and a build that did not run.
public protocol BuildObserver: AnyObject {
  /// A build loaded: `scheduler` (with the session's kept text engine) may lay the documents out;
  /// the files are written after this returns. The build began (its loading included) at
  /// `started`.
  func loaded(_ scheduler: RunScheduler, started: DispatchTime)

  /// A build that did not run, and `error`, what stopped it (reported as the run reports it).
  func notBuilt(_ error: any Error)
}
