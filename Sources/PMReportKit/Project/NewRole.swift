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

  /// Short names for the charts' legends and the answer key, one a name, readable in any language.
  ///
  /// A name of at most 16 characters as it is; a longer one by its words that no other
  /// name has ("Ingeniero de datos" beside "Analista de datos" → "Ingeniero"; "Machine Learning
  /// Engineer" beside "Data Engineer" → "Machine Learning"), without a short lowercase word ("de",
  /// "of", "der") at either end, its first letter capital; when those are several words and still
  /// over 16 characters, their initials ("Chief Technology Officer" → "CTO"). Short names that
  /// would coincide are the full names.
  static func shortNames(_ names: [String]) -> [String] {
    let words = names.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
    let short = words.indices.map { index -> String in
      guard names[index].count > shortNameLength else { return names[index] }
      let others = Set(
        words.indices.filter { $0 != index }.flatMap { words[$0] }.map { $0.lowercased() })
      var own = words[index].filter { !others.contains($0.lowercased()) }
      while let first = own.first, isLinkWord(first), own.count > 1 { own.removeFirst() }
      while let last = own.last, isLinkWord(last), own.count > 1 { own.removeLast() }
      if own.isEmpty { own = words[index] }
      let joined = own.joined(separator: " ")
      guard joined.count > shortNameLength, own.count > 1 else {
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
    // ASCII folds to itself, lowercased below: Foundation's folding is skipped for it.
    let folded =
      text.isASCII
      ? text
      : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        .replacing(letters: [("ß", "ss")])
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
