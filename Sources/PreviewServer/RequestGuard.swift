/// Which requests the preview answers: those addressed to it by its own name (`Host`
/// `127.0.0.1:PORT` or `localhost:PORT`, against DNS rebinding) and, when they say where they
/// come from (`Origin`, `Sec-Fetch-Site`), sent by its own page or typed in by the user (so
/// another website's `<img>` cannot make it draw pages).
struct RequestGuard: Sendable {
  let port: UInt16

  /// The names the preview goes by.
  var hosts: [String] { ["127.0.0.1:\(port)", "localhost:\(port)"] }

  /// Whether a request with these `Host`, `Origin` and `Sec-Fetch-Site` headers (nil: absent)
  /// may be answered.
  func admits(host: String?, origin: String?, fetchSite: String? = nil) -> Bool {
    guard let host, hosts.contains(host.lowercased()) else { return false }
    if let fetchSite, !["same-origin", "none"].contains(fetchSite.lowercased()) { return false }
    guard let origin else { return true }
    return hosts.contains { "http://\($0)" == origin.lowercased() }
  }

  /// Every response's safety headers: what the page may load and run (its own script and
  /// style, its own pictures and events; nothing framed, no form sent), and no type guessing.
  static let headers: [(name: String, value: String)] = [
    (
      "Content-Security-Policy",
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
  ]
}
