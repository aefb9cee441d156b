import Dispatch
import Foundation
import PMReportKit

/// The build task's side of the preview: takes each document's pages as the run lays them out,
/// compares every page with the last good build's by its fingerprint, publishes the new snapshot
/// and tells the browsers which pages changed (before the run writes the document's files); the
/// build's errors go over the pages, whose last good ones stay.
final class PreviewBuilder: BuildObserver {
  /// Where it publishes each build (internal: the tests read it).
  let store: PreviewStore
  /// When the current build began (its loading included).
  private var started = DispatchTime.now()
  /// The error lines of the current build so far, as pmreport prints them.
  private var errors: [String] = []
  /// The documents the current build laid out.
  private var laidOutNames: Set<String> = []

  init(store: PreviewStore) { self.store = store }

  func buildStarted(at started: DispatchTime) {
    self.started = started
    errors = []
    laidOutNames = []
  }

  func laidOut(_ laidOut: [DocumentForPreview]) {
    var next = store.snapshot
    var changed: [String: [Int]] = [:]
    for document in laidOut.map(PreviewDocument.init) {
      laidOutNames.insert(document.name)
      let before = next.document(document.name)?.versions ?? []
      changed[document.name] = document.versions.indices.filter {
        !before.indices.contains($0) || before[$0] != document.versions[$0]
      }.map { $0 + 1 }
      if let index = next.documents.firstIndex(where: { $0.name == document.name }) {
        next.documents[index] = document
      } else {
        next.documents.append(document)
      }
    }
    next.diagnostics = errors
    next.milliseconds = Int((started.elapsedSeconds * 1000).rounded())
    publish(next, changed: changed)
    store.firstPaints.awaitShown(of: Set(changed.keys), before: Date() + Self.firstPaintWait)
  }

  /// How long the build task waits, before writing the files, for the first paints drawn ahead
  /// to be shown (``FirstPaints/awaitShown(of:before:)``): a browser has the band pushed or asks
  /// for the page as the event arrives, and shows it within a few milliseconds; a browser that
  /// does not costs this.
  static let firstPaintWait: TimeInterval = 0.05

  /// Keeps the build's error lines; at its end, publishes them (when they are not what the
  /// browsers were last told) and, after a good build, forgets the documents it no longer has.
  func report(_ event: RunEvent) {
    if let line = event.line, line.kind == .error { errors.append(line.text) }
    guard case .finished = event else { return }
    var next = store.snapshot
    if errors.isEmpty { next.documents.removeAll { !laidOutNames.contains($0.name) } }
    guard next.diagnostics != errors || next.documents.count != store.snapshot.documents.count
    else { return }
    next.diagnostics = errors
    publish(next, changed: [:])
  }

  private func publish(_ snapshot: PreviewSnapshot, changed: [String: [Int]]) {
    var snapshot = snapshot
    snapshot.generation += 1
    let state = StateReply(snapshot, editorLink: store.editorLink)
    store.publish(snapshot, changed: changed) { ahead, publishedAt in
      let event = BuildEvent(
        generation: snapshot.generation, milliseconds: snapshot.milliseconds,
        failed: !snapshot.diagnostics.isEmpty, changed: changed,
        ahead: ahead,
        publishedAt: publishedAt.timeIntervalSince1970 * 1000, state: state)
      return EventBytes.event(
        named: "build", data: [(try? JSONEncoder.sorted.encode(event)) ?? Data("{}".utf8)])
    }
  }
}

/// What a browser is told of a build: its number, its time, whether it failed, which pages
/// (1-based) of each document changed, when the snapshot was published (what
/// `bench/preview.py` times), and the new state as `/state.json` gives it: the page compares its
/// versions with those it shows (which also covers builds whose events it missed) and asks for
/// the changed pages at once, without a request for the state first.
struct BuildEvent: Encodable {
  var generation: Int
  var milliseconds: Int
  var failed: Bool
  var changed: [String: [Int]]
  /// The changed pages in view drawn ahead (page 1-based, width in pixels): a `raster` event
  /// follows for each (``PushedBand``), which the page awaits instead of asking for the page.
  var ahead: [FirstPaints.Key]
  /// The wall clock when the new snapshot became the server's, in milliseconds since 1970 (what
  /// `bench/preview.py` measures a save against; the same clock as a file's mtime).
  var publishedAt: Double
  /// The snapshot as `/state.json` gives it.
  var state: StateReply
}

extension JSONEncoder {
  /// An encoder writing keys sorted (the same bytes for the same state).
  static var sorted: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
