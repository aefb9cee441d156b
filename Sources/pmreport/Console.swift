import Foundation

/// Standard error, written unbuffered (the progress bar and the diagnostics share it), and
/// standard output's lines (`watch --json`), each written whole at once.
enum Console {
  /// Writes a line to standard output, unbuffered: a program reading it gets it at once.
  static func output(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  /// Writes a line to standard error.
  static func error(_ line: String) { write(line + "\n") }

  /// Writes `text` to standard error as it is.
  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
