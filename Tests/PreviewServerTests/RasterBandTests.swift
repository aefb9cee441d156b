import FlyingFox
import Foundation
import Testing

@testable import PreviewServer
@testable import Rendering

/// `/pages/<document>/<n>.rgba?w=<pixels>&since=<version>`: after a page's raster was sent, a later
/// version of it comes as the band of rows that differ from the one the browser names, which put
/// on that raster gives the later version's whole raster; any other `since` gets the whole page.
@Suite struct RasterBandTests {
  typealias Route = PageRasterRouteTests

  /// The reply's header `name` as a number.
  static func header(_ reply: Route.Reply, _ name: String) -> Int? {
    reply.headers[HTTPHeader(name)].flatMap { Int($0) }
  }

  @Test func aLaterVersionComesAsTheRowsThatChanged() async throws {
    let (handler, builder, dir) = try Route.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let width = ["w": "300"]
    let before = try #require(handler.store.snapshot.document("certificate")?.versions.first)
    let old = try await Route.get(handler, "/pages/certificate/1.rgba", width)
    #expect(old.headers[HTTPHeader("X-Raster-Since")] == nil, "the first raster is not whole")
    let height = try #require(Self.header(old, "X-Raster-Height"))
    #expect(old.body.count == 300 * height * 4)
    #expect(old.headers[HTTPHeader("X-Raster-Version")] == before)

    try FirstPaintsTests.rebuild(builder, first: "Abe", in: dir)
    let after = try #require(handler.store.snapshot.document("certificate")?.versions.first)
    #expect(after != before)
    let band = try await Route.get(
      handler, "/pages/certificate/1.rgba", width.merging(["since": before]) { $1 })
    #expect(band.status == 200)
    #expect(band.headers[HTTPHeader("X-Raster-Since")] == before)
    #expect(band.headers[HTTPHeader("X-Raster-Version")] == after)
    #expect(Self.header(band, "X-Raster-Height") == height)
    let top = try #require(Self.header(band, "X-Raster-Top"))
    let rowBytes = 300 * 4
    #expect(band.body.count % rowBytes == 0)
    let rows = top..<(top + band.body.count / rowBytes)
    #expect(!rows.isEmpty && rows.count < height / 2, "a name's rows, not the page: \(rows)")

    // The whole raster of the new version: the band is its rows `rows`; every row outside them
    // is the old raster's, and the band's first and last rows are not (exactly the rows changed).
    let whole = try await Route.get(handler, "/pages/certificate/1.rgba", width)
    #expect(whole.headers[HTTPHeader("X-Raster-Since")] == nil)
    #expect(whole.body.count == old.body.count)
    let row = { (bytes: [UInt8], y: Int) in bytes[(y * rowBytes)..<((y + 1) * rowBytes)] }
    var patched = old.body
    patched.replaceSubrange(
      (rows.lowerBound * rowBytes)..<(rows.upperBound * rowBytes), with: band.body)
    #expect(patched == whole.body, "the band on the old raster is not the new raster")
    #expect(row(old.body, rows.lowerBound) != row(whole.body, rows.lowerBound))
    #expect(row(old.body, rows.upperBound - 1) != row(whole.body, rows.upperBound - 1))

    // zstd as for a whole page.
    try FirstPaintsTests.rebuild(builder, first: "Cy", in: dir)
    let compressed = try await Route.get(
      handler, "/pages/certificate/1.rgba", width.merging(["since": after]) { $1 },
      headers: [HTTPHeader("Accept-Encoding"): "zstd"])
    #expect(compressed.headers[.contentEncoding] == "zstd")
    #expect(compressed.headers[HTTPHeader("X-Raster-Since")] == after)
    #expect(compressed.body.starts(with: Route.zstdMagic))
  }

  /// The version drawn is the current build's, whichever the request names (`v`): a browser
  /// asking for a version a build has replaced meanwhile learns which one it got.
  @Test func theVersionDrawnIsNamedWhateverVersionWasAsked() async throws {
    let (handler, builder, dir) = try Route.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let before = try #require(handler.store.snapshot.document("certificate")?.versions.first)
    try FirstPaintsTests.rebuild(builder, first: "Abe", in: dir)
    let after = try #require(handler.store.snapshot.document("certificate")?.versions.first)
    #expect(after != before)
    for asked in [before, after] {
      let reply = try await Route.get(
        handler, "/pages/certificate/1.rgba", ["w": "300", "v": asked])
      #expect(reply.status == 200)
      #expect(reply.headers[HTTPHeader("X-Raster-Version")] == after, "asked \(asked)")
    }
  }

  /// A page drawn ahead (in view when a build changed it) is drawn against the raster kept of it:
  /// a request naming that raster's version gets the band drawn; one naming another version, or
  /// none, gets the whole page, still drawn once.
  @Test func aPageDrawnAheadComesAsABandSinceTheRasterKept() async throws {
    let (handler, builder, dir) = try Route.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let paints = handler.store.firstPaints
    let width = ["w": "300"]
    let first = try await Route.get(handler, "/pages/certificate/1.rgba", width)
    let height = try #require(Self.header(first, "X-Raster-Height"))
    _ = try await Route.get(handler, "/view/certificate", ["pages": "1", "w": "300"])
    for (name, since) in zip(["Abe", "Cy", "Di"], [true, false, nil] as [Bool?]) {
      // The version last sent: the raster kept.
      let kept = try #require(handler.store.snapshot.document("certificate")?.versions.first)
      let drawnBefore = paints.drawn
      try FirstPaintsTests.rebuild(builder, first: name, in: dir)
      #expect(paints.waiting == 1)
      let query: [String: String] =
        switch since {
        case true?: width.merging(["since": kept]) { $1 }
        case false?: width.merging(["since": "not-a-version"]) { $1 }
        case nil: width
        }
      let reply = try await Route.get(handler, "/pages/certificate/1.rgba", query)
      #expect(reply.status == 200, "\(query)")
      #expect(paints.drawn == drawnBefore + 1, "drawn once: \(query)")
      #expect(paints.waiting == 0)
      if since == true {
        #expect(reply.headers[HTTPHeader("X-Raster-Since")] == kept)
        let top = try #require(Self.header(reply, "X-Raster-Top"))
        let rows = reply.body.count / (300 * 4)
        #expect(rows > 0 && rows < height / 2 && top + rows <= height, "a band: \(top), \(rows)")
      } else {
        #expect(reply.headers[HTTPHeader("X-Raster-Since")] == nil, "\(query)")
        #expect(reply.body.count == 300 * height * 4, "\(query)")
      }
    }
  }

  @Test func aVersionNotKeptOrAnotherWidthGetsTheWholePage() async throws {
    let (handler, builder, dir) = try Route.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let before = try #require(handler.store.snapshot.document("certificate")?.versions.first)
    _ = try await Route.get(handler, "/pages/certificate/1.rgba", ["w": "300"])
    try FirstPaintsTests.rebuild(builder, first: "Abe", in: dir)
    for query in [
      ["w": "300", "since": "not-a-version"], ["w": "200", "since": before],
      ["w": "300", "since": ""],
    ] {
      let reply = try await Route.get(handler, "/pages/certificate/1.rgba", query)
      let height = try #require(Self.header(reply, "X-Raster-Height"))
      let width = try #require(Self.header(reply, "X-Raster-Width"))
      #expect(reply.status == 200, "\(query)")
      #expect(reply.headers[HTTPHeader("X-Raster-Since")] == nil, "\(query)")
      #expect(reply.body.count == width * height * 4, "\(query)")
    }
  }

  @Test func onlyTheLastRasterOfAPageAtAWidthIsKeptWithinTheBound() {
    func pixels(_ width: Int, _ height: Int) -> RasterPixels {
      RasterPixels(
        width: width, height: height, bytes: [UInt8](repeating: 255, count: width * height * 4))
    }
    func key(_ page: Int, _ version: String, _ width: Int = 1000) -> FirstPaints.Key {
      FirstPaints.Key(document: "d", page: page, version: version, width: width)
    }
    var kept = KeptRasters()
    kept.keep(pixels(1000, 1000), as: key(1, "a"))
    kept.keep(pixels(1000, 1000), as: key(1, "b"))
    #expect(kept.pixels(of: key(1, "a")) == nil)
    #expect(kept.latest(of: key(1, "c"))?.version == "b")
    kept.keep(pixels(500, 500), as: key(1, "b", 500))
    #expect(kept.latest(of: key(1, "c"))?.version == "b")
    // 4 MB each: 16 more fill the bound, and the raster least recently sent goes.
    for page in 2...(KeptRasters.mostBytes / 4_000_000 + 1) {
      kept.keep(pixels(1000, 1000), as: key(page, "a"))
    }
    #expect(kept.pixels(of: key(1, "b")) == nil)
    #expect(kept.pixels(of: key(1, "b", 500)) != nil)
    #expect(kept.pixels(of: key(2, "a")) != nil)
  }
}
