/// Adds up the stretches of time it runs, leaving out its pauses: a file's own writing time when
/// other work comes between the file's parts (the merged copies, drawn between the copies' layout).
///
/// Pure (times are passed in, in nanoseconds of a monotonic clock), so its sum is tested without
/// waiting.
struct Stopwatch {
  /// The nanoseconds of the stretches ended.
  private var ended: UInt64 = 0
  /// When the stretch running began; nil while paused.
  private var runningSince: UInt64?

  /// A stopwatch running since `now`.
  init(startedAt now: UInt64) {
    runningSince = now
  }

  /// Ends the stretch running at `now` (nothing when paused already).
  mutating func pause(at now: UInt64) {
    guard let runningSince else { return }
    ended += now - runningSince
    self.runningSince = nil
  }

  /// Starts a stretch at `now` (nothing when running already).
  mutating func resume(at now: UInt64) {
    if runningSince == nil { runningSince = now }
  }

  /// The seconds of every stretch up to `now`, the one running included.
  func seconds(at now: UInt64) -> Double {
    Double(ended + (runningSince.map { now - $0 } ?? 0)) / 1e9
  }
}
