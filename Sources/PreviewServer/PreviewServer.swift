import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import PMReportKit

/// `pmreport watch --serve`: the live preview, an HTTP server (FlyingFox) on the loopback address
/// only, showing the pages of the last good build and told of every build by ``observer``.
///
/// The server runs on its own tasks and reads the snapshot the build task publishes: it never
/// waits for a build, and a build never waits for it. The process's end closes its sockets.
public final class PreviewServer {
  /// The fixed port `--port` defaults to.
  public static let defaultPort: UInt16 = 7317
  /// The default `--editor-link`: Visual Studio Code's file link.
  public static let defaultEditorLink = "vscode://file/{path}:{line}"

  /// The port it listens on (the one picked, for port 0).
  public let port: UInt16
  /// What `watch` tells of each build.
  public let observer: any BuildObserver
  /// What the server serves (internal: the tests count its listeners).
  let store: PreviewStore

  /// Starts serving on `127.0.0.1:port` (0: a free port) and returns once it listens; throws
  /// a usage error when the port cannot be had.
  ///
  /// `editorLink` is the link a click on the page opens (`{path}`, `{line}` filled in); relative
  /// source paths are taken from `workingDirectory`.
  public init(port: UInt16, editorLink: String, workingDirectory: String) throws {
    let store = PreviewStore(editorLink: editorLink)
    self.store = store
    observer = PreviewBuilder(store: store)
    let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
    let server = HTTPServer(address: address, pool: ImmediateSendPool(), logger: .disabled)
    let started = Started()
    Task.detached {
      do {
        try await server.run()
      } catch {
        started.fail(error)
      }
    }
    Task.detached {
      do {
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port) = await server.listeningAddress else {
          throw SocketError.unsupportedAddress
        }
        let handler = PreviewHandler(
          store: store, requestGuard: RequestGuard(port: port),
          workingDirectory: URL(fileURLWithPath: workingDirectory, isDirectory: true))
        await server.appendRoute("*", to: handler)
        started.listening(on: port)
      } catch {
        started.fail(error)
      }
    }
    self.port = try started.wait(requestedPort: port)
  }
}

/// The outcome of starting the server, handed from its tasks to the thread waiting for it.
private final class Started: @unchecked Sendable {
  // @unchecked: `outcome` is written once under `lock`, then `done` is signalled.
  private let lock = NSLock()
  private let done = DispatchSemaphore(value: 0)
  private var outcome: Result<UInt16, any Error>?

  func listening(on port: UInt16) { settle(.success(port)) }
  func fail(_ error: any Error) { settle(.failure(error)) }

  private func settle(_ result: Result<UInt16, any Error>) {
    let first = lock.withLock {
      guard outcome == nil else { return false }
      outcome = result
      return true
    }
    if first { done.signal() }
  }

  /// The port listened on, once known; the failure, as a usage error naming `requestedPort`.
  func wait(requestedPort: UInt16) throws -> UInt16 {
    done.wait()
    switch lock.withLock({ outcome }) {
    case .success(let port): return port
    case .failure(let error):
      throw UsageError.portUnavailable(requestedPort, reason: "\(error)")
    case nil: throw UsageError.portUnavailable(requestedPort, reason: "the server did not start")
    }
  }
}
