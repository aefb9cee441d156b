import Frames
import ReportConfig

/// A table with more columns than its page's text width holds at one character each: an error
/// for the document it is in (exit 65), not a table of unreadable slivers.
struct TableTooWideError: PositionedError, CustomStringConvertible {
  /// Where the table was written; nil for content made in code.
  var location: SourceSpan?
  var columns: Int
  /// The most columns that fit the text width.
  var fitting: Int
  /// The text width, in points.
  var width: Double

  var description: String {
    (location.map { "\($0.file):\($0.line): " } ?? "") + statement
  }

  /// At the table's first line (a block of content starts at column 1 of its line).
  var diagnostic: Diagnostic? {
    location.map {
      Diagnostic(file: $0.file, line: $0.line, column: 1, keyPath: "", message: statement)
    }
  }

  private var statement: String {
    "a table of \(columns) columns is too wide for the page: its \(Int(width)) pt of text width "
      + "hold at most \(fitting) columns; split the table, or leave columns out"
  }
}
