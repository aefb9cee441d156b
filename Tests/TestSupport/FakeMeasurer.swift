import Frames
import TextShaping

/// A font-free measurer with fixed advances, for exact positions in layout tests.
///
/// Every character is half the font size wide and every line `size × leading` tall; words break
/// greedily at spaces within the width. As a ``ParagraphShaper`` (the engine behind the caches) it
/// reports the characters in `lacking` as missing, and counts what it is asked.
public final class FakeMeasurer: TextMeasurer, ParagraphShaper {
  /// The paragraphs set so far.
  public private(set) var shapeCalls = 0
  /// The paragraphs measured (``measureWidths(_:)``) so far.
  public private(set) var widthCalls = 0
  /// The characters no font has: ``shapeParagraph(_:)`` reports those in the text as missing.
  public var lacking: Set<Unicode.Scalar>
  /// The height of the lines ``lines(_:prefix:)`` makes.
  public let lineHeight: Double

  public init(lacking: Set<Unicode.Scalar> = [], lineHeight: Double = 10) {
    self.lacking = lacking
    self.lineHeight = lineHeight
  }

  /// The width of `text` set in a font of `size`.
  public static func width(_ text: String, size: Double) -> Double {
    0.5 * size * Double(text.count)
  }

  public func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph {
    shapeCalls += 1
    let size = paragraph.fontSize
    let height = size * paragraph.leading
    var lines: [String] = []
    var current = ""
    for word in paragraph.text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if current.isEmpty || Self.width(candidate, size: size) <= paragraph.width {
        current = candidate
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return ShapedParagraph(
      lines: lines.map {
        ShapedLine(
          width: Self.width($0, size: size), height: height,
          baseline: (height - size) / 2 + 0.8 * size,
          text: $0)
      })
  }

  public func shapeParagraph(_ paragraph: ParagraphSpec) -> ShapingResult {
    var missing: [Unicode.Scalar] = []
    for scalar in paragraph.text.unicodeScalars
    where lacking.contains(scalar) && !missing.contains(scalar) {
      missing.append(scalar)
    }
    return ShapingResult(paragraph: shape(paragraph), missing: missing)
  }

  /// The widest word and the whole text on one line.
  public func measureWidths(_ paragraph: ParagraphSpec) -> TextWidths {
    widthCalls += 1
    let size = paragraph.fontSize
    let words = paragraph.text.split(separator: " ").map { Self.width(String($0), size: size) }
    return TextWidths(
      minimum: words.max() ?? 0, preferred: Self.width(paragraph.text, size: size))
  }

  /// `count` lines of text 50 points wide, labelled so that each line can be found again.
  public func lines(_ count: Int, prefix: String = "l") -> [ShapedLine] {
    (0..<count).map {
      ShapedLine(width: 50, height: lineHeight, baseline: lineHeight * 0.8, text: "\(prefix)\($0)")
    }
  }
}
