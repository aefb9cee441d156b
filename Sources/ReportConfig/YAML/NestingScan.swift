/// The nesting pre-scan of ``YAMLSource/excessiveNesting(in:)`` over a text's UTF-8 bytes.
///
/// Counts open flow brackets, block indentation levels and compact `- - -` sequences line by
/// line, skipping quoted scalars, comments and block scalars.
struct NestingScan {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The deepest nesting let through.
  var maximumDepth = YAMLSource.maximumDepth

  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")
  private static let hash = UInt8(ascii: "#")
  private static let dash = UInt8(ascii: "-")
  private static let question = UInt8(ascii: "?")
  private static let doubleQuote = UInt8(ascii: "\"")
  private static let singleQuote = UInt8(ascii: "'")
  private static let backslash = UInt8(ascii: "\\")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// The line, column (in Unicode scalars) and depth where the nesting first passes
  /// ``maximumDepth``; nil if it never does.
  func firstExcess() -> (line: Int, column: Int, depth: Int)? {
    var flowDepth = 0
    var quote: UInt8?
    var indents: [Int] = []
    var blockScalarParent: Int?
    var lineNumber = 0
    var lineStart = 0
    while lineStart <= bytes.count {
      lineNumber += 1
      // A line ends at LF, CR or CR LF, as the parser's lines do.
      var count = lineStart
      while count < bytes.count, bytes[count] != Self.lineFeed, bytes[count] != Self.carriageReturn
      {
        count += 1
      }
      let crLF =
        count + 1 < bytes.count && bytes[count] == Self.carriageReturn
        && bytes[count + 1] == Self.lineFeed
      defer { lineStart = count + (crLF ? 2 : 1) }
      var start = lineStart
      while start < count, bytes[start] == Self.space { start += 1 }
      let blank = start == count || bytes[start] == Self.hash
      let indent = start - lineStart
      if let parent = blockScalarParent {
        if blank || indent > parent { continue }
        blockScalarParent = nil
      }
      var index = start
      var sequenceLevels = 0
      if quote == nil, flowDepth == 0, !blank {
        while let last = indents.last, last >= indent { indents.removeLast() }
        indents.append(indent)
        while index < count, bytes[index] == Self.dash || bytes[index] == Self.question,
          index + 1 == count || bytes[index + 1] == Self.space
        {
          sequenceLevels += 1
          index += 1
          while index < count, bytes[index] == Self.space { index += 1 }
        }
      }
      let blockDepth = indents.count + sequenceLevels
      if blockDepth + flowDepth > maximumDepth {
        return (lineNumber, column(of: index, from: lineStart), blockDepth + flowDepth)
      }
      // The last non-blank character before this one: a quote opens a scalar only after an
      // indicator (or at the start of the content), never inside a plain scalar ("it's").
      var lastSignificant: UInt8? = index > start ? Self.dash : nil
      var previous = Self.space
      while index < count {
        let c = bytes[index]
        if let open = quote {
          if open == Self.doubleQuote, c == Self.backslash {
            index += 2
            previous = Self.space
            continue
          }
          if c == open {
            if open == Self.singleQuote, index + 1 < count, bytes[index + 1] == Self.singleQuote {
              index += 2
              continue
            }
            quote = nil
            lastSignificant = c
          }
        } else {
          if c == Self.hash, previous == Self.space || previous == Self.tab { break }
          switch c {
          case Self.doubleQuote, Self.singleQuote:
            if lastSignificant.map(Self.opensQuotedScalar) ?? true { quote = c }
          case UInt8(ascii: "["), UInt8(ascii: "{"):
            flowDepth += 1
            if blockDepth + flowDepth > maximumDepth {
              return (lineNumber, column(of: index, from: lineStart), blockDepth + flowDepth)
            }
          case UInt8(ascii: "]"), UInt8(ascii: "}"):
            flowDepth = max(0, flowDepth - 1)
          case UInt8(ascii: "|"), UInt8(ascii: ">"):
            if flowDepth == 0, previous == Self.space || index == start,
              isBlockScalarHeader(from: index + 1, to: count)
            {
              blockScalarParent = indent
              index = count
              continue
            }
          default: break
          }
          if c != Self.space, c != Self.tab { lastSignificant = c }
        }
        previous = c
        index += 1
      }
    }
    return nil
  }

  /// Whether a quote after `byte` (the last non-blank one) opens a quoted scalar: after an
  /// indicator, a separator or an opening bracket.
  private static func opensQuotedScalar(after byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: ":"), dash, UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"),
      question:
      true
    default: false
    }
  }

  /// The 1-based column, in Unicode scalars, of the byte at `index` in the line starting at
  /// `lineStart` (a scalar's first byte is any byte but a continuation byte, 0b10xxxxxx).
  private func column(of index: Int, from lineStart: Int) -> Int {
    var scalars = 0
    for position in lineStart..<min(index, bytes.count) where bytes[position] & 0xC0 != 0x80 {
      scalars += 1
    }
    return scalars + 1
  }

  /// Whether the bytes from `from` to `to` (what follows `|` or `>`) are only a block scalar
  /// header: indentation and chomping indicators, then nothing or a comment.
  private func isBlockScalarHeader(from: Int, to end: Int) -> Bool {
    var sawSpace = false
    var index = from
    while index < end {
      let c = bytes[index]
      index += 1
      if c == Self.hash { return sawSpace }
      if c == Self.space || c == Self.tab {
        sawSpace = true
        continue
      }
      if sawSpace { return false }
      if c == UInt8(ascii: "+") || c == Self.dash
        || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(c)
      {
        continue
      }
      return false
    }
    return true
  }
}
