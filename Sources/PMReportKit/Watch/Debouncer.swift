/// Decides when a burst of file events is over: a build starts once no relevant event has come
/// for the quiet period.
///
/// Pure (times are passed in, in nanoseconds of a monotonic clock), so its rule is tested without
/// waiting.
public struct Debouncer: Sendable {
  /// How long the events must stop for, in nanoseconds.
  public let quietPeriod: UInt64
  /// When the last relevant event came; nil when none is pending.
  private var lastEvent: UInt64?

  public init(quietMilliseconds: Int) {
    quietPeriod = UInt64(max(0, quietMilliseconds)) * 1_000_000
  }

  /// Whether an event came since the last ``reset()``.
  public var isPending: Bool { lastEvent != nil }

  /// A relevant event came at `now`: the quiet period starts again.
  public mutating func noteEvent(at now: UInt64) { lastEvent = now }

  /// How long to wait for more events at `now`, in milliseconds for `poll(2)`: -1 (no event
  /// pending: wait for one), 0 (quiet long enough: build now) or the milliseconds left, rounded up.
  public func pollTimeout(at now: UInt64) -> Int32 {
    guard let lastEvent else { return -1 }
    let due = lastEvent + quietPeriod
    guard now < due else { return 0 }
    return Int32(clamping: (due - now + 999_999) / 1_000_000)
  }

  /// Forgets the pending event (the build it asked for has started).
  public mutating func reset() { lastEvent = nil }
}
