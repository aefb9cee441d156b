/// A language's punctuation and quotation rules, applied to text as it is typeset, never to the
/// content (so `export-content` writes what the author wrote).
///
/// French: a no-break space (U+00A0) before ":", a narrow one (U+202F) before ";", "!", "?", "%"
/// after a number and inside « »; straight double quotes become « ». German: straight double
/// quotes become „ “, single ones ‚ ‘ where they cannot be apostrophes. Spanish: straight double
/// quotes become « ». An author's plain space before a mark becomes the no-break space the mark
/// wants; a no-break space already there is kept. Code, URLs and times ("10:30") are left as
/// written. English and every language without rules has none (``init(language:)`` is nil).
public struct Punctuation: Hashable, Sendable {
  /// The languages with rules.
  enum Rules: Hashable, Sendable {
    case french, german, spanish
  }

  let rules: Rules

  /// The rules of a BCP 47 tag's language (`fr`, `fr-CA`, `de-AT`, `es-419`…); nil for a
  /// language without any (English among them).
  public init?(language tag: String) {
    switch Words.primarySubtag(tag) {
    case "fr": rules = .french
    case "de": rules = .german
    case "es": rules = .spanish
    default: return nil
    }
  }

  /// A piece of a paragraph's text: text the rules apply to, or text set exactly as written
  /// (code).
  public struct Piece: Hashable, Sendable {
    public var text: String
    public var verbatim: Bool

    public init(_ text: String, verbatim: Bool = false) {
      self.text = text
      self.verbatim = verbatim
    }
  }

  /// `text` with the rules applied.
  public func apply(_ text: String) -> String { apply([Piece(text)])[0] }

  /// Each piece's text with the rules applied; the rules see across pieces (a space ending one
  /// piece before a colon opening the next, quotes opened in one and closed in another).
  ///
  /// Linear in the text; text holding no character a rule looks at is returned as it is.
  public func apply(_ pieces: [Piece]) -> [String] {
    guard pieces.contains(where: { !$0.verbatim && mayChange($0.text) }) else {
      return pieces.map(\.text)
    }
    var setter = PunctuationSetter(text: ScannedText(pieces), rules: rules)
    return setter.run()
  }

  /// Whether `text` holds a character some rule of this language looks at (a quick byte scan).
  private func mayChange(_ text: String) -> Bool {
    text.utf8.contains { byte in
      switch byte {
      case 0x22: true  // "
      case 0x27: rules == .german  // '
      case 0x3A, 0x3B, 0x21, 0x3F, 0x25, 0xAB, 0xBB: rules == .french  // : ; ! ? % « »
      default: false
      }
    }
  }
}

extension Unicode.Scalar {
  /// U+00A0, the no-break space French sets before a colon.
  static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
  /// U+202F, the narrow no-break space French sets before ; ! ? % and inside « ».
  static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"

  /// A space, a tab, a line break or a no-break space of any width.
  var isSpace: Bool { properties.isWhitespace }
}
