import Foundation

/// Standard error, written unbuffered (the progress bar and the diagnostics share it).
enum Console {
  /// Writes a line to standard error.
  static func error(_ line: String) { write(line + "\n") }

  /// Writes `text` to standard error as it is.
  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
