import ReportModel

/// Rules for the document language (`metadata.lang`) and the printed words (`words:`).
enum LanguageRules {
  /// A BCP 47 tag of the shapes pmreport reads, in its usual case (`en-GB`, `sr-Latn-RS`): a 2- or
  /// 3-letter language, then optionally a 4-letter script, then optionally a 2-letter or 3-digit
  /// region; nil for anything else.
  static func canonical(_ tag: String) -> String? {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    func letters(_ s: String, _ counts: ClosedRange<Int>) -> Bool {
      counts.contains(s.count) && s.allSatisfy { $0.isASCII && $0.isLetter }
    }
    guard let language = parts.first, letters(language, 2...3), parts.count <= 3 else { return nil }
    var out = [language.lowercased()]
    var rest = parts.dropFirst()
    if let script = rest.first, letters(script, 4...4) {
      out.append(script.prefix(1).uppercased() + script.dropFirst().lowercased())
      rest = rest.dropFirst()
    }
    if let region = rest.first {
      if letters(region, 2...2) {
        out.append(region.uppercased())
      } else if region.count == 3, region.allSatisfy({ $0.isASCII && $0.isNumber }) {
        out.append(region)
      } else {
        return nil
      }
      rest = rest.dropFirst()
    }
    return rest.isEmpty ? out.joined(separator: "-") : nil
  }

  /// Language names people write instead of tags, for the did-you-mean.
  private static let names: [String: String] = [
    "english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr",
    "francais": "fr", "spanish": "es", "español": "es", "espanol": "es", "italian": "it",
    "italiano": "it", "dutch": "nl", "nederlands": "nl", "portuguese": "pt", "português": "pt",
  ]

  /// `metadata.lang` in its usual case; an error at `path` when it is not a language tag.
  static func check(_ tag: String, at path: NodePath, checker: inout Checker) -> String {
    if let canonical = canonical(tag) { return canonical }
    var message = "'\(tag)' is not a language tag; expected a BCP 47 tag like 'en', 'de' or 'en-GB'"
    let underscored = canonical(String(tag.map { $0 == "_" ? "-" : $0 }))
    if let suggestion = underscored ?? names[tag.lowercased()] {
      message += "; did you mean '\(suggestion)'?"
    }
    checker.error(message, at: path)
    return tag
  }

  /// Each `words:` entry: not empty, and only the placeholders its key fills.
  static func check(_ words: [Words.Key: String], at path: NodePath, checker: inout Checker) {
    for key in Words.Key.allCases {
      guard let text = words[key] else { continue }
      let here = path.appending(key.rawValue)
      checker.checkNotEmpty(text, at: here, what: "words.\(key.rawValue)")
      for name in Words.placeholders(in: text) where !key.placeholders.contains(name) {
        var message = "unknown placeholder '{\(name)}' in words.\(key.rawValue)"
        if key.placeholders.isEmpty {
          message += "; this word takes none"
        } else if let suggestion = Suggestions.nearest(to: name, in: key.placeholders) {
          message += "; did you mean '{\(suggestion)}'?"
        } else {
          message += "; expected \(Suggestions.list(key.placeholders.map { "{\($0)}" }))"
        }
        checker.error(message, at: here)
      }
    }
  }

  /// A warning for each retired `words:` key written: pmreport prints no such word.
  static func warnRetired(_ keys: [String], at path: NodePath, checker: inout Checker) {
    for key in keys {
      checker.warning(
        "no longer used: pmreport prints no word by this key; remove it",
        at: path.appending(key))
    }
  }
}
