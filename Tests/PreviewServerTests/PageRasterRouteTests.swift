import FlyingFox
import Foundation
import Testing

@testable import PreviewServer

/// `/pages/<document>/<n>.png?w=<pixels>`: a page's first paint after a change, drawn from the
/// current build's frames at the width the page asks for, by route only.
@Suite struct PageRasterRouteTests {
  static let port: UInt16 = 8123

  /// The handler of a store holding a build of certificates (the preview shows the first copy, one
  /// page), made in a fresh folder.
  static func handler() throws -> (PreviewHandler, folder: String) {
    let dir = try PreviewBuilderTests.project(named: "raster")
    let store = PreviewStore()
    try PreviewBuilderTests().build(
      PreviewBuilder(store: store), roster: "name\nAda\nBo\n", in: dir)
    let handler = PreviewHandler(
      store: store, requestGuard: RequestGuard(port: port),
      workingDirectory: URL(fileURLWithPath: dir, isDirectory: true))
    return (handler, dir)
  }

  /// A GET of `path` with `query`, addressed to the preview (or to `host`).
  static func get(
    _ handler: PreviewHandler, _ path: String, _ query: [String: String] = [:],
    host: String = "127.0.0.1:\(port)"
  ) async throws -> (status: Int, type: String?, body: [UInt8]) {
    let request = HTTPRequest(
      method: .GET, version: .http11, path: path,
      query: query.map { HTTPRequest.QueryItem(name: $0.key, value: $0.value) },
      headers: [.host: host], body: Data())
    let response = try await handler.handleRequest(request)
    return (
      response.statusCode.code, response.headers[.contentType], Array(try await response.bodyData)
    )
  }

  /// The width and height a PNG's header gives (nil: not a PNG).
  static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
    guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
      Array(bytes[12..<16]) == Array("IHDR".utf8)
    else { return nil }
    func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (number(16), number(20))
  }

  @Test func aPageIsDrawnAsAPNGAtTheWidthAsked() async throws {
    let (handler, dir) = try Self.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let page = try #require(handler.store.snapshot.document("certificate")?.drawer.pages.first)

    let asked = try await Self.get(handler, "/pages/certificate/1.png", ["w": "300", "v": "x"])
    #expect(asked.status == 200)
    #expect(asked.type == "image/png")
    let size = try #require(Self.pngSize(asked.body), "not a PNG")
    #expect(size.width == 300)
    #expect(size.height == Int((page.size.height * 300 / page.size.width).rounded()))

    // No width asked: the page element's CSS width (4/3 pixel a point).
    let plain = try await Self.get(handler, "/pages/certificate/1.png")
    #expect(Self.pngSize(plain.body)?.width == Int((page.size.width * 4 / 3).rounded()))

    // A width past a device pixel ratio of 3 (4 pixels a point) or 8 million pixels is capped.
    let huge = try await Self.get(handler, "/pages/certificate/1.png", ["w": "999999"])
    let capped = try #require(Self.pngSize(huge.body), "not a PNG")
    #expect(Double(capped.width) <= page.size.width * 4)
    #expect(Double(capped.width * capped.height) <= RasterWidth.mostPixels * 1.001)
    #expect(Double(capped.width) >= page.size.width * 3.9)
  }

  @Test func onlyPagesOfTheBuildAreDrawnAndNoPathNamesAFile() async throws {
    let (handler, dir) = try Self.handler()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for path in [
      "/pages/certificate/2.png", "/pages/certificate/0.png", "/pages/other/1.png",
      "/pages/certificate/1.png/..", "/pages/certificate/..%2f1.png", "/pages/../pmreport.yml",
      "/pmreport.yml", "/pages/certificate/1.PNG", "/pages/certificate/1.png.svg",
    ] {
      let reply = try await Self.get(handler, path, ["w": "200"])
      #expect(reply.status == 404, "\(path)")
      #expect(!String(decoding: reply.body, as: UTF8.self).contains(dir), "\(path)")
    }
    for width in ["0", "-5", "abc", "2e3", "../1", "", "99999999999999999999"] {
      let reply = try await Self.get(handler, "/pages/certificate/1.png", ["w": width])
      #expect(reply.status == 404, "w=\(width)")
    }
    let foreign = try await Self.get(
      handler, "/pages/certificate/1.png", ["w": "200"], host: "evil.example:\(Self.port)")
    #expect(foreign.status == 403)
  }
}
