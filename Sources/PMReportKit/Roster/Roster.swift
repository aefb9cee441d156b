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
  /// The file name the participant's copies go under (``Roster/slugs(_:)``).
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
/// personalised text. Every bad row (an empty name, a wrong number of fields, bad quoting) is
/// reported, all at once, as one ``InputError`` naming the file and line.
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
    let headerLine = text.prefix { !$0.isNewline }
    let delimiter: CSVDelimiter =
      headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count
      ? .semicolon : .comma
    let header: [String]
    do {
      header = try EnumeratedCSV(
        string: text, delimiter: delimiter, loadColumns: false, rowLimit: 0
      )
      .header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    } catch {
      throw failure(1, "the header row has bad quoting")
    }
    guard header.contains("name") else {
      throw failure(
        1,
        "the header row needs a 'name' column (found: \(header.joined(separator: ", ")))",
        key: "name")
    }
    var diagnostics: [Diagnostic] = []
    var participants: [Participant] = []
    for record in records(text, delimiter: delimiter) {
      func report(_ message: String) {
        diagnostics.append(
          Diagnostic(file: file, line: record.line, column: 0, keyPath: "", message: message))
      }
      guard let fields = record.fields else {
        report("bad quoting: a quote inside a field must be doubled, and a quoted field closed")
        continue
      }
      if fields == [""] { continue }  // a blank line
      if fields.contains(where: { $0.contains(where: \.isNewline) }) {
        report("a line break inside a field (is a quote left open?)")
        continue
      }
      if fields.count != header.count {
        report(
          "\(fields.count) field\(fields.count == 1 ? "" : "s"); the header has \(header.count)")
        continue
      }
      var values: [String: String] = [:]
      for (column, value) in zip(header, fields) {
        values[column] = value.trimmingCharacters(in: .whitespaces)
      }
      let name = values["name"] ?? ""
      if name.isEmpty {
        report("the name is empty")
        continue
      }
      participants.append(
        Participant(
          row: participants.count + 1, line: record.line, name: name, fields: values, slug: ""))
    }
    if !diagnostics.isEmpty { throw InputError(diagnostics: diagnostics) }
    if participants.isEmpty {
      throw failure(0, "the roster lists no participants under its header")
    }
    let slugs = Self.slugs(participants.map { ($0.row, $0.name) })
    for index in participants.indices { participants[index].slug = slugs[index] }
    return Roster(file: file, columns: header, participants: participants)
  }

  /// The data records after the header, each with the line it starts on; `fields` nil for a
  /// record SwiftCSV refused (bad quoting).
  ///
  /// SwiftCSV stops at the first bad record, so parsing resumes on the line after it: every bad
  /// row is found in one pass over the file.
  static func records(_ text: String, delimiter: CSVDelimiter) -> [(line: Int, fields: [String]?)] {
    var out: [(line: Int, fields: [String]?)] = []
    var rest = Substring(text)
    var line = 1  // the line `rest` starts on; its first row is a header (real, or a blank one)
    while true {
      var next = line + 1
      do {
        // rowLimit 0: the initialiser reads the header only; the rows are enumerated below.
        let csv = try EnumeratedCSV(
          string: String(rest), delimiter: delimiter, loadColumns: false, rowLimit: 0)
        try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { fields in
          out.append((next, fields))
          next += 1 + fields.reduce(0) { $0 + $1.filter(\.isNewline).count }
        }
        return out
      } catch {
        out.append((next, nil))
        // Resume after the bad line; a blank line stands in for the header.
        var lines = rest.split(
          maxSplits: next - line + 1, omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.count == next - line + 2 else { return out }
        rest = "\n" + lines.removeLast()
        line = next
      }
    }
  }

  /// Each participant's slug, in order: the name in lower-case ASCII, accents dropped and words
  /// joined by hyphens ("Zoë O'Brien" → `zoe-o-brien`); a name in another script (or with nothing
  /// left) gives `participant-<row>`; a slug taken by an earlier row gets `-<row>` added.
  public static func slugs(_ names: [(row: Int, name: String)]) -> [String] {
    var taken: Set<String> = []
    return names.map { row, name in
      var folded = name.folding(options: [.diacriticInsensitive], locale: nil).lowercased()
      for (letter, ascii) in latinLetters {
        folded = folded.replacingOccurrences(of: letter, with: ascii)
      }
      let foreign = folded.unicodeScalars.contains { !$0.isASCII && $0.properties.isAlphabetic }
      var slug = Slug.make(folded)
      if foreign || slug.isEmpty { slug = "participant-\(row)" }
      if taken.contains(slug) { slug += "-\(row)" }
      taken.insert(slug)
      return slug
    }
  }

  /// Latin letters that folding leaves alone (they have no accent to drop), as ASCII.
  private static let latinLetters: [(String, String)] = [
    ("ß", "ss"), ("ø", "o"), ("ł", "l"), ("ı", "i"), ("đ", "d"), ("ð", "d"), ("þ", "th"),
    ("æ", "ae"), ("œ", "oe"), ("ħ", "h"), ("ŋ", "ng"),
  ]

  /// The `k`-th (from 1) of `n` contiguous slices: rows ⌊(k−1)·count/n⌋ to ⌊k·count/n⌋ − 1.
  public static func shard(_ k: Int, of n: Int, count: Int) -> Range<Int> {
    ((k - 1) * count / n)..<(k * count / n)
  }

  /// The participants of shard `k` of `n`.
  public func shard(_ k: Int, of n: Int) -> [Participant] {
    Array(participants[Self.shard(k, of: n, count: participants.count)])
  }
}
