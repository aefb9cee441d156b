/// The words of a paragraph wider than its measure: no line can hold one, so it is broken across
/// lines (between letters, or at the break points given to very long words) and the run warns.
///
/// A word runs from one break opportunity to the next; a soft hyphen's break point (a dictionary's
/// or one pmreport added) does not end a word, a space or a hyphen does.
enum OverlongWords {
  /// How many characters of a word its warning shows.
  static let shownLength = 30

  /// The start (at most ``shownLength`` characters, soft hyphens left out) of each word of
  /// `characters` whose advances add up to more than `measure`.
  static func starts(in characters: LayoutCharacters, measure: Double) -> [String] {
    let scalars = characters.scalars
    var found: [String] = []
    var start = 0
    var width = 0.0
    for i in 0...scalars.count {
      let ends =
        i == scalars.count
        || (i > 0 && characters.breakBefore[i] && scalars[i - 1] != "\u{00AD}")
      if ends {
        if width > measure { found.append(shown(scalars[start..<i])) }
        start = i
        width = 0
      }
      if i < scalars.count, !ParagraphItems.isSpace(scalars[i]) {
        width += characters.advances[i]
      }
    }
    return found
  }

  /// The first characters of `word`, without soft hyphens and spaces.
  private static func shown(_ word: ArraySlice<Unicode.Scalar>) -> String {
    var text = String.UnicodeScalarView()
    for scalar in word where scalar != "\u{00AD}" && !ParagraphItems.isSpace(scalar) {
      guard text.count < shownLength else { break }
      text.append(scalar)
    }
    return String(text)
  }
}
