/// One language's words file (`Sources/ReportModel/Words/<language>.txt`), read into its entries.
///
/// One entry a line, `key = text`; blank lines and lines starting with `#` are skipped. The text
/// is trimmed of spaces at its ends unless written in double quotes (`label-separator = ": "`).
/// In the text, `\u{00A0}` writes a character by its hexadecimal code (the no-break spaces an
/// editor does not show) and `\\` a backslash.
struct WordsFile {
  /// The text of each key.
  private(set) var entries: [String: String] = [:]
  /// What is wrong with the file, one message a line ("line 4: …"); the shipped files have none
  /// (a test checks), and a line with a problem is skipped.
  private(set) var problems: [String] = []

  init(parsing text: String) {
    // Bytes, not Characters: every run reads the shipped files, and the syntax is ASCII.
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      let trimmed = Self.trimmingSpaces(line)
      if trimmed.isEmpty || trimmed.first == UInt8(ascii: "#") { continue }
      guard let equals = trimmed.firstIndex(of: UInt8(ascii: "=")) else {
        problems.append("line \(index + 1): expected `key = text`")
        continue
      }
      let key = String(Substring(Self.trimmingSpaces(trimmed[..<equals])))
      var value = Self.trimmingSpaces(trimmed[trimmed.index(after: equals)...])
      if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
        value = value.dropFirst().dropLast()
      }
      if key.isEmpty || key.contains(" ") {
        problems.append("line \(index + 1): '\(key)' is not a key")
      } else if entries[key] != nil {
        problems.append("line \(index + 1): '\(key)' is given twice")
      } else if let text = Self.unescaped(Substring(value)) {
        entries[key] = text
      } else {
        problems.append("line \(index + 1): a backslash starts neither \\u{…} nor \\\\")
      }
    }
  }

  /// `bytes` without the spaces and tabs at their ends.
  private static func trimmingSpaces(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
    let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }),
      let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return bytes[bytes.endIndex...] }
    return bytes[first...last]
  }

  /// `text` with its escapes replaced; nil when one is malformed.
  private static func unescaped(_ text: Substring) -> String? {
    guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
    var out = ""
    var rest = text
    while let backslash = rest.firstIndex(of: "\\") {
      out += rest[..<backslash]
      let after = rest[rest.index(after: backslash)...]
      if after.hasPrefix("\\") {
        out += "\\"
        rest = after.dropFirst()
      } else if after.hasPrefix("u{"), let close = after.firstIndex(of: "}"),
        let code = UInt32(after[after.index(after.startIndex, offsetBy: 2)..<close], radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        out.unicodeScalars.append(scalar)
        rest = after[after.index(after: close)...]
      } else {
        return nil
      }
    }
    return out + rest
  }
}
