import Foundation

extension String {
  /// The text with each of `letters` replaced, in order, as `replacingOccurrences(of:with:)` does.
  ///
  /// The Foundation search is skipped for a letter the text does not hold: each letter is one
  /// scalar that no other sequence is canonically equivalent to, so a text without that scalar
  /// has nothing to replace. Most names hold none, and each search costs far more than the look.
  func replacing(letters: [(letter: Unicode.Scalar, with: String)]) -> String {
    var text = self
    for (letter, replacement) in letters where text.unicodeScalars.contains(letter) {
      text = text.replacingOccurrences(of: String(letter), with: replacement)
    }
    return text
  }

  /// Whether every character is ASCII, so that Foundation's folding of diacritics leaves the text
  /// as it is and folding case is lowercasing.
  var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }

  /// The text without the whitespace at its ends, as `trimmingCharacters(in: .whitespaces)` gives
  /// it: Foundation is asked only when an end is whitespace (most fields have none).
  var trimmingWhitespace: String {
    guard let first = unicodeScalars.first, let last = unicodeScalars.last,
      Self.whitespace.contains(first) || Self.whitespace.contains(last)
    else { return self }
    return trimmingCharacters(in: .whitespaces)
  }

  private static let whitespace = CharacterSet.whitespaces
}
