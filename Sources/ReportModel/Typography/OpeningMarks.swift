extension Punctuation {
  /// The Spanish questions and exclamations written without their opening "¿" or "¡".
  ///
  /// For each, the sentence it ends (at most 60 characters, its end kept); empty for other
  /// languages.
  /// A warning, never an edit: where the opening mark goes is the author's to say. A "?" or "!"
  /// closes the latest unclosed "¿" or "¡" of its sentence (a sentence ends at ".", a line break
  /// or a closing mark with nothing open); marks right after another ("?!", "!!") close nothing
  /// more; code and URLs are not read.
  public func unopenedMarks(_ pieces: [Piece]) -> [String] {
    guard rules == .spanish,
      pieces.contains(where: { !$0.verbatim && ($0.text.contains("?") || $0.text.contains("!")) })
    else { return [] }
    let text = ScannedText(pieces)
    var found: [String] = []
    var sentence = 0
    var open: [Unicode.Scalar: Int] = ["?": 0, "!": 0]
    for index in 0..<text.count where text.isFree(index) {
      let scalar = text.scalars[index]
      switch scalar {
      case "¿": open["?", default: 0] += 1
      case "¡": open["!", default: 0] += 1
      case "?", "!":
        if let before = text[index - 1], before == "?" || before == "!" { continue }
        if open[scalar, default: 0] > 0 {
          open[scalar, default: 0] -= 1
        } else {
          found.append(Self.excerpt(text, sentence...index))
        }
        if open.values.allSatisfy({ $0 == 0 }) { sentence = index + 1 }
      case ".", "\n":
        open = ["?": 0, "!": 0]
        sentence = index + 1
      default: break
      }
    }
    return found
  }

  /// The sentence at `range`, trimmed, its last 60 characters when longer (after "…").
  private static func excerpt(_ text: ScannedText, _ range: ClosedRange<Int>) -> String {
    var scalars = text.scalars[range]
    while let first = scalars.first, first.isSpace { scalars = scalars.dropFirst() }
    let sentence = String(String.UnicodeScalarView(scalars))
    return sentence.count > 60 ? "…" + sentence.suffix(59) : sentence
  }
}
