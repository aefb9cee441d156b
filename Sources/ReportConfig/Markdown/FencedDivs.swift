import ReportModel

/// Pandoc's fenced divs (`::: notes` … `:::`, `::: slide` … `:::`) taken out of a Markdown body
/// before cmark reads it (cmark-gfm has no fenced divs).
///
/// Line-based: each div's lines, fences included, become empty lines in the text cmark reads, so
/// every line after a div keeps its number (source links and error positions rely on it). Each
/// div's own text is kept with as many leading line breaks as lines come before it, so cmark
/// places what it holds on its true lines too. A `:::` line inside a code block is code.
struct FencedDivs {
  /// The classes a fenced div may have.
  enum Kind: String, CaseIterable {
    case notes, slide
  }

  /// One div: its class, where it opens, and its text placed on its lines.
  struct Div {
    var kind: Kind
    /// The opening fence's line (1-based).
    var line: Int
    /// The div's inner lines, after `line` line breaks.
    var text: String
  }

  /// The body with the divs' lines emptied.
  var body: String
  /// The divs, in order.
  var divs: [Div] = []
  /// Unclosed and unknown divs.
  var diagnostics: [Diagnostic] = []

  /// Splits the divs off `text` (`file` names the file in messages).
  init(_ text: String, file: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var fence: CodeFence?
    var open: (kind: Kind?, line: Int, inner: [String])?
    for index in lines.indices {
      let line = lines[index]
      if let current = fence {
        if current.closes(line) { fence = nil }
      } else if let opening = CodeFence(line) {
        fence = opening
      } else if Self.isClosing(line), let div = open {
        if let kind = div.kind {
          let lead = String(repeating: "\n", count: div.line)
          divs.append(
            Div(kind: kind, line: div.line, text: lead + div.inner.joined(separator: "\n")))
        }
        open = nil
        lines[index] = ""
        continue
      } else if let name = Self.className(line) {
        let location = SourceLocation(file: file, line: index + 1, column: 1)
        if open != nil {
          diagnostics.append(
            Diagnostic(
              "a fenced div cannot open inside another; close the one above with a ':::' line",
              at: location, keyPath: .root))
        } else {
          open = (Kind(rawValue: name), index + 1, [])
          if Kind(rawValue: name) == nil { diagnostics.append(Self.unknown(name, at: location)) }
          lines[index] = ""
          continue
        }
      }
      if open != nil {
        open?.inner.append(line)
        lines[index] = ""
      }
    }
    if let div = open {
      diagnostics.append(
        Diagnostic(
          "this fenced div is never closed; end it with a ':::' line",
          at: SourceLocation(file: file, line: div.line, column: 1), keyPath: .root))
    }
    body = lines.joined(separator: "\n")
  }

  /// `:::` (three or more colons) alone on a line.
  static func isClosing(_ line: String) -> Bool {
    let trimmed = line.trimmingSpaces
    return trimmed.count >= 3 && trimmed.allSatisfy { $0 == ":" }
  }

  /// The class of an opening fence: `::: notes`, `::: {.notes}`, `::: notes :::`; nil for any
  /// other line.
  static func className(_ line: String) -> String? {
    guard line.hasPrefix(":::") else { return nil }
    var rest = line.drop { $0 == ":" }.trimmingSpaces
    while rest.hasSuffix(":") { rest = String(rest.dropLast()) }
    rest = rest.trimmingSpaces
    if rest.hasPrefix("{"), rest.hasSuffix("}") {
      rest = String(rest.dropFirst().dropLast()).trimmingSpaces
      guard rest.hasPrefix(".") else { return nil }
      rest = String(rest.dropFirst())
    }
    guard !rest.isEmpty, !rest.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
    return rest
  }

  static func unknown(_ name: String, at location: SourceLocation) -> Diagnostic {
    let names = Kind.allCases.map(\.rawValue)
    var message = "unknown fenced div '::: \(name)'"
    if let suggestion = Suggestions.nearest(to: name, in: names) {
      message += "; did you mean '::: \(suggestion)'?"
    } else {
      message += "; expected \(Suggestions.list(names.map { "'::: \($0)'" }))"
    }
    return Diagnostic(message, at: location, keyPath: .root)
  }
}

/// A fenced code block's opening line: its character and length (a `:::` inside one is code).
private struct CodeFence {
  let character: Character
  let length: Int

  init?(_ line: String) {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3, let first = line.dropFirst(indent).first, first == "`" || first == "~"
    else { return nil }
    let run = line.dropFirst(indent).prefix { $0 == first }.count
    guard run >= 3 else { return nil }
    character = first
    length = run
  }

  /// Whether `line` closes this block.
  func closes(_ line: String) -> Bool {
    guard let other = CodeFence(line), other.character == character, other.length >= length
    else { return false }
    return line.trimmingSpaces.allSatisfy { $0 == character }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and carriage returns.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
