import Frames

/// A table with more columns than its page's text width holds at one character each: an error
/// for the document it is in (exit 65), not a table of unreadable slivers.
struct TableTooWideError: Error, CustomStringConvertible {
  /// Where the table was written; nil for content made in code.
  var location: SourceSpan?
  var columns: Int
  /// The most columns that fit the text width.
  var fitting: Int
  /// The text width, in points.
  var width: Double

  var description: String {
    let place = location.map { "\($0.file):\($0.line): " } ?? ""
    return "\(place)a table of \(columns) columns is too wide for the page: its \(Int(width)) pt "
      + "of text width hold at most \(fitting) columns; split the table, or leave columns out"
  }
}
