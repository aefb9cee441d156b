import ReportConfig

/// The problems of a roster's rows, collected so that every one is reported at once.
struct RowProblems {
  /// The roster file, as named in messages.
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  /// The problems in file order.
  var sorted: [Diagnostic] { diagnostics.sorted { $0.line < $1.line } }

  /// The record's fields by column (trimmed), or nil when it is a blank line or a bad row
  /// (reported).
  mutating func values(of record: RosterRecords.Record, header: [String]) -> [String: String]? {
    guard let fields = record.fields else {
      report(
        "bad quoting: a quote inside a field must be doubled, and a quoted field closed",
        record.line)
      return nil
    }
    if fields == [""] { return nil }  // a blank line
    if fields.contains(where: { $0.contains(where: \.isNewline) }) {
      report("a line break inside a field (is a quote left open?)", record.line)
      return nil
    }
    if fields.count != header.count {
      report(
        "\(fields.count) field\(fields.count == 1 ? "" : "s"); the header has \(header.count)",
        record.line)
      return nil
    }
    var values: [String: String] = [:]
    for (column, value) in zip(header, fields) {
      values[column] = value.trimmingWhitespace
    }
    let name = values["name"] ?? ""
    if let problem = name.isEmpty ? "the name is empty" : ParticipantName.problem(name) {
      report(problem, record.line)
      return nil
    }
    return values
  }

  /// Reports a slug whose files would not fit the file system.
  mutating func check(slug: String, line: Int) {
    if let problem = Roster.lengthProblem(slug) { report(problem, line) }
  }

  private mutating func report(_ message: String, _ line: Int) {
    diagnostics.append(
      Diagnostic(file: file, line: line, column: 0, keyPath: "", message: message))
  }
}
