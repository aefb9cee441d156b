import Foundation
import ReportConfig
import ReportModel
import SwiftCSV

/// One row of the roster: a participant, with every column of the row by its header name.
public struct Participant: Hashable, Sendable {
  /// 1-based position among the roster's participants (the header is not counted).
  public var row: Int
  /// The line of the CSV file the row starts on.
  public var line: Int
  public var name: String
  /// Every column by its header (lower-cased, trimmed), `name` included: the placeholders
  /// personalised text may use (`{cohort}`).
  public var fields: [String: String]
  /// The file name the participant's copies go under (``Roster/slugs(_:)``), unique in the roster.
  public var slug: String

  /// `template` with `{column}` placeholders filled from the row.
  public func fill(_ template: String) -> String { Words.fill(template, fields) }
}

/// The participants of a training (`--roster FILE.csv` or `roster:` in the config), read with
/// SwiftCSV.
///
/// The file is UTF-8, with or without a byte-order mark; the delimiter is a comma or a semicolon,
/// whichever the header row has more of (a spreadsheet saving "CSV" in a German locale writes
/// semicolons). The header must have a `name` column; its other columns are placeholders for
/// personalised text. Every bad row (an empty name, a wrong number of fields, bad quoting, a name
/// that would print blank or reordered, or make too long a file name) is reported, all at once, as
/// one ``InputError`` naming the file and line; so is a control character anywhere.
public struct Roster: Sendable {
  /// The file as named to pmreport.
  public var file: String
  /// The header's column names, lower-cased and trimmed.
  public var columns: [String]
  public var participants: [Participant]

  /// Reads (through `inputs`) and checks the roster at `path` (absolute), naming it `display` in
  /// messages.
  public static func load(path: String, display: String, inputs: Inputs) throws
    -> Roster
  {
    switch inputs.read(path) {
    case .success(let data): return try parse(Array(data), file: display)
    case .failure(let failure):
      throw MissingFileError(path: display, role: "roster file", failure: failure)
    }
  }

  /// The roster in `bytes`, read from `file`.
  public static func parse(_ bytes: [UInt8], file: String) throws -> Roster {
    func failure(_ line: Int, _ message: String, key: String = "") -> InputError {
      InputError(diagnostics: [
        Diagnostic(file: file, line: line, column: 0, keyPath: key, message: message)
      ])
    }
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
    guard let text = String(validating: body, as: UTF8.self) else {
      throw failure(
        0,
        "the roster is not UTF-8 text; save it from your spreadsheet as \"CSV UTF-8\" "
          + "(comma- or semicolon-separated)")
    }
    let controls = ControlCharacters.diagnostics(in: body, file: file)
    if !controls.isEmpty { throw InputError(diagnostics: controls) }
    let headerLine = text.prefix { !$0.isNewline }
    let delimiter: CSVDelimiter =
      headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count
      ? .semicolon : .comma
    var records = RosterRecords(text, delimiter: delimiter).all[...]
    guard let headerFields = records.popFirst()?.fields else {
      throw failure(1, "the header row has bad quoting")
    }
    let header = headerFields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard header.contains("name") else {
      throw failure(
        1,
        "the header row needs a 'name' column (found: \(header.joined(separator: ", ")))",
        key: "name")
    }
    var problems = RowProblems(file: file)
    var participants: [Participant] = []
    for record in records {
      guard let values = problems.values(of: record, header: header) else { continue }
      participants.append(
        Participant(
          row: participants.count + 1, line: record.line, name: values["name"] ?? "",
          fields: values, slug: ""))
    }
    if problems.diagnostics.isEmpty, participants.isEmpty {
      throw failure(0, "the roster lists no participants under its header")
    }
    let slugs = Self.slugs(participants.map { ($0.line, $0.name) })
    for index in participants.indices {
      participants[index].slug = slugs[index]
      problems.check(slug: slugs[index], line: participants[index].line)
    }
    if !problems.diagnostics.isEmpty { throw InputError(diagnostics: problems.sorted) }
    return Roster(file: file, columns: header, participants: participants)
  }

  /// The `k`-th (from 1) of `n` contiguous slices: rows ⌊(k−1)·count/n⌋ to ⌊k·count/n⌋ − 1.
  public static func shard(_ k: Int, of n: Int, count: Int) -> Range<Int> {
    ((k - 1) * count / n)..<(k * count / n)
  }

  /// The participants of shard `k` of `n`.
  public func shard(_ k: Int, of n: Int) -> [Participant] {
    Array(participants[Self.shard(k, of: n, count: participants.count)])
  }
}
