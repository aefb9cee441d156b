/// A paragraph's pieces as one run of scalars, with what the punctuation rules must leave alone
/// (code, URLs) and which straight quotes open or close a quotation.
struct ScannedText {
  /// Every piece's scalars, in order.
  private(set) var scalars: [Unicode.Scalar] = []
  /// Where each piece ends in ``scalars``.
  private(set) var ends: [Int] = []
  /// The scalars set as written: code and URLs.
  private(set) var fixed: [Bool] = []
  /// The straight quotes (`"`, and `'` where it cannot be an apostrophe) that open a quotation,
  /// and those that close one.
  private(set) var opening: Set<Int> = []
  private(set) var closing: Set<Int> = []

  init(_ pieces: [Punctuation.Piece]) {
    for piece in pieces {
      let start = scalars.count
      scalars.append(contentsOf: piece.text.unicodeScalars)
      fixed.append(contentsOf: repeatElement(piece.verbatim, count: scalars.count - start))
      ends.append(scalars.count)
    }
    markURLs()
  }

  var count: Int { scalars.count }

  subscript(index: Int) -> Unicode.Scalar? {
    scalars.indices.contains(index) ? scalars[index] : nil
  }

  /// Whether the scalar at `index` takes a rule (it exists, and is neither code nor a URL's).
  func isFree(_ index: Int) -> Bool { fixed.indices.contains(index) && !fixed[index] }

  // MARK: URLs

  /// Marks every word that is a URL (holds "://", or starts "www." or "mailto:") as fixed.
  private mutating func markURLs() {
    var start = 0
    for index in 0...scalars.count where index == scalars.count || scalars[index].isSpace {
      if index > start, isURL(start..<index) {
        for inner in start..<index { fixed[inner] = true }
      }
      start = index + 1
    }
  }

  private func isURL(_ word: Range<Int>) -> Bool {
    let letters = scalars[word]
    func starts(_ prefix: String) -> Bool { letters.starts(with: prefix.unicodeScalars) }
    let hasScheme = word.dropLast(2).contains { index in
      scalars[index] == ":" && scalars[index + 1] == "/" && scalars[index + 2] == "/"
    }
    return hasScheme || starts("www.") || starts("mailto:")
  }

  // MARK: Quotes

  /// Pairs the paragraph's straight double quotes in order, when there is an even number of
  /// them (an odd one out makes every pairing a guess: they are left as typed).
  mutating func pairDoubleQuotes() {
    let quotes = scalars.indices.filter { scalars[$0] == "\"" && !fixed[$0] }
    guard quotes.count.isMultiple(of: 2) else { return }
    for (index, position) in quotes.enumerated() {
      if index.isMultiple(of: 2) { opening.insert(position) } else { closing.insert(position) }
    }
  }

  /// Pairs straight single quotes that cannot be apostrophes: one opening a word (not an
  /// elision like "'s") with the next one closing a word; any other stays an apostrophe.
  mutating func pairSingleQuotes() {
    var open: Int?
    for index in scalars.indices where scalars[index] == "'" && !fixed[index] {
      let before = self[index - 1]
      let after = self[index + 1]
      let startsWord = (before.map(\.isSpace) ?? true) && (after?.properties.isAlphabetic ?? false)
      let endsWord =
        (before?.properties.isAlphabetic ?? false) && (after.map(Self.endsWord) ?? true)
      if startsWord, !isElision(after: index) {
        open = index
      } else if endsWord, let start = open {
        opening.insert(start)
        closing.insert(index)
        open = nil
      }
    }
  }

  /// A scalar that may follow a word's last letter: a space or punctuation.
  private static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isSpace || scalar.properties.generalCategory.isPunctuation
  }

  /// Whether the quote at `index` starts a German elision ("'s", "'n", "'ne", "'nen", "'em").
  private func isElision(after index: Int) -> Bool {
    var end = index + 1
    while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
    let word = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).lowercased()
    return ["s", "n", "ne", "nen", "nem", "em", "er"].contains(word)
  }
}

extension Unicode.GeneralCategory {
  /// Connector, dash, open, close, initial, final or other punctuation.
  var isPunctuation: Bool {
    switch self {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      true
    default: false
    }
  }
}
