/// The links a document may carry.
///
/// `http`, `https`, `mailto` and `tel` URIs, relative references and the document's own
/// `#anchors`. Any other scheme (`javascript:`, `file:`, `data:`, …) and a reference to another
/// host without a scheme (`//host/…`) is refused where it is written.
enum LinkRules {
  /// The schemes a link may name (compared without regard to case).
  static let allowedSchemes = ["http", "https", "mailto", "tel"]

  /// Why `link` may not be written into a document; nil when it may.
  static func problem(with link: String) -> String? {
    let reference = readerForm(link)
    let allowed =
      "links may be \(Suggestions.list(allowedSchemes)) URIs, relative paths or "
      + "#section-id anchors"
    if let scheme = scheme(of: reference) {
      guard !allowedSchemes.contains(scheme.lowercased()) else { return nil }
      return "the link '\(link)' uses the scheme '\(scheme):', which pmreport does not write "
        + "into documents; \(allowed)"
    }
    if ["//", "\\\\", "/\\", "\\/"].contains(String(reference.prefix(2))) {
      return "the link '\(link)' names another host without a scheme; \(allowed) "
        + "(write https://… for a web page)"
    }
    return nil
  }

  /// `link` as a PDF viewer or browser reads it: without tabs and line breaks anywhere, and
  /// without the spaces, control characters, other white space and byte order marks (U+FEFF) it
  /// starts with.
  private static func readerForm(_ link: String) -> String {
    var kept = String.UnicodeScalarView()
    for scalar in link.unicodeScalars where !["\t", "\n", "\r"].contains(scalar) {
      if kept.isEmpty,
        scalar.value <= 0x20 || scalar.value == 0xFEFF || scalar.properties.isWhitespace
      {
        continue
      }
      kept.append(scalar)
    }
    return String(kept)
  }

  /// The scheme a URI reference starts with (a letter, then letters, digits, `+`, `-` or `.`,
  /// before a colon), if any.
  private static func scheme(of reference: String) -> String? {
    guard let colon = reference.firstIndex(of: ":") else { return nil }
    let name = reference[..<colon]
    guard let first = name.first, first.isASCII, first.isLetter,
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return nil }
    return String(name)
  }
}
