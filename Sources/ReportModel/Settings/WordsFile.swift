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
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let trimmed = line.trimmingSpaces
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let equals = trimmed.firstIndex(of: "=") else {
        problems.append("line \(index + 1): expected `key = text`")
        continue
      }
      let key = String(trimmed[..<equals].trimmingSpaces)
      var value = trimmed[trimmed.index(after: equals)...].trimmingSpaces
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = value.dropFirst().dropLast()
      }
      if key.isEmpty || key.contains(" ") {
        problems.append("line \(index + 1): '\(key)' is not a key")
      } else if entries[key] != nil {
        problems.append("line \(index + 1): '\(key)' is given twice")
      } else if let text = Self.unescaped(value) {
        entries[key] = text
      } else {
        problems.append("line \(index + 1): a backslash starts neither \\u{…} nor \\\\")
      }
    }
  }

  /// `text` with its escapes replaced; nil when one is malformed.
  private static func unescaped(_ text: Substring) -> String? {
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

extension StringProtocol {
  /// The text without the spaces and tabs at its ends.
  fileprivate var trimmingSpaces: SubSequence {
    let isSpace = { (c: Character) in c == " " || c == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return self[endIndex...] }
    return self[first...last]
  }
}
