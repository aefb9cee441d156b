/// Finds the control characters no text of pmreport's may hold: C0 controls and NUL, tab and line
/// endings (LF, CR, CR LF) excepted.
///
/// They print as nothing or as boxes, cut a name short where a C library reads it, and make XML
/// (a PDF's XMP packet, an SVG's title) invalid; a file holding one is refused at its line.
public enum ControlCharacters {
  /// The most control characters listed one by one for a file; the rest are counted.
  static let listedLimit = 1_000

  /// One problem a control character found in `bytes` (UTF-8 text read from `file`), at its line
  /// and column (in Unicode scalars); lines end at LF, CR LF or a lone CR.
  ///
  /// Past ``listedLimit``, one more problem, at the first one not listed, says how many more the
  /// file holds.
  public static func diagnostics(in bytes: some Collection<UInt8>, file: String) -> [Diagnostic] {
    // Nearly every file holds none: one tight pass over its contiguous bytes says so, without
    // counting lines and columns.
    let holdsOne =
      bytes.withContiguousStorageIfAvailable { $0.contains(where: isControl) }
      ?? bytes.contains(where: isControl)
    guard holdsOne else { return [] }
    var found: [Diagnostic] = []
    var unlisted = 0
    var firstUnlisted = (line: 0, column: 0)
    var line = 1
    var column = 0
    var previous: UInt8 = 0
    for byte in bytes {
      defer { previous = byte }
      if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { line += 1 }
      if byte == 0x0D || byte == 0x0A {
        column = 0
        continue
      }
      if byte & 0xC0 != 0x80 { column += 1 }
      guard isControl(byte) else { continue }
      guard found.count < listedLimit else {
        if unlisted == 0 { firstUnlisted = (line, column) }
        unlisted += 1
        continue
      }
      found.append(
        Diagnostic(
          file: file, line: line, column: column, keyPath: "", message: message(for: byte)))
    }
    if unlisted > 0 {
      found.append(
        Diagnostic(
          file: file, line: firstUnlisted.line, column: firstUnlisted.column, keyPath: "",
          message: "\(unlisted) more control characters in the file from here; remove them "
            + "(only tab and line breaks may be written)"))
    }
    return found
  }

  /// The first control character of `text` (decoded from an escape such as YAML's `"\x01"` or
  /// Markdown's `&#1;`, since the file's bytes were checked before), or nil when it has none.
  static func first(in text: String) -> UInt8? {
    text.utf8.withContiguousStorageIfAvailable { $0.first(where: isControl) }
      ?? text.utf8.first(where: isControl)
  }

  /// Whether `byte` is a control character no text may hold (C0 or NUL; not tab, LF or CR).
  static func isControl(_ byte: UInt8) -> Bool {
    byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
  }

  /// What is wrong with the control character `code`, written as such or, when `escaped`, as an
  /// escape that decodes to it.
  static func message(for code: UInt8, escaped: Bool = false) -> String {
    let name = code == 0 ? "a NUL character" : "a control character"
    let hex = String(code, radix: 16, uppercase: true)
    let how = escaped ? " written as an escape" : ""
    return "\(name) (U+\(String(repeating: "0", count: 4 - hex.count))\(hex))\(how) in the text; "
      + "remove it (only tab and line breaks may be written)"
  }
}
