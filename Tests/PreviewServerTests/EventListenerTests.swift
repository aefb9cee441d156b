import Foundation
import Testing

@testable import PreviewServer

#if canImport(Glibc)
import Glibc
#endif

/// The build events' listeners: a browser tab that closes its event stream stops being one.
///
/// The server runs on Swift's cooperative pool (two threads on two cores), as the tests do: what
/// waits for it (starting it, reading a reply) waits on a thread of its own, so that the pool's
/// threads stay free to run it and the other suites' tests.
@Suite(.serialized) struct EventListenerTests {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Connects to `127.0.0.1:port` with a raw socket, asks for `/events` and reads the reply's
  /// head; returns the socket, still open, and the head.
  static func openEvents(port: UInt16) throws -> (socket: Int32, head: String) {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure(description: "no socket: errno \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    let request = Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
    guard connected == 0, send(socket, request, request.count, Int32(MSG_NOSIGNAL)) == request.count
    else {
      close(socket)
      throw Failure(description: "cannot ask for /events: errno \(errno)")
    }
    var head: [UInt8] = []
    var byte: UInt8 = 0
    while head.suffix(4) != Array("\r\n\r\n".utf8)[...], recv(socket, &byte, 1, 0) == 1 {
      head.append(byte)
    }
    return (socket, String(decoding: head, as: UTF8.self))
  }

  /// The value of `body`, run on a thread of its own: awaiting it holds no thread of the pool.
  static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws
    -> T
  {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try body() }) }.start()
    }
  }

  @Test func aClosedEventStreamStopsListening() async throws {
    // The server's start is awaited on a thread of its own: `PreviewServer.init` blocks its
    // thread until the server's tasks, on the pool, listen.
    let (port, store) = try await Self.onOwnThread {
      let server = try PreviewServer(
        port: 0, editorLink: PreviewServer.defaultEditorLink, workingDirectory: "/")
      return (server.port, server.store)
    }
    let (socket, head) = try await Self.onOwnThread { try Self.openEvents(port: port) }
    #expect(head.hasPrefix("HTTP/1.1 200"), "\(head)")
    #expect(store.listenerCount == 1)
    close(socket)
    // The server learns of the closed socket when it next writes to it: builds go on. Waits
    // for the count to fall (bounded), publishing a build now and then.
    var published = 0
    while store.listenerCount > 0, published < 200 {
      store.publish(store.snapshot, changed: [:]) { _, _ in
        Array("event: build\ndata: {}\n\n".utf8)
      }
      published += 1
      try await Task.sleep(for: .milliseconds(50))
    }
    #expect(store.listenerCount == 0, "still listening after \(published) builds")
  }
}
