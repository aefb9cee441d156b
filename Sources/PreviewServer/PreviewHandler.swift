import FlyingFox
import Foundation

/// Answers the preview's requests: refuses those not addressed to it (403), answers only its
/// routes (404 for any other path), from the current snapshot in memory.
struct PreviewHandler: HTTPHandler {
  let store: PreviewStore
  let requestGuard: RequestGuard
  /// What relative source paths are relative to.
  let workingDirectory: URL

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard
      requestGuard.admits(
        host: request.headers[.host], origin: request.headers[HTTPHeader("Origin")],
        fetchSite: request.headers[HTTPHeader("Sec-Fetch-Site")])
    else { return Self.reply(.forbidden, "text/plain", Data("forbidden\n".utf8)) }
    guard request.method == .GET || request.method == .HEAD else {
      return Self.reply(.methodNotAllowed, "text/plain", Data("method not allowed\n".utf8))
    }
    switch Route(path: request.path) {
    case .index:
      return Self.reply(.ok, "text/html; charset=utf-8", Data(PackageResources.index_html))
    case .script:
      return Self.reply(.ok, "text/javascript; charset=utf-8", Data(PackageResources.app_js))
    case .style: return Self.reply(.ok, "text/css; charset=utf-8", Data(PackageResources.app_css))
    case .state:
      let state = StateReply(store.snapshot, editorLink: store.editorLink)
      return Self.reply(.ok, "application/json", try JSONEncoder.sorted.encode(state))
    case .events:
      let events = EventBytes(events: store.listen())
      // Each event in one write, however many pages its state lists.
      return Self.reply(
        .ok, "text/event-stream",
        body: HTTPBodySequence(from: events, suggestedBufferSize: EventBytes.largestWrite))
    case .page(let name, let number, .svg):
      guard let page = try store.svg(document: name, page: number) else { return Self.notFound }
      return Self.reply(.ok, "image/svg+xml", Data(page))
    case .page(let name, let number, .rgba):
      guard
        let paint = try await store.firstPaint(
          document: name, page: number, width: request.query["w"], since: request.query["since"])
      else { return Self.notFound }
      return await reply(paint, acceptEncoding: request.headers[HTTPHeader("Accept-Encoding")])
    case .view(let name):
      guard let document = store.snapshot.document(name),
        let view = ViewQuery(pages: request.query["pages"], widths: request.query["w"]),
        view.pages.allSatisfy({ document.has(page: $0.page) })
      else { return Self.notFound }
      store.firstPaints.noteView(document: name, pages: view.pages)
      return Self.reply(.noContent, "text/plain", Data())
    case .page(let name, let number, .json):
      guard let document = store.snapshot.document(name), document.has(page: number) else {
        return Self.notFound
      }
      // Asked for once a changed page's new picture is in place (with the picture for a page
      // coming into view): the files' writing may begin.
      store.firstPaints.noteShown(document: name, page: number, version: request.query["v"])
      let boxes = document.drawer.pages[number - 1].frame.sourceBoxes().map {
        SourceBoxReply($0, workingDirectory: workingDirectory)
      }
      return Self.reply(.ok, "application/json", try JSONEncoder.sorted.encode(boxes))
    case .presentScript:
      return Self.reply(.ok, "text/javascript; charset=utf-8", Data(PackageResources.present_js))
    case .presentStyle:
      return Self.reply(.ok, "text/css; charset=utf-8", Data(PackageResources.present_css))
    case .present(let name, let view): return try present(name, view)
    case nil: return Self.notFound
    }
  }

  /// A present view of deck `name` or its data; 404 when the current build has no such deck.
  private func present(_ name: String, _ view: Route.PresentView) throws -> HTTPResponse {
    let snapshot = store.snapshot
    guard let document = snapshot.document(name),
      let deck = PresentReply(document, generation: snapshot.generation)
    else { return Self.notFound }
    switch view {
    case .slides:
      return Self.reply(.ok, "text/html; charset=utf-8", Data(PackageResources.present_html))
    case .notes:
      return Self.reply(.ok, "text/html; charset=utf-8", Data(PackageResources.notes_html))
    case .data: return Self.reply(.ok, "application/json", try JSONEncoder.sorted.encode(deck))
    }
  }

  private static var notFound: HTTPResponse {
    reply(.notFound, "text/plain", Data("not found\n".utf8))
  }

  /// A first paint's pixels, compressed as zstd when the browser takes it (`Accept-Encoding`),
  /// with the version drawn (`X-Raster-Version`: the current build's, which may be later than the
  /// request's `v`) and the page's size (`X-Raster-Width`, `X-Raster-Height`); for a band of
  /// changed rows, its first row (`X-Raster-Top`) and the version whose raster it goes on
  /// (`X-Raster-Since`).
  ///
  /// Plain pixels are inflated on the first paints' queue, one page at a time.
  private func reply(_ paint: FirstPaint, acceptEncoding: String?) async -> HTTPResponse {
    let zstd = AcceptEncoding.takes("zstd", in: acceptEncoding)
    let bytes = zstd ? paint.compressed : await store.firstPaints.pixels(of: paint)
    guard let bytes else {
      return Self.reply(.internalServerError, "text/plain", Data("not drawn\n".utf8))
    }
    var response = Self.reply(.ok, "application/octet-stream", Data(bytes))
    if zstd { response.headers[.contentEncoding] = "zstd" }
    response.headers[HTTPHeader("X-Raster-Version")] = paint.version
    response.headers[HTTPHeader("X-Raster-Width")] = String(paint.width)
    response.headers[HTTPHeader("X-Raster-Height")] = String(paint.height)
    if let since = paint.since {
      response.headers[HTTPHeader("X-Raster-Top")] = String(paint.rows.lowerBound)
      response.headers[HTTPHeader("X-Raster-Since")] = since
    }
    return response
  }

  /// A reply of `body`, written in one piece (FlyingFox's default writes 4 KB at a time: a
  /// thousand writes for a page's pixels).
  private static func reply(_ status: HTTPStatusCode, _ type: String, _ body: Data)
    -> HTTPResponse
  {
    reply(status, type, body: HTTPBodySequence(data: body, suggestedBufferSize: max(body.count, 1)))
  }

  private static func reply(_ status: HTTPStatusCode, _ type: String, body: HTTPBodySequence)
    -> HTTPResponse
  {
    var headers = HTTPHeaders()
    headers[.contentType] = type
    for (name, value) in RequestGuard.headers { headers[HTTPHeader(name)] = value }
    return HTTPResponse(statusCode: status, headers: headers, body: body)
  }
}
