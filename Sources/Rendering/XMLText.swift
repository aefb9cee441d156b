/// Text as XML character data, well-formed whatever it holds.
enum XMLText {
  /// `text` with `&`, `<`, `>` and `"` escaped, and the characters XML 1.0 forbids even as
  /// references (controls other than tab and line breaks, U+FFFE, U+FFFF) left out.
  static func escaped(_ text: String) -> String {
    // Printable ASCII without a character to escape (a certificate's title, date, author: every
    // copy's XMP packet escapes them) is its own escape.
    if text.utf8.allSatisfy(isPlainASCII) { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        if v >= 0x20 && v != 0xFFFE && v != 0xFFFF { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// Whether `byte` is printable ASCII that ``escaped(_:)`` keeps as it is.
  private static func isPlainASCII(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): false
    default: (0x20...0x7E).contains(byte)
    }
  }
}
