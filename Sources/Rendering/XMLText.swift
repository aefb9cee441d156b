/// Text as XML character data, well-formed whatever it holds.
enum XMLText {
  /// `text` with `&`, `<`, `>` and `"` escaped, and the characters XML 1.0 forbids even as
  /// references (controls other than tab and line breaks, U+FFFE, U+FFFF) left out.
  static func escaped(_ text: String) -> String {
    // Text with nothing to escape or leave out (a certificate's title, date, author: every copy's
    // XMP packet escapes them) is its own escape.
    if text.unicodeScalars.allSatisfy(isKept) { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: if isKept(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// Whether ``escaped(_:)`` keeps `scalar` as it is: neither escaped nor left out.
  private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "&", "<", ">", "\"": false
    case "\t", "\n", "\r": true
    default: scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }
  }
}
