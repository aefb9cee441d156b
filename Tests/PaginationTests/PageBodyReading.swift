import Frames
import Geometry
import Pagination

/// Helpers to read laid-out pages back.
extension PageBody {
  /// The text of every line on the page, top to bottom.
  var lineTexts: [String] { frame.textLines().map(\.1.text) }
  /// Every line's rectangle on the page.
  var lineRects: [Rect] { frame.textLines().map(\.0) }
}
