import Foundation

/// What a traced run (``SyscallTrace``) did wrong in the order of its writes into `output`: a
/// file renamed into place before it was flushed, or a folder a file landed in not flushed
/// between that rename and the manifest (or, for the manifests themselves and a run that writes
/// none, the run's end: its output folder given back, else its exit).
struct DurableOrder {
  /// A temporary renamed into place: where in the trace, from and to.
  struct Landing {
    var at: Int
    var from: String
    var to: String
    var folder: String { (to as NSString).deletingLastPathComponent }
    /// Whether it is a manifest (`manifest.json`, a shard's `manifest-K-of-N.json`).
    var isManifest: Bool { Self.isManifest((to as NSString).lastPathComponent) }

    static func isManifest(_ name: String) -> Bool {
      name.hasPrefix("manifest") && name.hasSuffix(".json")
    }
  }

  let calls: [SyscallTrace.Call]
  let output: String

  init(_ trace: SyscallTrace, output: String) {
    calls = trace.calls
    self.output = output
  }

  /// The process the trace started with (the run; the others are its workers).
  var run: Int? { calls.first?.pid }

  /// Every temporary renamed to a place in `output`, in order.
  var landings: [Landing] {
    calls.indices.compactMap { i in
      let paths = calls[i].quotedArguments
      guard calls[i].name.hasPrefix("rename"), paths.count == 2, paths[0].contains(".tmp-"),
        paths[1].hasPrefix(output + "/")
      else { return nil }
      return Landing(at: i, from: paths[0], to: paths[1])
    }
  }

  /// Where the first manifest's temporary was opened; nil for a run that writes none.
  var manifestBegun: Int? {
    calls.firstIndex { call in
      let name = (call.quotedArguments.first.map { ($0 as NSString).lastPathComponent } ?? "")
      guard call.name == "openat", name.hasPrefix("."), let marker = name.range(of: ".tmp-")
      else { return false }
      let target = name[name.index(after: name.startIndex)..<marker.lowerBound]
      return Landing.isManifest(String(target))
    }
  }

  /// Where the run ended: it gave its output folder back (unlinked its token lock, the last
  /// `.pmreport-<token>.lock` it removed), else exited.
  var end: Int {
    let run = run
    let released = calls.lastIndex { call in
      let name = call.quotedArguments.first.map { ($0 as NSString).lastPathComponent } ?? ""
      return call.pid == run && call.name.hasPrefix("unlink") && name.hasPrefix(".pmreport-")
        && name.hasSuffix(".lock")
    }
    let exited = calls.firstIndex { $0.pid == run && $0.name == "exit_group" }
    return released ?? exited ?? calls.count
  }

  /// How many times `folder` was flushed, by any process.
  func syncs(of folder: String) -> Int {
    calls.count(where: { ["fsync", "fdatasync"].contains($0.name) && $0.descriptorPath == folder })
  }

  /// Whether `path` was flushed (by any process) at a place in `range`.
  private func synced(_ path: String, in range: Range<Int>) -> Bool {
    calls[range].contains { ["fsync", "fdatasync"].contains($0.name) && $0.descriptorPath == path }
  }

  /// Every break of the order, in words; none for a run that wrote durably.
  var problems: [String] {
    let manifest = manifestBegun
    let end = end
    var problems: [String] = []
    for landing in landings {
      if !synced(landing.from, in: 0..<landing.at) {
        problems.append("\(landing.to) was renamed into place before it was synced")
      }
      guard let manifest, !landing.isManifest else {
        if !synced(landing.folder, in: landing.at..<max(landing.at, end)) {
          problems.append(
            "\(landing.folder) was not synced between \(landing.to)'s rename and the run's end")
        }
        continue
      }
      if landing.at > manifest {
        problems.append("\(landing.to) landed after the manifest was begun")
      } else if !synced(landing.folder, in: landing.at..<manifest) {
        problems.append(
          "\(landing.folder) was not synced between \(landing.to)'s rename and the manifest")
      }
    }
    return problems
  }
}
