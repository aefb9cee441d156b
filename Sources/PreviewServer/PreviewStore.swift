import Foundation

/// What the server reads and the build task writes: the current snapshot, the pages drawn for
/// it (as SVG; their first paints are ``firstPaints``'), and the browsers listening for builds.
///
/// The build task replaces the snapshot whole; the server takes it under the lock and draws from
/// it outside, so neither waits for the other's work.
final class PreviewStore: @unchecked Sendable {
  // @unchecked: every stored property is read and written under `lock`.
  private let lock = NSLock()
  private var current = PreviewSnapshot()
  /// Pages drawn, by document, page and version: a page that did not change is not drawn again.
  private var drawn: [String: [UInt8]] = [:]
  private let listeners = Listeners()
  /// Changed pages' first paints, drawn ahead for those in view (their bands pushed to the
  /// listeners).
  let firstPaints: FirstPaints
  /// The editor link the page opens (`{path}` and `{line}` filled in), part of the state.
  let editorLink: String

  init(editorLink: String = PreviewServer.defaultEditorLink) {
    self.editorLink = editorLink
    firstPaints = FirstPaints(listeners: listeners)
  }

  var snapshot: PreviewSnapshot { lock.withLock { current } }

  /// How many browsers listen (for the tests: a closed tab must not stay a listener).
  var listenerCount: Int { listeners.count }

  /// Makes `snapshot` the current one, forgets the pages it no longer has, starts drawing the
  /// pages of `changed` (1-based, by document) in view (each then pushed: ``FirstPaints``) and
  /// sends each listener `event` of those drawn ahead and of when `snapshot` became the one
  /// served; the last snapshot is let go after that.
  func publish(
    _ snapshot: PreviewSnapshot, changed: [String: [Int]],
    event: (_ ahead: [FirstPaints.Key], _ publishedAt: Date) -> [UInt8]
  ) {
    let live = Set(
      snapshot.documents.flatMap { document in
        document.versions.enumerated().map { Self.key(document.name, $0.offset + 1, $0.element) }
      })
    // The last snapshot and the pages drawn for it are let go once the event has gone (freeing
    // the last build's pages took as long as the rest of this).
    let (publishedAt, replaced) = lock.withLock {
      let replaced = (current, drawn)
      current = snapshot
      drawn = drawn.filter { live.contains($0.key) }
      return (Date(), replaced)
    }
    firstPaints.published(snapshot, changed: changed) { listeners.send(event($0, publishedAt)) }
    withExtendedLifetime(replaced) {}
  }

  /// Page `page` (1-based) of `document` in the current snapshot as SVG; nil when there is no
  /// such page.
  func svg(document name: String, page: Int) throws -> [UInt8]? {
    guard let document = snapshot.document(name), document.has(page: page) else { return nil }
    let key = Self.key(name, page, document.versions[page - 1])
    if let bytes = lock.withLock({ drawn[key] }) { return bytes }
    let bytes = try document.drawer.svg(page: page - 1, reportedAs: "\(name) page \(page)")
    lock.withLock { drawn[key] = bytes }
    return bytes
  }

  /// Page `page` (1-based) of `document` in the current snapshot as its first paint at the width
  /// `asked` (the query's `w`; see ``RasterWidth``), as the rows changed since the version
  /// `since` when its raster is the one kept (``FirstPaints``); nil when there is no such page or
  /// `asked` is not a width.
  func firstPaint(document name: String, page: Int, width asked: String?, since: String?)
    async throws -> FirstPaint?
  {
    guard let document = snapshot.document(name), document.has(page: page) else { return nil }
    return try await firstPaints.paint(of: document, page: page, width: asked, since: since)
  }

  /// The events of the builds from now on, each as one server-sent event's bytes.
  func listen() -> AsyncStream<[UInt8]> { listeners.listen() }

  private static func key(_ document: String, _ page: Int, _ version: String) -> String {
    "\(document)/\(page)/\(version)"
  }
}
