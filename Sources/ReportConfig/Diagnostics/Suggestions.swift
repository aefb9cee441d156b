import Foundation

/// "Did you mean …?": the nearest of a set of valid names, by edit distance.
public enum Suggestions {
  /// The name of a file in the same folder as `path` (a file that does not exist) that is
  /// close to its name, the folder listed through `inputs`; hidden files are not offered.
  public static func nearestFile(beside path: String, inputs: Inputs) -> String? {
    let folder = (path as NSString).deletingLastPathComponent
    let names = inputs.names(in: folder).filter { !$0.hasPrefix(".") }
    return nearest(to: (path as NSString).lastPathComponent, in: names)
  }

  /// The candidate closest to `word`, if it is close enough to be a likely typo.
  ///
  /// A candidate that differs only in letter case always qualifies. Otherwise the optimal string
  /// alignment distance (Levenshtein plus adjacent transpositions) must be at most a third of the
  /// longer word, and at least 1 edit is always allowed, 2 for words of 5 or more letters.
  public static func nearest(to word: String, in candidates: [String]) -> String? {
    guard !word.isEmpty else { return nil }
    let lower = word.lowercased()
    if let exact = candidates.first(where: { $0.lowercased() == lower }), exact != word {
      return exact
    }
    var best: (name: String, distance: Int)?
    let length = lower.count
    for candidate in candidates where candidate != word {
      // The distance is at least the difference in length: a candidate that far off cannot
      // qualify, and is not measured (a 300 000-letter value against short ids stays quick).
      let other = candidate.count
      guard abs(length - other) <= max(2, max(length, other) / 3) else { continue }
      let d = distance(lower, candidate.lowercased())
      if best.map({ d < $0.distance }) ?? true { best = (candidate, d) }
    }
    guard let best else { return nil }
    let longer = max(word.count, best.name.count)
    let allowed = max(word.count >= 5 ? 2 : 1, longer / 3)
    // A word that is the start of a candidate ("orphan" → "orphans") or contains it also counts.
    if best.distance <= allowed { return best.name }
    if let prefixed = candidates.first(where: {
      $0.lowercased().hasPrefix(lower) && lower.count >= 3
    }) {
      return prefixed
    }
    return nil
  }

  /// Optimal string alignment distance between two strings, over Unicode characters.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// "unknown page size 'A4'; expected a4, letter, a5 or legal; did you mean 'a4'?": `text` is
  /// none of `names`, values of what `what` says.
  public static func unknownValue(_ text: String, what: String, expected names: [String])
    -> String
  {
    var message = "unknown \(what) '\(text)'; expected \(list(names))"
    if let suggestion = nearest(to: text, in: names) {
      message += "; did you mean '\(suggestion)'?"
    }
    return message
  }

  /// "a, b or c".
  public static func list(_ names: [String]) -> String {
    switch names.count {
    case 0: return "(none)"
    case 1: return names[0]
    default: return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
  }
}
