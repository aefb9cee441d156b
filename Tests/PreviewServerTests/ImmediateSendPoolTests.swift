import FlyingSocks
import Testing

@testable import PreviewServer

#if canImport(Glibc)
import Glibc
#endif

/// The server's socket pool turns Nagle's algorithm off on the sockets it waits on (a small
/// reply body would otherwise wait up to 40 ms for the acknowledgement of its head).
@Suite struct ImmediateSendPoolTests {
  /// A pool that returns at once (the socket is "ready").
  struct ReadyPool: AsyncSocketPool {
    func prepare() async throws {}
    func run() async throws {}
    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {}
  }

  @Test func aSocketWaitedOnSendsWithoutDelay() async throws {
    let socket = try Socket(domain: AF_INET)
    defer { try? socket.close() }
    #expect(try socket.getValue(for: ImmediateSendPool.noDelay) == false)
    try await ImmediateSendPool(ReadyPool()).suspendSocket(socket, untilReadyFor: .read)
    #expect(try socket.getValue(for: ImmediateSendPool.noDelay))
  }
}

// In EventListenerTests' serialized suite, and started on a thread of its own: starting a
// PreviewServer blocks its thread until the server's tasks, on the pool, listen.
extension EventListenerTests {
  /// The server's side of a connection a browser opened sends without delay (the server runs in
  /// this process: its sockets are found among the process's descriptors by their port).
  @Test func theServersConnectionsSendWithoutDelay() async throws {
    let held = try await Self.onOwnThread {
      Held(
        server: try PreviewServer(
          port: 0, editorLink: PreviewServer.defaultEditorLink, workingDirectory: "/"))
    }
    let server = held.server
    let (client, _) = try await Self.onOwnThread { [port = server.port] in
      try Self.openEvents(port: port)
    }
    defer { close(client) }
    let accepted = (0..<4096).filter { isConnection($0, localPort: server.port) }
    try #require(!accepted.isEmpty, "no accepted connection found")
    for descriptor in accepted {
      var value: Int32 = 0
      var size = socklen_t(MemoryLayout<Int32>.size)
      #expect(getsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &size) == 0)
      #expect(value != 0, "descriptor \(descriptor) delays small writes")
    }
  }

  /// A server handed back from the thread that started it (it is used on this test's task alone).
  private struct Held: @unchecked Sendable { let server: PreviewServer }

  /// Whether `descriptor` is a connected socket whose own address has port `localPort`.
  private func isConnection(_ descriptor: Int32, localPort: UInt16) -> Bool {
    var address = sockaddr_in()
    var size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &size) == 0
      }
    }
    guard named, address.sin_family == sa_family_t(AF_INET), address.sin_port == localPort.bigEndian
    else { return false }
    var peer = sockaddr_in()
    var peerSize = socklen_t(MemoryLayout<sockaddr_in>.size)
    return withUnsafeMutablePointer(to: &peer) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getpeername(descriptor, $0, &peerSize) == 0
      }
    }
  }
}
