import Frames
import Geometry
import Pagination
import TextShaping

/// A measurer with fixed advances: every character is `advance` points wide, every line
/// `lineHeight` tall, breaking greedily at spaces.
///
/// Layout tests use it for exact, font-free positions.
final class FakeMeasurer: TextMeasurer {
  let advance: Double
  let lineHeight: Double
  init(advance: Double = 5, lineHeight: Double = 10) {
    self.advance = advance
    self.lineHeight = lineHeight
  }

  func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph {
    let perLine = max(1, Int(paragraph.width / advance))
    var lines: [String] = []
    var current = ""
    for word in paragraph.text.split(separator: " ") {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if candidate.count <= perLine || current.isEmpty {
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
          width: Double($0.count) * advance, height: lineHeight, baseline: lineHeight * 0.8,
          text: $0)
      })
  }

  /// `count` lines of text, labelled so that each line can be found again.
  func lines(_ count: Int, prefix: String = "l") -> [ShapedLine] {
    (0..<count).map {
      ShapedLine(width: 50, height: lineHeight, baseline: lineHeight * 0.8, text: "\(prefix)\($0)")
    }
  }
}

/// Helpers to read laid-out pages back.
extension PageBody {
  /// The text of every line on the page, top to bottom.
  var lineTexts: [String] { frame.textLines().map(\.1.text) }
  /// Every line's rectangle on the page.
  var lineRects: [Rect] { frame.textLines().map(\.0) }
}
