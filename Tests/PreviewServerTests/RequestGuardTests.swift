import Testing

@testable import PreviewServer

/// Which requests the preview answers, and which URLs are routes: nothing else is served.
@Suite struct RequestGuardTests {
  let guarded = RequestGuard(port: 8123)

  @Test func admitsItsOwnNamesOnly() {
    #expect(guarded.admits(host: "127.0.0.1:8123", origin: nil))
    #expect(guarded.admits(host: "localhost:8123", origin: nil))
    #expect(guarded.admits(host: "LOCALHOST:8123", origin: "http://localhost:8123"))
    #expect(guarded.admits(host: "127.0.0.1:8123", origin: "http://127.0.0.1:8123"))
    // DNS rebinding: a foreign name resolving to 127.0.0.1.
    #expect(!guarded.admits(host: "evil.example:8123", origin: nil))
    #expect(!guarded.admits(host: "127.0.0.1", origin: nil))
    #expect(!guarded.admits(host: "127.0.0.1:8124", origin: nil))
    // Another website's <img> or fetch names itself in Sec-Fetch-Site even without Origin.
    #expect(guarded.admits(host: "127.0.0.1:8123", origin: nil, fetchSite: "same-origin"))
    #expect(guarded.admits(host: "127.0.0.1:8123", origin: nil, fetchSite: "none"))
    #expect(!guarded.admits(host: "127.0.0.1:8123", origin: nil, fetchSite: "cross-site"))
    #expect(!guarded.admits(host: "127.0.0.1:8123", origin: nil, fetchSite: "same-site"))
    #expect(!guarded.admits(host: nil, origin: nil))
    // Another page's script.
    #expect(!guarded.admits(host: "127.0.0.1:8123", origin: "http://evil.example"))
    #expect(!guarded.admits(host: "127.0.0.1:8123", origin: "null"))
    #expect(!guarded.admits(host: "127.0.0.1:8123", origin: "https://127.0.0.1:8123"))
  }

  @Test func everyResponseForbidsForeignScripts() {
    let policy = RequestGuard.headers.first { $0.name == "Content-Security-Policy" }?.value
    #expect(policy?.contains("default-src 'none'") == true)
    #expect(policy?.contains("script-src 'self'") == true)
  }

  @Test func routesAreMatchedWholeAndNeverNameFiles() {
    #expect(Route(path: "/") == .index)
    #expect(Route(path: "/state.json") == .state)
    #expect(Route(path: "/events") == .events)
    #expect(
      Route(path: "/pages/full-report/3.svg")
        == .page(document: "full-report", number: 3, format: .svg))
    #expect(
      Route(path: "/pages/full-report/12.json")
        == .page(document: "full-report", number: 12, format: .json))
    #expect(
      Route(path: "/pages/full-report/3.rgba")
        == .page(document: "full-report", number: 3, format: .rgba))
    #expect(Route(path: "/view/full-report") == .view(document: "full-report"))
    for path in [
      "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/pages/../../etc/passwd",
      "/pages/full-report/../../etc/passwd", "/pages/full-report/0.svg",
      "/pages/full-report/-1.svg", "/pages/full-report/3.gif", "/pages/full-report/3",
      "/pages//3.svg", "/pages/full-report/3.svg/x", "/app.js/", "/Output/", "", "/index.html",
      "/pages/full-report/٣.svg", "/pages/full-report/3.png", "/view/", "/view//x",
      "/view/full-report/3",
    ] {
      #expect(Route(path: path) == nil, "\(path)")
    }
  }

  @Test func presentRoutesNameADeckAndOneOfItsViews() {
    #expect(Route(path: "/present.js") == .presentScript)
    #expect(Route(path: "/present.css") == .presentStyle)
    #expect(Route(path: "/present/slides") == .present(document: "slides", view: .slides))
    #expect(Route(path: "/present/slides/notes") == .present(document: "slides", view: .notes))
    #expect(
      Route(path: "/present/slides/slides.json") == .present(document: "slides", view: .data))
    for path in [
      "/present", "/present/", "/present//notes", "/present/slides/", "/present/slides/other",
      "/present/slides/notes/x", "/present/../../etc/passwd", "/present/slides/../notes",
    ] {
      #expect(Route(path: path) == nil, "\(path)")
    }
  }
}
