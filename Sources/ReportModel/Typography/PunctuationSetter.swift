/// One pass of a language's punctuation rules over a paragraph's scalars, writing each piece's
/// text anew (see ``Punctuation``).
struct PunctuationSetter {
  private var text: ScannedText
  private let rules: Punctuation.Rules

  init(text: ScannedText, rules: Punctuation.Rules) {
    self.text = text
    self.rules = rules
    self.text.pairDoubleQuotes()
    if rules == .german { self.text.pairSingleQuotes() }
  }

  /// Each piece's text with the rules applied.
  mutating func run() -> [String] {
    var out: [String] = []
    var piece = String.UnicodeScalarView()
    var next = 0
    var index = 0
    while index <= text.count {
      // Every piece ending here is complete (empty pieces too).
      while next < text.ends.count, text.ends[next] == index {
        out.append(String(piece))
        piece = String.UnicodeScalarView()
        next += 1
      }
      guard index < text.count else { break }
      index += write(at: index, into: &piece)
    }
    return out
  }

  /// Writes the scalar at `index` as the rules set it; returns how many scalars it took (two
  /// when an opening guillemet took the plain space after it).
  private func write(at index: Int, into out: inout String.UnicodeScalarView) -> Int {
    let scalar = text.scalars[index]
    guard text.isFree(index) else {
      out.append(scalar)
      return 1
    }
    if scalar == " ", text.isFree(index + 1), let space = spaceBefore(index + 1) {
      out.append(space)
      return 1
    }
    if let space = spaceBefore(index), takesSpace(before: index) { out.append(space) }
    let shown = shape(of: index)
    out.append(shown)
    guard rules == .french, shown == "«" else { return 1 }
    // Inside « »: a narrow no-break space after the opening guillemet.
    guard let after = text[index + 1] else { return 1 }
    let typedSpace = after == " " && text.isFree(index + 1)
    guard typedSpace || !after.isSpace else { return 1 }
    out.append(.narrowNoBreakSpace)
    return typedSpace ? 2 : 1
  }

  /// How the scalar at `index` is printed: a paired straight quote as the language's quotation
  /// mark, anything else as it is.
  private func shape(of index: Int) -> Unicode.Scalar {
    let scalar = text.scalars[index]
    let opens = text.opening.contains(index)
    guard opens || text.closing.contains(index) else { return scalar }
    switch (rules, scalar) {
    case (.german, "'"): return opens ? "\u{201A}" : "\u{2018}"
    case (.german, _): return opens ? "\u{201E}" : "\u{201C}"
    default: return opens ? "«" : "»"
    }
  }

  /// The no-break space French sets before the (free) scalar at `index`, or nil.
  private func spaceBefore(_ index: Int) -> Unicode.Scalar? {
    guard rules == .french, index < text.count else { return nil }
    switch shape(of: index) {
    case ":":
      // A time or a ratio ("10:30", "16:9") keeps its colon tight.
      let isTime =
        text[index - 1]?.properties.numericType != nil
        && text[index + 1]?.properties.numericType != nil
      return isTime ? nil : .noBreakSpace
    case ";", "!", "?", "»": return .narrowNoBreakSpace
    case "%":
      // After a number, whether or not the author typed a space ("45%", "45 %").
      let number = text[index - 1] == " " ? text[index - 2] : text[index - 1]
      return number?.properties.numericType != nil ? .narrowNoBreakSpace : nil
    default: return nil
    }
  }

  /// Whether a space goes in before the mark at `index`: not at the start, not after a space
  /// (an author's plain one was already replaced, a no-break one is kept), an opening bracket or
  /// quote, or another mark ("?!").
  private func takesSpace(before index: Int) -> Bool {
    guard let before = text[index - 1] else { return false }
    if before.isSpace { return false }
    switch before {
    case "(", "[", "{", "«", "¿", "¡", ":", ";", "!", "?", "\u{2014}", "\u{2013}": return false
    default: return !text.opening.contains(index - 1)
    }
  }
}
