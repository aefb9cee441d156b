/// What a participant's name must be to print and to name a file: something visible, in the
/// order it was written.
enum ParticipantName {
  /// Why `name` (trimmed, not empty) cannot be a participant's name, or nil when it can.
  static func problem(_ name: String) -> String? {
    if let control = name.unicodeScalars.first(where: isBidiControl) {
      return "the name holds the bidirectional control U+\(hex(control)), which can show its "
        + "letters in another order; remove it (names in Arabic or Hebrew need none)"
    }
    if !name.unicodeScalars.contains(where: isVisible) {
      return "the name has no letter, digit, punctuation or symbol: it would print blank"
    }
    return nil
  }

  /// The explicit embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  /// Letters and symbols that print as nothing although their category says otherwise: the
  /// Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the blank braille pattern (U+2800).
  static let blanks: Set<UInt32> = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800]

  /// Whether `scalar` is a letter, digit, punctuation or symbol (what prints as something), and
  /// neither default-ignorable nor one of the known ``blanks``.
  static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.isDefaultIgnorableCodePoint || blanks.contains(scalar.value) {
      return false
    }
    return switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber,
      .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation,
      .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      true
    default: false
    }
  }

  private static func hex(_ scalar: Unicode.Scalar) -> String {
    String(scalar.value, radix: 16, uppercase: true)
  }
}
