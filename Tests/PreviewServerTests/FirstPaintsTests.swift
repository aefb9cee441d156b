import FlyingFox
import Foundation
import Testing

@testable import PreviewServer

/// `/view/<document>` and the first paints drawn ahead: after a build, a changed page the browser
/// said it has in view is drawn before it is asked for, once; a later build of the document drops
/// it if not taken; no more than a few are drawn ahead.
@Suite struct FirstPaintsTests {
  typealias Route = PageRasterRouteTests

  /// Rebuilds the certificates with `first` as the first name (a changed page when it differs).
  static func rebuild(_ builder: PreviewBuilder, first: String, in dir: String) throws {
    try PreviewBuilderTests().build(builder, roster: "name\n\(first)\nBo\n", in: dir)
  }

  @Test func aChangedPageInViewIsDrawnAheadOnceAndTakenByItsRequest() async throws {
    let (handler, builder, dir) = try Route.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let paints = handler.store.firstPaints
    let view = try await Route.get(handler, "/view/certificate", ["pages": "1", "w": "300"])
    #expect(view.status == 204)

    try Self.rebuild(builder, first: "Abe", in: dir)
    // Drawn ahead: waiting for its request before any request came.
    #expect(paints.waiting == 1)
    // No browser listens for builds here (its tab closed): the files await no page being shown.
    #expect(paints.unshownCount == 0)
    let asked = try await Route.get(handler, "/pages/certificate/1.rgba", ["w": "300"])
    #expect(asked.status == 200 && asked.body.count > 0)
    #expect(paints.drawn == 1, "drawn again for the request")
    #expect(paints.waiting == 0)

    // Another width than the view's: drawn for the request.
    _ = try await Route.get(handler, "/pages/certificate/1.rgba", ["w": "200"])
    #expect(paints.drawn == 2)

    // A build that does not change the page draws nothing ahead.
    try Self.rebuild(builder, first: "Abe", in: dir)
    #expect(paints.waiting == 0)
  }

  /// The build task waits (``FirstPaints/awaitShown(of:before:)``) for the pages it drew ahead to
  /// be shown: one is awaited after its request has it, until the browser asks for the hit boxes
  /// of that version (what it does once the picture is in place), then none, so the wait ends at
  /// once; a page of an earlier build never shown is not awaited.
  @Test func aBuildAwaitsThePagesDrawnAheadUntilTheyAreShown() async throws {
    let (handler, builder, dir) = try Route.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let paints = handler.store.firstPaints
    let listening = handler.store.listen()  // a browser listening for builds
    defer { withExtendedLifetime(listening) {} }
    _ = try await Route.get(handler, "/view/certificate", ["pages": "1", "w": "300"])
    try Self.rebuild(builder, first: "Abe", in: dir)
    #expect(paints.unshownCount == 1, "nothing shown: the build stopped waiting at its deadline")
    _ = try await Route.get(handler, "/pages/certificate/1.rgba", ["w": "300"])
    #expect(paints.unshownCount == 1, "sent, not yet shown")
    // The next build awaits its own page version alone: the one before was never shown.
    try Self.rebuild(builder, first: "Abi", in: dir)
    #expect(paints.unshownCount == 1)
    _ = try await Route.get(handler, "/pages/certificate/1.json", ["v": "0"])
    #expect(paints.unshownCount == 1, "another version's hit boxes")
    let version = try #require(handler.store.snapshot.document("certificate")?.versions.first)
    let boxes = try await Route.get(handler, "/pages/certificate/1.json", ["v": version])
    #expect(boxes.status == 200)
    #expect(paints.unshownCount == 0)
    paints.awaitShown(of: ["certificate"], before: .distantFuture)
    // A build that changes nothing in view awaits nothing.
    try Self.rebuild(builder, first: "Abi", in: dir)
    #expect(paints.unshownCount == 0)
  }

  @Test func aLaterBuildDropsWhatWasNotTakenAndFewAreDrawnAhead() async throws {
    let (handler, builder, dir) = try Route.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let paints = handler.store.firstPaints
    // Five widths of page 1 in view: only the first three are drawn ahead. The queue is held,
    // so none has its turn before the next build.
    let widths = ["300", "301", "302", "303", "304"]
    let view = try await Route.get(
      handler, "/view/certificate",
      ["pages": "1,1,1,1,1", "w": widths.joined(separator: ",")])
    #expect(view.status == 204)
    paints.queue.suspend()
    try Self.rebuild(builder, first: "Abe", in: dir)
    #expect(paints.waiting == FirstPaints.mostAhead)

    // The next build of the document drops them (the page did not change: nothing new ahead).
    try Self.rebuild(builder, first: "Abe", in: dir)
    #expect(paints.waiting == 0)
    paints.queue.resume()
    // Dropped before their turn, they are never drawn: only the page the request asks for is.
    let asked = try await Route.get(handler, "/pages/certificate/1.rgba", ["w": "300"])
    #expect(asked.status == 200)
    #expect(paints.drawn == 1)
  }

  @Test func aViewNamesPagesOfTheBuildAndWidths() async throws {
    let (handler, _, dir) = try Route.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for (path, query) in [
      ("/view/other", ["pages": "1", "w": "300"]),
      ("/view/certificate", ["pages": "2", "w": "300"]),
      ("/view/certificate", ["pages": "0", "w": "300"]),
      ("/view/certificate", ["pages": "1,1", "w": "300"]),
      ("/view/certificate", ["pages": "1", "w": "-3"]),
      ("/view/certificate", ["pages": "x", "w": "300"]),
    ] {
      let reply = try await Route.get(handler, path, query)
      #expect(reply.status == 404, "\(path) \(query)")
    }
    let none = try await Route.get(handler, "/view/certificate")
    #expect(none.status == 204)
    let foreign = try await Route.get(
      handler, "/view/certificate", ["pages": "1", "w": "300"],
      headers: [HTTPHeader("Sec-Fetch-Site"): "cross-site"])
    #expect(foreign.status == 403)
  }
}
