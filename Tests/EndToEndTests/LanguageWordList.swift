import Foundation

/// One language's Debian word list (`/usr/share/dict`, packages wamerican, wngerman, wfrench,
/// wspanish), asked whether a printed word belongs to the language.
///
/// The match is case-insensitive (’ read as '). Besides the list's own words it takes: a word
/// whose hyphenated parts each belong; French elision (l', d', qu'…) before a word that belongs;
/// an English possessive 's; a German compound of listed words of four letters or more (with a
/// linking s: "Vergleichstabelle"); and, because wspanish lists lemmas only (singular nouns,
/// masculine adjectives, infinitives), a Spanish word whose regular plural, feminine or verb
/// ending leads back to a listed lemma ("roles" → "rol", "muestran" → "mostrar").
struct LanguageWordList {
  let language: String
  private let words: Set<String>

  /// The Debian list of each shipped language.
  static let files = [
    "en": "american-english", "de": "ngerman", "fr": "french", "es": "spanish",
  ]

  init(language: String) throws {
    self.language = language
    let path = "/usr/share/dict/" + (Self.files[language] ?? language)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    words = Set(text.split(separator: "\n").map { Self.normal(String($0)) })
  }

  /// Lowercase, with the typographic apostrophe and the ligatures œ and æ as the lists write
  /// them (wfrench has "oeil", never "œil").
  static func normal(_ word: String) -> String {
    word.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
      .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
  }

  /// The words of an extracted text: soft-hyphen and line-end hyphen splits joined again, then
  /// runs of letters, digits, apostrophes and hyphens (periods split initials into letters).
  static func tokens(_ text: String) -> [String] {
    let joined = text.replacingOccurrences(of: "\u{00AD}\n", with: "")
      .replacingOccurrences(of: "\u{00AD}", with: "")
      .replacingOccurrences(of: "-\n", with: "-")
    var out: [String] = []
    var current = ""
    for character in joined {
      if character.isLetter || character.isNumber || "'\u{2019}-".contains(character) {
        current.append(character)
      } else if !current.isEmpty {
        out.append(current)
        current = ""
      }
    }
    if !current.isEmpty { out.append(current) }
    return out.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\u{2019}-")) }
      .filter { !$0.isEmpty }
  }

  /// Whether `word` (one token) belongs to the language, or to `allowed` (lowercase).
  func accepts(_ word: String, allowed: Set<String>) -> Bool {
    let word = Self.normal(word)
    if words.contains(word) || allowed.contains(word) || word == "vs" { return true }
    if word.allSatisfy(\.isNumber) || word.count == 1 { return true }
    if word.contains("-") {
      return word.split(separator: "-").allSatisfy { accepts(String($0), allowed: allowed) }
    }
    switch language {
    case "fr":
      if let quote = word.firstIndex(of: "'"),
        ["c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu"].contains(
          String(word[..<quote]))
      {
        return accepts(String(word[word.index(after: quote)...]), allowed: allowed)
      }
    case "en":
      if word.hasSuffix("'s") { return words.contains(String(word.dropLast(2))) }
    case "de": return isCompound(word)
    case "es": return spanishLemmas(of: word).contains(where: words.contains)
    default: break
    }
    return false
  }

  /// Whether `word` is two or more listed words of four letters or more, with an optional
  /// linking "s" between two.
  private func isCompound(_ word: String) -> Bool {
    let letters = Array(word)
    var reachable = [true] + Array(repeating: false, count: letters.count)
    for start in letters.indices where reachable[start] {
      for end in stride(from: start + 4, through: letters.count, by: 1)
      where words.contains(String(letters[start..<end])) {
        reachable[end] = true
        if end < letters.count, letters[end] == "s" { reachable[end + 1] = true }
      }
    }
    return reachable[letters.count] && !words.contains(word)
  }

  /// The lemmas a Spanish word may come from by regular endings (with the stem vowels of pensar,
  /// poder, medir: "piensa", "puede", "mide"; and the accent a singular writes on its last
  /// vowel: "comunes" → "común"), and the word without its written accents.
  private func spanishLemmas(of word: String) -> [String] {
    let endings: [(String, [String])] = [
      ("s", [""]), ("es", [""]), ("ces", ["z"]), ("a", ["o", "ar", "er", "ir"]),
      ("as", ["o", "ar"]), ("os", ["o"]), ("e", ["ar", "er", "ir"]), ("an", ["ar"]),
      ("en", ["ar", "er", "ir"]), ("ó", ["ar"]), ("ió", ["er", "ir"]), ("ado", ["ar"]),
      ("ada", ["ar"]), ("ados", ["ar"]), ("adas", ["ar"]), ("ido", ["er", "ir"]),
      ("ida", ["er", "ir"]), ("ía", ["er", "ir"]), ("ían", ["er", "ir"]), ("aría", ["ar"]),
      ("ará", ["ar"]), ("que", ["car"]), ("ya", ["ir"]),
    ]
    var out = [word.folding(options: .diacriticInsensitive, locale: nil)]
    for (ending, lemmas) in endings where word.hasSuffix(ending) && word.count > ending.count + 1 {
      let stem = String(word.dropLast(ending.count))
      let stems = [
        stem, stem.replacingOccurrences(of: "ie", with: "e"),
        stem.replacingOccurrences(of: "ue", with: "o"),
        stem.replacingOccurrences(of: "i", with: "e"),
        Self.accentingLastVowel(stem),
      ]
      out += stems.flatMap { stem in lemmas.map { stem + $0 } }
    }
    return out
  }

  /// `stem` with an acute accent on its last vowel ("comun" → "común").
  private static func accentingLastVowel(_ stem: String) -> String {
    let accented: [Character: Character] = ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"]
    guard let last = stem.lastIndex(where: { accented[$0] != nil }),
      let vowel = accented[stem[last]]
    else { return stem }
    var out = stem
    out.replaceSubrange(last...last, with: String(vowel))
    return out
  }
}
