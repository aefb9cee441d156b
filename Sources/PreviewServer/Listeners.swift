import Foundation

/// The browsers listening for builds (`/events`): each a stream of server-sent events' bytes, sent
/// in the order they are given (a build's event before the bands pushed after it).
final class Listeners: @unchecked Sendable {
  // @unchecked: `streams` is read and written under `lock`.
  private let lock = NSLock()
  private var streams: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

  /// How many browsers listen.
  var count: Int { lock.withLock { streams.count } }

  /// The events sent from now on, each as one server-sent event's bytes.
  func listen() -> AsyncStream<[UInt8]> {
    let id = UUID()
    let (stream, continuation) = AsyncStream.makeStream(
      of: [UInt8].self, bufferingPolicy: .bufferingNewest(8))
    continuation.onTermination = { [weak self] _ in
      guard let self else { return }
      _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
    }
    lock.withLock { streams[id] = continuation }
    return stream
  }

  /// Sends `event` to every listener.
  ///
  /// A listener too slow to take it loses its stream, so its browser reconnects and fetches the
  /// state afresh rather than wait for an event it lost.
  func send(_ event: [UInt8]) {
    for listener in lock.withLock({ Array(streams.values) }) {
      if case .dropped = listener.yield(event) { listener.finish() }
    }
  }
}
