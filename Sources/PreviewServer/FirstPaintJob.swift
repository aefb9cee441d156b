import Foundation

extension FirstPaints {
  /// One page version being drawn: run once on the queue, awaited by the request that takes it.
  final class Job: @unchecked Sendable {
    // @unchecked: `state` and `waiters` are read and written under `lock`.
    private enum State {
      case queued, dropped
      case done(Result<Drawn?, any Error>)
    }

    private let lock = NSLock()
    private var state = State.queued
    private var waiters: [CheckedContinuation<Drawn?, any Error>] = []

    /// Forgets the job: not drawn if its turn has not come (no request awaits a dropped job).
    func drop() {
      lock.withLock {
        if case .queued = state { state = .dropped }
      }
    }

    /// Draws with `draw` (unless dropped) and hands the outcome to every request awaiting it.
    func run(_ draw: () throws -> Drawn?) {
      guard lock.withLock({ if case .dropped = state { false } else { true } }) else { return }
      let outcome = Result { try draw() }
      let waiting = lock.withLock {
        state = .done(outcome)
        defer { waiters = [] }
        return waiters
      }
      for waiter in waiting { waiter.resume(with: outcome) }
    }

    /// The page drawn, once it is.
    func value() async throws -> Drawn? {
      try await withCheckedThrowingContinuation { waiter in
        let outcome: Result<Drawn?, any Error>? = lock.withLock {
          guard case .done(let outcome) = state else {
            waiters.append(waiter)
            return nil
          }
          return outcome
        }
        if let outcome { waiter.resume(with: outcome) }
      }
    }
  }
}
