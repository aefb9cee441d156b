import FlyingFox
import FlyingSocks

#if canImport(Glibc)
import Glibc
#endif

/// The server's socket pool (FlyingFox's own), which also turns Nagle's algorithm off
/// (`TCP_NODELAY`) on every socket it waits on: the listening socket, whose setting Linux gives
/// each connection it accepts, and the connections themselves.
///
/// FlyingFox writes a response's head and body separately. With Nagle's algorithm on, a body
/// smaller than a segment (a page's hit boxes, an event) waits for the browser to acknowledge
/// the head, which a delayed acknowledgement holds up to 40 ms.
struct ImmediateSendPool: AsyncSocketPool {
  let base: any AsyncSocketPool

  init(_ base: any AsyncSocketPool = HTTPServer.defaultPool()) { self.base = base }

  /// The option turned on.
  static var noDelay: BoolSocketOption {
    BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY)
  }

  func prepare() async throws { try await base.prepare() }

  func run() async throws { try await base.run() }

  func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
    // A socket that is not TCP (none here) refuses the option; it is sent as before.
    try? socket.setValue(true, for: Self.noDelay)
    try await base.suspendSocket(socket, untilReadyFor: events)
  }
}
