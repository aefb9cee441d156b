import FlyingFox
import Foundation
import Testing

@testable import PreviewServer

/// `/pages/<document>/<n>.rgba?w=<pixels>`: a page's first paint after a change, its pixels
/// drawn from the current build's frames at the width the page asks for, by route only.
@Suite struct PageRasterRouteTests {
  static let port: UInt16 = 8123
  /// The first bytes of a zstd frame.
  static let zstdMagic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]

  /// The handler of a store holding a build of certificates (the preview shows the first copy, one
  /// page), made in a fresh folder, and the builder that builds it.
  static func handler() throws -> (PreviewHandler, PreviewBuilder, folder: String) {
    let dir = try PreviewBuilderTests.project(named: "raster")
    let builder = PreviewBuilder(store: PreviewStore())
    try PreviewBuilderTests().build(builder, roster: "name\nAda\nBo\n", in: dir)
    let handler = PreviewHandler(
      store: builder.store, requestGuard: RequestGuard(port: port),
      workingDirectory: URL(fileURLWithPath: dir, isDirectory: true))
    return (handler, builder, dir)
  }

  /// What a reply holds and says of itself.
  struct Reply {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
  }

  /// A GET of `path` with `query` and `headers`, addressed to the preview (or to `host`).
  static func get(
    _ handler: PreviewHandler, _ path: String, _ query: [String: String] = [:],
    host: String = "127.0.0.1:\(port)", headers: [HTTPHeader: String] = [:]
  ) async throws -> Reply {
    let request = HTTPRequest(
      method: .GET, version: .http11, path: path,
      query: query.map { HTTPRequest.QueryItem(name: $0.key, value: $0.value) },
      headers: headers.merging([.host: host]) { _, host in host }, body: Data())
    let response = try await handler.handleRequest(request)
    return Reply(
      status: response.statusCode.code, headers: response.headers,
      body: Array(try await response.bodyData))
  }

  @Test func aPageIsDrawnAsPixelsAtTheWidthAsked() async throws {
    let (handler, _, dir) = try Self.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let page = try #require(handler.store.snapshot.document("certificate")?.drawer.pages.first)
    let height = Int((page.size.height * 300 / page.size.width).rounded())

    // A browser that takes zstd gets a zstd frame.
    let zstd = try await Self.get(
      handler, "/pages/certificate/1.rgba", ["w": "300", "v": "x"],
      headers: [HTTPHeader("Accept-Encoding"): "gzip, deflate, br, zstd"])
    #expect(zstd.status == 200)
    #expect(zstd.headers[.contentType] == "application/octet-stream")
    #expect(zstd.headers[.contentEncoding] == "zstd")
    #expect(zstd.headers[HTTPHeader("X-Raster-Width")] == "300")
    #expect(zstd.body.starts(with: Self.zstdMagic))
    #expect(zstd.body.count < 300 * height * 4 / 4)

    // One that does not gets the pixels as they are: opaque, white in a certificate's corner.
    let plain = try await Self.get(handler, "/pages/certificate/1.rgba", ["w": "300"])
    #expect(plain.status == 200 && plain.headers[.contentEncoding] == nil)
    #expect(plain.body.count == 300 * height * 4)
    #expect(Array(plain.body.prefix(4)) == [255, 255, 255, 255])
    #expect(stride(from: 3, to: plain.body.count, by: 4).allSatisfy { plain.body[$0] == 255 })
    #expect(plain.body.contains { $0 < 128 }, "nothing drawn")

    // No width asked: the page element's CSS width (4/3 pixel a point).
    let css = try await Self.get(handler, "/pages/certificate/1.rgba")
    #expect(
      css.headers[HTTPHeader("X-Raster-Width")] == String(Int((page.size.width * 4 / 3).rounded())))

    // A width past a device pixel ratio of 3 (4 pixels a point) or 8 million pixels is capped.
    let huge = try await Self.get(handler, "/pages/certificate/1.rgba", ["w": "999999"])
    let capped = try #require(huge.headers[HTTPHeader("X-Raster-Width")].flatMap { Int($0) })
    #expect(Double(capped) <= page.size.width * 4)
    #expect(Double(huge.body.count / 4) <= RasterWidth.mostPixels * 1.001)
    #expect(Double(capped) >= page.size.width * 3.9)
  }

  @Test func onlyPagesOfTheBuildAreDrawnAndNoPathNamesAFile() async throws {
    let (handler, _, dir) = try Self.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for path in [
      "/pages/certificate/2.rgba", "/pages/certificate/0.rgba", "/pages/other/1.rgba",
      "/pages/certificate/1.rgba/..", "/pages/certificate/..%2f1.rgba", "/pages/../pmreport.yml",
      "/pmreport.yml", "/pages/certificate/1.RGBA", "/pages/certificate/1.rgba.svg",
      "/pages/certificate/1.png",
    ] {
      let reply = try await Self.get(handler, path, ["w": "200"])
      #expect(reply.status == 404, "\(path)")
      #expect(!String(decoding: reply.body, as: UTF8.self).contains(dir), "\(path)")
    }
    for width in ["0", "-5", "abc", "2e3", "../1", "", "99999999999999999999"] {
      let reply = try await Self.get(handler, "/pages/certificate/1.rgba", ["w": width])
      #expect(reply.status == 404, "w=\(width)")
    }
    let foreign = try await Self.get(
      handler, "/pages/certificate/1.rgba", ["w": "200"], host: "evil.example:\(Self.port)")
    #expect(foreign.status == 403)
  }
}
