/// Decides when a burst of file events is over: a build starts at once when every input the
/// events named was saved whole (written and closed, or renamed into place), else once no event
/// has come for the quiet period (a file still being written, made, deleted or renamed away).
///
/// Pure (times are passed in, in nanoseconds of a monotonic clock), so its rule is tested without
/// waiting.
public struct Debouncer: Sendable {
  /// How long the events must stop for, in nanoseconds, while an input is unfinished.
  public let quietPeriod: UInt64
  /// When the last relevant event came; nil when none is pending.
  private var lastEvent: UInt64?
  /// The inputs whose last event left them unfinished.
  private var unfinished: Set<String> = []

  public init(quietMilliseconds: Int) {
    quietPeriod = UInt64(max(0, quietMilliseconds)) * 1_000_000
  }

  /// An event `change` came at `now`: the quiet period starts again, and its input is whole or
  /// unfinished as the event says.
  public mutating func note(_ change: InputChange, at now: UInt64) {
    lastEvent = now
    if change.isWhole {
      unfinished.remove(change.path)
    } else {
      unfinished.insert(change.path)
    }
  }

  /// How long to wait for more events at `now`, in milliseconds for `poll(2)`: -1 (no event
  /// pending: wait for one), 0 (every input named is whole, or quiet long enough: build now) or
  /// the milliseconds left, rounded up.
  public func pollTimeout(at now: UInt64) -> Int32 {
    guard let lastEvent else { return -1 }
    let due = lastEvent + quietPeriod
    guard !unfinished.isEmpty, now < due else { return 0 }
    return Int32(clamping: (due - now + 999_999) / 1_000_000)
  }
}

/// What one file event says of an input: which, and whether the file is whole now.
public struct InputChange: Equatable, Sendable {
  /// The input's absolute path.
  public var path: String
  /// Whether the event leaves the file whole.
  ///
  /// Written and closed (`IN_CLOSE_WRITE`), or renamed into place (`IN_MOVED_TO`), it is; a write
  /// (`IN_MODIFY`), a file or folder made, a deletion or a rename away may be followed by more.
  public var isWhole: Bool

  public init(path: String, isWhole: Bool) {
    self.path = path
    self.isWhole = isWhole
  }
}
