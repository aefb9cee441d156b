/// Which shard manifests list a copy of each roster line's participant, for each document and
/// format: every line must be listed by exactly one manifest.
///
/// A participant's SVG or PNG copy is a folder of pages, several files of one manifest: a line is
/// counted once a manifest, whatever its number of files.
struct RosterCoverage {
  /// A document in a format: `certificate (pdf)`.
  struct Copies: Hashable, Comparable {
    var document: String
    var format: String

    static func < (a: Copies, b: Copies) -> Bool {
      (a.document, a.format) < (b.document, b.format)
    }
  }

  /// The roster's lines, in order.
  let lines: [Int]
  /// For each document and format, the manifests listing each line.
  private(set) var listed: [Copies: [Int: Set<String>]] = [:]

  init(lines: [Int]) { self.lines = lines }

  /// Records that `manifest` lists a copy of `document` in `format` for roster line `line`.
  mutating func add(line: Int, document: String, format: String, manifest: String) {
    listed[Copies(document: document, format: format), default: [:]][line, default: []].insert(
      manifest)
  }

  /// The problems found: one message a document and format with lines missing or doubled.
  ///
  /// None when each line is listed exactly once; a line that is no roster line is named too.
  var problems: [String] {
    if listed.isEmpty { return ["missing roster lines \(Self.ranges(lines)): no copy is listed"] }
    return listed.keys.sorted().flatMap { copies -> [String] in
      let byLine = listed[copies] ?? [:]
      let missing = lines.filter { byLine[$0] == nil }
      let known = Set(lines)
      let strays = byLine.keys.filter { !known.contains($0) }.sorted()
      let doubled = byLine.filter { $0.value.count > 1 }
      let name = "\(copies.document) (\(copies.format))"
      var found: [String] = []
      if !missing.isEmpty { found.append("\(name): missing roster lines \(Self.ranges(missing))") }
      if !doubled.isEmpty {
        let lines = doubled.keys.sorted()
        let manifests = Set(doubled.values.flatMap { $0 }).sorted()
        found.append(
          "\(name): doubled roster lines \(Self.ranges(lines)), listed by more than one of "
            + manifests.joined(separator: ", "))
      }
      if !strays.isEmpty {
        found.append("\(name): lines \(Self.ranges(strays)) are no participant's in the roster")
      }
      return found
    }
  }

  /// Sorted numbers written compactly: `17, 18, 40–52` (runs of three or more as a range).
  static func ranges(_ numbers: [Int]) -> String {
    var parts: [String] = []
    var start = 0
    while start < numbers.count {
      var end = start
      while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
      if end - start >= 2 {
        parts.append("\(numbers[start])–\(numbers[end])")
      } else {
        parts += numbers[start...end].map(String.init)
      }
      start = end + 1
    }
    return parts.joined(separator: ", ")
  }
}
