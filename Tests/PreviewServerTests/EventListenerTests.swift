import Foundation
import Testing

@testable import PreviewServer

#if canImport(Glibc)
import Glibc
#endif

/// The build events' listeners: a browser tab that closes its event stream stops being one.
@Suite(.serialized) struct EventListenerTests {
  /// Connects to `127.0.0.1:port` with a raw socket, asks for `/events` and reads the reply's
  /// head; returns the socket, still open.
  func openEvents(port: UInt16) throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(socket >= 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    try #require(connected == 0)
    let request = Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
    try #require(send(socket, request, request.count, Int32(MSG_NOSIGNAL)) == request.count)
    var head: [UInt8] = []
    var byte: UInt8 = 0
    while head.suffix(4) != Array("\r\n\r\n".utf8)[...], recv(socket, &byte, 1, 0) == 1 {
      head.append(byte)
    }
    #expect(String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
    return socket
  }

  @Test func aClosedEventStreamStopsListening() async throws {
    let server = try PreviewServer(
      port: 0, editorLink: PreviewServer.defaultEditorLink, workingDirectory: "/")
    let store = server.store
    let socket = try openEvents(port: server.port)
    #expect(store.listenerCount == 1)
    close(socket)
    // The server learns of the closed socket when it next writes to it: builds go on. Waits
    // for the count to fall (bounded), publishing a build now and then.
    var published = 0
    while store.listenerCount > 0, published < 200 {
      store.publish(store.snapshot, event: Array("event: build\ndata: {}\n\n".utf8))
      published += 1
      try await Task.sleep(for: .milliseconds(50))
    }
    #expect(store.listenerCount == 0, "still listening after \(published) builds")
  }
}
