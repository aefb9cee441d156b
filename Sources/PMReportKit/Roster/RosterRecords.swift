import SwiftCSV

/// A roster's text cut into CSV records, each read by SwiftCSV on its own, so that a bad record
/// costs its own length and reading goes on at the next line: linear in the file, however many
/// rows are bad.
///
/// A record ends at the first line end after which its quotes (`"`) are even in number: in CSV a
/// line break inside a record is inside an open quoted field, so this is where SwiftCSV ends the
/// row too (or it fails before). Lines end where `Character.isNewline` says.
struct RosterRecords {
  /// One record: the line it starts on, and its fields (nil when SwiftCSV refused its quoting).
  struct Record {
    var line: Int
    var fields: [String]?
  }

  /// The lines of the text, each with its line end.
  private let lines: [Substring]
  /// Whether each line holds an odd number of quotes.
  private let oddQuotes: [Bool]
  /// How many characters each line holds, its line end included.
  private let lengths: [Int]
  private let delimiter: CSVDelimiter

  init(_ text: String, delimiter: CSVDelimiter) {
    var lines: [Substring] = []
    var oddQuotes: [Bool] = []
    var lengths: [Int] = []
    var start = text.startIndex
    var odd = false
    var length = 0
    for index in text.indices {
      let character = text[index]
      length += 1
      if character == "\"" { odd.toggle() }
      guard character.isNewline else { continue }
      let end = text.index(after: index)
      lines.append(text[start..<end])
      oddQuotes.append(odd)
      lengths.append(length)
      start = end
      odd = false
      length = 0
    }
    if start < text.endIndex {
      lines.append(text[start...])
      oddQuotes.append(odd)
      lengths.append(length)
    }
    self.lines = lines
    self.oddQuotes = oddQuotes
    self.lengths = lengths
    self.delimiter = delimiter
  }

  /// Every record, the header first.
  ///
  /// A record SwiftCSV refuses is reported at the line it starts on, and reading goes on at the
  /// next line.
  var all: [Record] { read().records }

  /// Every record, and how many of the text's characters SwiftCSV was given to read them all (the
  /// line end put before each record aside): about the text's length however many records are bad
  /// (each line is read at most twice), which is what keeps reading linear (`RosterSafetyTests`).
  func read() -> (records: [Record], charactersRead: Int) {
    var out: [Record] = []
    var charactersRead = 0
    var first = 0
    while first < lines.count {
      var last = first
      var odd = oddQuotes[first]
      while odd, last + 1 < lines.count {
        last += 1
        if oddQuotes[last] { odd = false }
      }
      var record = lines[first].base[lines[first].startIndex..<lines[last].endIndex]
      // Read as `CSV(string:)` reads a text: without a byte-order mark at its start.
      if record.hasPrefix("\u{FEFF}") { record = record.dropFirst() }
      // SwiftCSV's rows view reads from the text's second row on: the record follows a line end
      // (an empty first row, skipped), so that SwiftCSV reads it once. (`CSV(string:)` would read
      // it twice: for its header, then again, skipping the header, for its rows.)
      var text = "\n"
      text.append(contentsOf: record)
      charactersRead += lengths[first...last].reduce(0, +)
      let fields =
        try? Enumerated(
          header: [], text: text, delimiter: delimiter, loadColumns: false, rowLimit: 1
        ).rows.first ?? []
      out.append(Record(line: first + 1, fields: fields))
      first = fields == nil ? first + 1 : last + 1
    }
    return (out, charactersRead)
  }
}
