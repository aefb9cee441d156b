/// Text as XML character data, well-formed whatever it holds.
enum XMLText {
  /// `text` with `&`, `<`, `>` and `"` escaped, and the characters XML 1.0 forbids even as
  /// references (controls other than tab and line breaks, U+FFFE, U+FFFF) left out.
  static func escaped(_ text: String) -> String {
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
}
