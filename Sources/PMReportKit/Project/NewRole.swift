import Foundation

/// A role named on `pmreport init`'s command line: `"Scrum Master"` or `"Scrum Master=sm"`.
public struct NewRole: Hashable, Sendable {
  public var name: String
  public var id: String

  /// Reads `Name` or `Name=id`; the id defaults to a slug of the name.
  public init(parsing text: String) {
    let parts = text.split(separator: "=", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    name = parts.first ?? ""
    id = parts.count > 1 ? parts[1] : Slug.make(name)
  }

  /// The longest short name a legend takes whole.
  static let shortNameLength = 16

  /// Short names for the charts' legends and the answer key, one a name, readable in any
  /// language: a name of at most 16 characters as it is; a longer one by the words that tell it
  /// from the others (those not in every name: "Ingeniero de datos" beside "Analista de datos" →
  /// "Ingeniero"), without a short lowercase word ("de", "of", "der") at either end, its first
  /// letter capital; those words still over 16 characters by their initials ("Chief Technology
  /// Officer" → "CTO"). Short names that would coincide are the full names.
  static func shortNames(_ names: [String]) -> [String] {
    let words = names.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
    let sets = words.map { Set($0.map { $0.lowercased() }) }
    let shared = sets.dropFirst().reduce(sets.first ?? []) { $0.intersection($1) }
    let short = zip(names, words).map { name, words -> String in
      guard name.count > shortNameLength else { return name }
      var own = words.filter { !shared.contains($0.lowercased()) }
      while let first = own.first, isLinkWord(first), own.count > 1 { own.removeFirst() }
      while let last = own.last, isLinkWord(last), own.count > 1 { own.removeLast() }
      if own.isEmpty { own = words }
      let joined = own.joined(separator: " ")
      guard joined.count > shortNameLength else {
        return joined.prefix(1).uppercased() + joined.dropFirst()
      }
      return own.filter { !isLinkWord($0) }.compactMap(\.first).map(String.init).joined()
        .uppercased()
    }
    return Set(short).count == short.count ? short : names
  }

  /// A word that links others ("de", "of", "der", "du"): lowercase, at most three letters.
  private static func isLinkWord(_ word: String) -> Bool {
    word.count <= 3 && word == word.lowercased()
  }

}

/// Kebab-case slugs of titles and names: lowercase ASCII letters and digits joined by single
/// hyphens, accents folded ("Führung" → "fuhrung").
public enum Slug {
  public static func make(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .replacingOccurrences(of: "ß", with: "ss")
    var out = ""
    var pendingHyphen = false
    for scalar in folded.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingHyphen, !out.isEmpty { out.append("-") }
        pendingHyphen = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingHyphen = true
      }
    }
    return out.lowercased()
  }
}
