import Dispatch
import Foundation
import Rendering

/// The first paints of changed pages (``FirstPaint``), drawn ahead for the pages in view.
///
/// Drawn one at a time on a queue of their own, so requests in a burst cannot hold many pictures
/// at once and no server task waits on a lock: those a browser asks for, and, as soon as a build
/// is published, those of the changed pages the browser said it has in view
/// (``noteView(document:pages:)``), at the widths it will ask for. A page drawn ahead is drawn
/// once: the request for it awaits it, drawn or in flight.
///
/// The last raster sent of each page at each width is kept (``KeptRasters``): a request that
/// names the version its canvas shows (`since`) gets only the rows that changed since, when that
/// raster is the one kept. A page drawn ahead is compressed against the one kept, which is what
/// the browser will name unless another tab asked for the page meanwhile; when that makes it a
/// small band and a browser listens, it is pushed on the event stream as soon as drawn
/// (``PushedBand``) and kept as the page's last raster sent, without waiting for a request. Each
/// page drawn ahead ends in one `raster` event: its band, or a word that the browser should ask
/// (not a band, too large, failed, or dropped by a later build).
///
/// Bounded: at most ``mostAhead`` pages a document are drawn ahead, each kept (its first paint and
/// its raw pixels, up to 32 MB: what it is kept as once sent) until a request takes it or the
/// document's next build is published, which drops those not yet taken. The pixels held are thus
/// at most ``KeptRasters/mostBytes`` for the rasters sent plus ``mostAhead`` × 32 MB a document
/// with pages in view, besides the pages being drawn.
final class FirstPaints: @unchecked Sendable {
  // @unchecked: `ahead`, `views`, `kept` and `drawnCount` are read and written under `lock`.
  /// The most pages of a document drawn ahead after a build (a view shows two or three).
  static let mostAhead = 3

  /// A page version's first paint at a width in pixels.
  struct Key: Hashable, Encodable {
    var document: String
    var page: Int
    var version: String
    var width: Int
  }

  private let lock = NSLock()
  /// Where first paints are drawn and plain pixels inflated, one at a time (internal: a test
  /// suspends it to drop pages before their turn).
  let queue = DispatchQueue(label: "pmreport.preview.first-paints", qos: .userInitiated)
  /// The pages drawn ahead (or being drawn), not yet taken by a request.
  private var ahead: [Key: Job] = [:]
  /// Per document, the pages the browser last said it has in view (1-based), each with the width
  /// it asks a first paint at.
  private var views: [String: [(page: Int, width: String)]] = [:]
  /// The last raster sent of each page at each width.
  private var kept = KeptRasters()
  private var drawnCount = 0
  /// The pages drawn ahead for each document's last layout that no browser has shown yet
  /// (``awaitShown(of:before:)`` waits for a document's); guarded by `shown`.
  private var unshown: Set<Key> = []
  private let shown = NSCondition()
  /// The browsers the `raster` events go to (``PushedBand``).
  private let listeners: Listeners

  /// First paints whose `raster` events go to `listeners`.
  init(listeners: Listeners = Listeners()) { self.listeners = listeners }

  /// A page version drawn at a width: its pixels (held until taken: not counted in
  /// ``KeptRasters/mostBytes``), and its first paint as drawn (against the raster kept of the
  /// page at that width then, if any).
  struct Drawn: Sendable {
    let pixels: RasterPixels
    let paint: FirstPaint
  }

  /// How many first paints have been drawn (for the tests: a page drawn ahead is drawn once).
  var drawn: Int { lock.withLock { drawnCount } }
  /// How many drawn ahead wait for their request (for the tests).
  var waiting: Int { lock.withLock { ahead.count } }
  /// How many drawn ahead for the documents' last layouts are not yet shown (for the tests).
  var unshownCount: Int {
    shown.lock()
    defer { shown.unlock() }
    return unshown.count
  }

  /// Remembers that the browser has `pages` (1-based, each with the width it asks for) of
  /// `document` in view: the first ``mostAhead`` of them.
  func noteView(document: String, pages: [(page: Int, width: String)]) {
    lock.withLock { views[document] = Array(pages.prefix(Self.mostAhead)) }
  }

  /// After `snapshot` is published: drops the pages not taken that were drawn ahead for an
  /// earlier build of a document it lays out (every one named in `changed`) or that it no longer
  /// has (a `raster` event tells the browsers to ask for them), starts drawing the pages of
  /// `changed` (1-based, by document) in view and hands `announce` those it draws ahead (for the
  /// build's event, encoded and sent while they are drawn; their `raster` events wait for it).
  func published(
    _ snapshot: PreviewSnapshot, changed: [String: [Int]], announce: ([Key]) -> Void = { _ in }
  ) {
    var dropped: Set<Key> = []
    let wanted = lock.withLock {
      for (key, job) in ahead
      where changed[key.document] != nil || !Self.isCurrent(key, in: snapshot) {
        job.drop()
        ahead[key] = nil
        dropped.insert(key)
      }
      var wanted: [(Key, PreviewDocument, Job)] = []
      for (name, pages) in changed {
        guard let document = snapshot.document(name), let view = views[name] else { continue }
        for (page, asked) in view where pages.contains(page) && document.has(page: page) {
          guard let key = Self.key(document, page: page, width: asked), ahead[key] == nil
          else { continue }
          let job = Job()
          ahead[key] = job
          wanted.append((key, document, job))
        }
      }
      return wanted
    }
    // With no browser listening (the tab closed), no page will be shown: the files wait for none.
    let awaited = listeners.count > 0 ? Set(wanted.map(\.0)) : []
    awaitShowing(awaited, of: Set(changed.keys))
    for key in dropped { listeners.send(PushedBand(key, drawn: nil).bytes) }
    let announced = DispatchGroup()
    announced.enter()
    for (key, document, job) in wanted {
      draw(key, of: document, into: job, pushedAfter: announced)
    }
    announce(wanted.map(\.0))
    announced.leave()
  }

  /// Waits until a browser has shown each page drawn ahead for the last layout of `documents`
  /// (``noteShown(document:page:version:)``), or until `deadline`: the build task calls it
  /// before writing their files, so on a machine of few cores the writing takes no core from the
  /// page's drawing, its journey to the browser or the browser putting it in place.
  func awaitShown(of documents: Set<String>, before deadline: Date) {
    shown.lock()
    defer { shown.unlock() }
    while unshown.contains(where: { documents.contains($0.document) }),
      shown.wait(until: deadline)
    {}
  }

  /// Notes that a browser has shown version `version` (nil: whichever) of page `page` (1-based)
  /// of `document`.
  ///
  /// A browser asks for a changed page's hit boxes once its new picture is in place (a page
  /// coming into view asks with its picture). Ends the wait of
  /// ``awaitShown(of:before:)`` for that page version drawn ahead, at every width.
  func noteShown(document: String, page: Int, version: String?) {
    shown.lock()
    let before = unshown.count
    unshown = unshown.filter {
      $0.document != document || $0.page != page || (version != nil && $0.version != version)
    }
    if unshown.count != before { shown.broadcast() }
    shown.unlock()
  }

  /// Awaits `keys`, the pages drawn ahead for `documents` (just laid out), being shown, instead
  /// of those of their earlier builds: a page that no browser showed (the tab closed, the picture
  /// failed) does not hold the files of the document's later builds.
  private func awaitShowing(_ keys: Set<Key>, of documents: Set<String>) {
    shown.lock()
    unshown = unshown.filter { !documents.contains($0.document) }.union(keys)
    shown.broadcast()
    shown.unlock()
  }

  /// Page `page` (1-based, one of `document`'s) at the width `asked` (the query's `w`; see
  /// ``RasterWidth``); nil when `asked` is not a width.
  ///
  /// The one drawn ahead if there is one, awaited, else drawn now; sent as the rows that differ
  /// from version `since`'s raster when that is the one kept of the page at that width, else
  /// whole; then kept as the page's last raster sent.
  func paint(of document: PreviewDocument, page: Int, width asked: String?, since: String?)
    async throws -> FirstPaint?
  {
    guard let key = Self.key(document, page: page, width: asked) else { return nil }
    let job =
      lock.withLock { ahead.removeValue(forKey: key) } ?? draw(key, of: document, into: Job())
    guard let drawn = try await job.value() else { return nil }
    var paint: FirstPaint? = drawn.paint
    if drawn.paint.since != since {
      let base = since.flatMap { version in
        var shown = key
        shown.version = version
        return lock.withLock { kept.pixels(of: shown) }.map { (version, $0) }
      }
      // With no base the page goes whole, as the drawn paint already is when drawn against none.
      if base != nil || drawn.paint.since != nil {
        paint = await onQueue { FirstPaint(drawn.pixels, version: key.version, base: base) }
      }
    }
    if paint != nil { lock.withLock { kept.keep(drawn.pixels, as: key) } }
    return paint
  }

  /// `paint`'s pixels as they were (``FirstPaint/pixels()``), inflated on the queue: a page's
  /// pixels are up to 32 MB, so requests from a browser without zstd take them one at a time.
  func pixels(of paint: FirstPaint) async -> [UInt8]? { await onQueue { paint.pixels() } }

  /// `work`'s value, worked out on the queue.
  private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { waiter in queue.async { waiter.resume(returning: work()) } }
  }

  /// Draws `key`'s page on the queue into `job` (unless it was dropped before its turn), then,
  /// when drawn ahead, pushes it (``pushDrawn(_:_:for:)``) once `pushedAfter` is done (the
  /// build's event sent); `job`.
  @discardableResult
  private func draw(
    _ key: Key, of document: PreviewDocument, into job: Job, pushedAfter: DispatchGroup? = nil
  ) -> Job {
    queue.async {
      job.run {
        var drawn: Drawn?
        defer {
          if let pushedAfter {
            pushedAfter.wait()
            self.pushDrawn(key, drawn, for: job)
          }
        }
        self.lock.withLock { self.drawnCount += 1 }
        let pixels = try document.drawer.pixels(
          page: key.page - 1, width: key.width, reportedAs: "\(key.document) page \(key.page)")
        let base = self.lock.withLock { self.kept.latest(of: key) }
        drawn = FirstPaint(pixels, version: key.version, base: base).map {
          Drawn(pixels: pixels, paint: $0)
        }
        return drawn
      }
    }
    return job
  }

  /// Sends the `raster` event of `key`'s page drawn ahead as `drawn` (nil: not drawn): its band
  /// when small (``PushedBand/pushes(_:)``), a browser listens and `job` still waits for a
  /// request, which it then no longer does (the band is kept as the page's last raster sent);
  /// else the word to ask.
  private func pushDrawn(_ key: Key, _ drawn: Drawn?, for job: Job) {
    let band = drawn.flatMap { PushedBand.pushes($0.paint) ? $0 : nil }
    let taken = lock.withLock {
      guard let band, listeners.count > 0, ahead[key] === job else { return false }
      ahead[key] = nil
      kept.keep(band.pixels, as: key)
      return true
    }
    listeners.send(PushedBand(key, drawn: taken ? band : nil).bytes)
  }

  private static func key(_ document: PreviewDocument, page: Int, width asked: String?) -> Key? {
    guard let width = RasterWidth(asked: asked, page: document.drawer.pages[page - 1].size)
    else { return nil }
    return Key(
      document: document.name, page: page, version: document.versions[page - 1],
      width: width.pixels)
  }

  private static func isCurrent(_ key: Key, in snapshot: PreviewSnapshot) -> Bool {
    guard let document = snapshot.document(key.document), document.has(page: key.page) else {
      return false
    }
    return document.versions[key.page - 1] == key.version
  }
}
