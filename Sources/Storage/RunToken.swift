import Foundation

/// A process's run token (``RunLock/token``), chosen once: a new one, or the run's that a worker
/// joins (``adopt(_:)``) before it is first used.
final class RunToken: @unchecked Sendable {
  // @unchecked: every access to `chosen` goes through `mutex`.
  private let mutex = NSLock()
  private var chosen: String?

  /// The token: a new one (process id and a random number) unless one was adopted first.
  var value: String {
    mutex.withLock {
      let token = chosen ?? "\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16))"
      chosen = token
      return token
    }
  }

  /// Takes `inherited` as the token unless one is chosen already; whether it is the token.
  func adopt(_ inherited: String) -> Bool {
    mutex.withLock {
      let token = chosen ?? inherited
      chosen = token
      return token == inherited
    }
  }
}
