import FlyingFox
import Foundation
import Testing

@testable import PreviewServer

/// The bands pushed on the event stream (``PushedBand``): a changed page in view drawn ahead ends
/// in one `raster` event after the build's event, which names it in `ahead`; a small band of the
/// rows changed since the page's last raster sent carries its pixels and is kept as the page's
/// last raster sent, with no request; a whole page, or one a later build drops, is to be asked for.
@Suite struct PushedBandTests {
  typealias Route = PageRasterRouteTests

  /// A server-sent event: its name, its JSON header (the first `data:` line) and its other
  /// `data:` lines.
  struct Event {
    var name: String
    var header: [String: Any]
    var rest: [String]

    /// The header's `key` object's `field`, as text (`page.version`, `band.since`).
    func text(_ key: String, _ field: String) -> String? {
      (header[key] as? [String: Any])?[field].map { "\($0)" }
    }

    /// The pages a build event says are drawn ahead, as `page/version`.
    var ahead: [String] {
      (header["ahead"] as? [[String: Any]] ?? []).map {
        "\($0["page"] ?? "")/\($0["version"] ?? "")"
      }
    }
  }

  /// The next event but the builds that draw nothing ahead (each build publishes the
  /// certificates and, apart, each chart).
  static func next(_ events: inout AsyncStream<[UInt8]>.Iterator) async throws -> Event {
    while true {
      let bytes = try #require(await events.next())
      let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
      let name = lines.first { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) } ?? ""
      let data = lines.filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
      let header = try #require(
        try JSONSerialization.jsonObject(with: Data((data.first ?? "").utf8)) as? [String: Any])
      let event = Event(name: name, header: header, rest: Array(data.dropFirst()))
      if name != "build" || !event.ahead.isEmpty { return event }
    }
  }

  /// A build of certificates whose page 1 the browser has in view at 300 px, listened to.
  static func listening() async throws -> (
    PreviewHandler, PreviewBuilder, folder: String, events: AsyncStream<[UInt8]>.Iterator
  ) {
    let (handler, builder, dir) = try Route.handler()
    _ = try await Route.get(handler, "/view/certificate", ["pages": "1", "w": "300"])
    return (handler, builder, dir, handler.store.listen().makeAsyncIterator())
  }

  /// The version of page 1 of the certificates the store serves.
  static func version(_ store: PreviewStore) throws -> String {
    try #require(store.snapshot.document("certificate")?.versions.first)
  }

  @Test func aSmallBandIsPushedAndKeptWithoutARequest() async throws {
    let (handler, builder, dir, listened) = try await Self.listening()
    var events = listened
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let store = handler.store

    // The page's first raster is whole: not pushed, the browser asks for it.
    try FirstPaintsTests.rebuild(builder, first: "Abe", in: dir)
    let abe = try Self.version(store)
    let build = try await Self.next(&events)
    #expect(build.name == "build" && build.ahead == ["1/\(abe)"])
    let whole = try await Self.next(&events)
    #expect(whole.name == "raster" && whole.header["band"] == nil && whole.rest.isEmpty)
    #expect(whole.text("page", "version") == abe && whole.text("page", "width") == "300")
    #expect(store.firstPaints.waiting == 1, "the whole page waits for its request")
    let asked = try await Route.get(handler, "/pages/certificate/1.rgba", ["w": "300"])
    #expect(asked.status == 200)

    // The next change of the page is a band of the rows changed since: pushed, kept, not waiting.
    try FirstPaintsTests.rebuild(builder, first: "Abi", in: dir)
    let abi = try Self.version(store)
    let next = try await Self.next(&events)
    #expect(next.name == "build" && next.ahead == ["1/\(abi)"])
    let band = try await Self.next(&events)
    #expect(band.name == "raster" && band.text("band", "since") == abe)
    #expect(band.text("page", "version") == abi)
    #expect(store.firstPaints.waiting == 0 && store.firstPaints.unshownCount == 1)
    _ = try await Route.get(handler, "/pages/certificate/1.json", ["v": abi])
    #expect(store.firstPaints.unshownCount == 0, "shown: the page asked for its hit boxes")
    let pixels = try #require(Data(base64Encoded: band.rest.first ?? ""))
    let top = try #require(band.text("band", "top").flatMap { Int($0) })
    let height = try #require(band.text("band", "height").flatMap { Int($0) })
    #expect(!pixels.isEmpty && pixels.count < 300 * height * 4 / 4, "not a band")

    // The band is the new version's rows; the raster kept is the new version's (a request naming
    // it gets no changed row).
    let now = try await Route.get(handler, "/pages/certificate/1.rgba", ["w": "300"])
    #expect(now.body.count == 300 * height * 4)
    #expect(Array(now.body[(top * 1200)..<(top * 1200 + pixels.count)]) == Array(pixels))
    let since = try await Route.get(
      handler, "/pages/certificate/1.rgba", ["w": "300", "since": abi])
    #expect(since.headers[HTTPHeader("X-Raster-Since")] == abi && since.body.isEmpty)
  }

  @Test func aPageDroppedBeforeItsTurnIsToBeAskedFor() async throws {
    let (handler, builder, dir, listened) = try await Self.listening()
    var events = listened
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let store = handler.store
    store.firstPaints.queue.suspend()
    try FirstPaintsTests.rebuild(builder, first: "Abe", in: dir)
    let abe = try Self.version(store)
    #expect(try await Self.next(&events).ahead == ["1/\(abe)"])

    // The next build of the document drops it before it is drawn: its event says to ask.
    try FirstPaintsTests.rebuild(builder, first: "Abe", in: dir)
    store.firstPaints.queue.resume()
    let dropped = try await Self.next(&events)
    #expect(dropped.name == "raster" && dropped.header["band"] == nil)
    #expect(dropped.text("page", "version") == abe)
  }
}
