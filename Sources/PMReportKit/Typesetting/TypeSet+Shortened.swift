import Frames
import Geometry
import TextShaping

extension TypeSet {
  /// `text` on one line no wider than `maxWidth`, shortened with an ellipsis after its last
  /// whole word that fits (its first word at least) when it is wider.
  func line(_ text: String, font: FontSpec, color: Color, within maxWidth: Double) -> ShapedLine {
    var line = self.line(text, font: font, color: color)
    var words = text.split(separator: " ")
    while line.width > maxWidth, words.count > 1 {
      words.removeLast()
      line = self.line(words.joined(separator: " ") + "…", font: font, color: color)
    }
    return line
  }
}
