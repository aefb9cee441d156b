import Dispatch
import Foundation
import PMReportKit

/// The build task's side of the preview: lays each build out, compares every page with the last
/// good build's by its fingerprint, publishes the new snapshot and tells the browsers which pages
/// changed (before `watch` writes the files).
final class PreviewBuilder: BuildObserver {
  private let store: PreviewStore

  init(store: PreviewStore) { self.store = store }

  func loaded(_ scheduler: RunScheduler, started: DispatchTime) {
    let errors = ErrorLines()
    let laidOut = scheduler.layOut(reporter: errors)
    var next = store.snapshot
    next.generation += 1
    next.diagnostics = errors.lines
    var changed: [String: [Int]] = [:]
    if errors.lines.isEmpty {
      let documents = laidOut.map(PreviewDocument.init)
      for document in documents {
        let before = next.document(document.name)?.versions ?? []
        changed[document.name] = document.versions.indices.filter {
          !before.indices.contains($0) || before[$0] != document.versions[$0]
        }.map { $0 + 1 }
      }
      next.documents = documents
      next.milliseconds = Int((started.elapsedSeconds * 1000).rounded())
    }
    publish(next, changed: changed)
  }

  func notBuilt(_ error: any Error) {
    var next = store.snapshot
    next.generation += 1
    next.diagnostics = RunEvent.stopped(by: error).line.map { [$0.text] } ?? []
    publish(next, changed: [:])
  }

  private func publish(_ snapshot: PreviewSnapshot, changed: [String: [Int]]) {
    let event = BuildEvent(
      generation: snapshot.generation, milliseconds: snapshot.milliseconds,
      failed: !snapshot.diagnostics.isEmpty, changed: changed,
      publishedAt: Date().timeIntervalSince1970 * 1000)
    let data = (try? JSONEncoder.sorted.encode(event)) ?? Data("{}".utf8)
    store.publish(snapshot, event: Array("event: build\ndata: ".utf8) + data + Array("\n\n".utf8))
  }
}

/// What a browser is told of a build: its number, its time, whether it failed, which pages
/// (1-based) of each document changed, and when the snapshot was published (what
/// `bench/preview.py` times; the page itself compares the versions of `/state.json`, which also
/// covers builds whose events it missed).
struct BuildEvent: Encodable {
  var generation: Int
  var milliseconds: Int
  var failed: Bool
  var changed: [String: [Int]]
  /// The wall clock when the new snapshot became the server's, in milliseconds since 1970 (what
  /// `bench/preview.py` measures a save against; the same clock as a file's mtime).
  var publishedAt: Double
}

/// A reporter keeping the error lines of a layout, as pmreport prints them.
private final class ErrorLines: Reporter {
  private(set) var lines: [String] = []

  func report(_ event: RunEvent) {
    if let line = event.line, line.kind == .error { lines.append(line.text) }
  }
}

extension JSONEncoder {
  /// An encoder writing keys sorted (the same bytes for the same state).
  static var sorted: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
