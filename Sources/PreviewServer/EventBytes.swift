import FlyingSocks
import Foundation

/// The bytes of server-sent events as they are published, for a streamed response body: each
/// event is sent as soon as it comes.
struct EventBytes: AsyncBufferedSequence {
  typealias Element = UInt8
  let events: AsyncStream<[UInt8]>
  /// The most bytes of events sent in one write (a build event of a few thousand pages).
  static let largestWrite = 1 << 20

  func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

  /// One server-sent event's bytes, the one framing of every event the server sends: its name,
  /// each of `data` on a `data:` line of its own (none may hold a line break: JSON as
  /// ``JSONEncoder/sorted`` writes it, base64), then the blank line that ends the event.
  static func event(named name: String, data: [Data]) -> [UInt8] {
    var bytes = Array("event: \(name)".utf8)
    for line in data { bytes += Array("\ndata: ".utf8) + line }
    return bytes + Array("\n\n".utf8)
  }

  struct Iterator: AsyncBufferedIteratorProtocol {
    var events: AsyncStream<[UInt8]>.Iterator
    var pending: ArraySlice<UInt8> = []

    mutating func next() async -> UInt8? {
      guard await fill() else { return nil }
      return pending.popFirst()
    }

    mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
      guard await fill() else { return nil }
      let buffer = pending.prefix(Swift.max(count, 1))
      pending = pending.dropFirst(buffer.count)
      return buffer
    }

    /// Waits for the next event when nothing is pending; false once the events end.
    private mutating func fill() async -> Bool {
      while pending.isEmpty {
        guard let event = await events.next() else { return false }
        pending = event[...]
      }
      return true
    }
  }
}
