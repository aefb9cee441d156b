import Foundation
import ReportConfig
import Testing

@testable import PMReportKit

/// A hostile or unlucky roster: colliding slugs, many bad rows, control characters, names that
/// print blank or reordered, names too long for a file name.
@Suite struct RosterSafetyTests {
  static func parse(_ text: String) throws -> Roster {
    try Roster.parse(Array(text.utf8), file: "roster.csv")
  }

  /// The error of a roster that must not load.
  static func refusal(_ text: String) -> InputError? {
    do {
      _ = try parse(text)
      Issue.record("the roster loaded")
    } catch let error as InputError {
      return error
    } catch {
      Issue.record("unexpected \(error)")
    }
    return nil
  }

  // MARK: Slugs

  @Test(arguments: [
    ["Jose 3", "Jose", "José"],
    ["Jose", "José", "Jose 3"],
    ["José", "Jose", "Jose 3", "Jose 3 4", "jose-3-4", "Jose"],
    ["Ольга", "Participant 2", "participant 3", "Ελένη"],
  ])
  func slugsAreUniqueWhateverCollides(_ names: [String]) throws {
    let roster = try Self.parse("name\n" + names.joined(separator: "\n") + "\n")
    let slugs = roster.participants.map(\.slug)
    #expect(Set(slugs).count == names.count, "\(slugs)")
  }

  @Test func slugsAndErrorsNumberRowsByTheirFileLine() throws {
    // Line 1 the header, line 2 blank: the rows start on lines 3 to 6.
    let roster = try Self.parse("name,note\n\nОльга,x\n\"Ana\",\"a\"\nAna,y\n王芳,z\n")
    #expect(roster.participants.map(\.line) == [3, 4, 5, 6])
    #expect(roster.participants.map(\.slug) == ["participant-3", "ana", "ana-5", "participant-6"])
  }

  /// Blank lines and a quoted field push the rows down the file: a slug and an error about the
  /// same row give the same number, the line its row starts on; a quoted field over two lines (an
  /// error itself) counts both of its lines.
  @Test func slugsAndErrorsGiveTheSameLineAfterBlankLinesAndAMultiLineField() throws {
    let head = "name,note\n\n\"Ana\",\"a, b\"\n\n"
    let roster = try Self.parse(head + "Ольга,x\nBo,y\n")
    #expect(roster.participants.map(\.line) == [3, 5, 6])
    #expect(roster.participants[1].slug == "participant-5")
    let error = try #require(Self.refusal(head + "Ольга,x,extra\nBo,y\n"))
    #expect(error.diagnostics.map(\.line) == [5])
    let multiLine = try #require(
      Self.refusal("name,note\nAna,\"first\nsecond\"\n\nОльга,x,extra\n"))
    #expect(multiLine.diagnostics.map(\.line) == [2, 5])
  }

  // MARK: Many bad rows

  /// `count` rows that SwiftCSV refuses (a quote inside an unquoted field, a quoted field left
  /// open), under a header.
  static func badlyQuoted(_ count: Int) -> String {
    "name,cohort\n"
      + (0..<count).map { $0.isMultiple(of: 2) ? "Ca\"rl \($0),D\n" : "\"Eve \($0),F\n" }.joined()
  }

  @Test func manyBadRowsAreRefusedInLinearTime() {
    // Linear means each line is given to SwiftCSV a bounded number of times, however many records
    // are bad: counted, not timed (a busy machine cannot make it fail, a quadratic reader must).
    for count in [5_000, 20_000] {
      let text = Self.badlyQuoted(count)
      let (records, charactersRead) = RosterRecords(text, delimiter: .comma).read()
      #expect(records.count >= count)
      #expect(
        charactersRead <= 2 * text.count,
        "\(count) bad rows: SwiftCSV read \(charactersRead) characters of \(text.count)")
    }
    #expect(Self.refusal(Self.badlyQuoted(20_000)) != nil)
  }

  @Test func everyBadRowIsKeptAndTextShowsTheFirstTwenty() throws {
    let error = try #require(Self.refusal(Self.badlyQuoted(1_000)))
    #expect(error.diagnostics.count == 1_000)
    #expect(error.diagnostics.map(\.line) == Array(2...1_001))
    let lines = error.description.split(separator: "\n")
    #expect(lines.count == 21)
    let first =
      "roster.csv:2: error: bad quoting: a quote inside a field must be doubled, and a quoted "
      + "field closed"
    #expect(lines.first.map(String.init) == first)
    #expect(lines.last == "… and 980 more problems not shown")
  }

  // MARK: Characters

  @Test func aControlCharacterOrNULIsAnErrorAtItsLine() throws {
    let nul = try #require(Self.refusal("name,cohort\nAda,A\nAl\u{0}ice,B\n"))
    #expect(nul.diagnostics.map(\.line) == [3])
    #expect(nul.diagnostics.first?.column == 3)
    #expect(nul.diagnostics.first?.message.contains("NUL") == true)
    let bell = try #require(Self.refusal("name,cohort\r\nAda,A\r\nBea,B\u{7}\r\n"))
    #expect(bell.diagnostics.map(\.line) == [3])
    #expect(bell.diagnostics.first?.message.contains("U+0007") == true)
    // Tab and every line ending are allowed.
    let fine = try Self.parse("name,cohort\r\nAda,\tA\rBea,B\nCy,C\r\n")
    #expect(fine.participants.map(\.line) == [2, 3, 4])
  }

  @Test func aRosterOfManyControlCharactersListsAThousandAndCountsTheRest() throws {
    let error = try #require(
      Self.refusal("name\nAda\n" + String(repeating: "\u{1}", count: 100_000) + "\n"))
    #expect(error.diagnostics.count == 1_001)
    #expect(error.diagnostics.last?.message.contains("99000 more control characters") == true)
  }

  @Test(arguments: ["Bob\u{202E}fdp.exe", "\u{2066}Eve\u{2069}", "Ann\u{202A}a"])
  func bidiControlsInANameAreAnError(_ name: String) throws {
    let error = try #require(Self.refusal("name\nAda\n\(name)\n"))
    #expect(error.diagnostics.map(\.line) == [3])
    #expect(error.diagnostics.first?.message.contains("bidirectional control") == true)
  }

  @Test(arguments: [
    "\u{00AD}\u{00AD}", "\u{200D}", "\u{FE0F}\u{2060}", "\u{3164}", "\u{FFA0}\u{FFA0}",
    "\u{115F}", "\u{1160}", "\u{2800}\u{2800}",
  ])
  func aNameThatPrintsBlankIsAnError(_ name: String) throws {
    let error = try #require(Self.refusal("name\nAda\n\(name)\n"))
    #expect(error.diagnostics.map(\.line) == [3])
    #expect(error.diagnostics.first?.message.contains("no letter, digit") == true)
  }

  @Test func namesInEveryScriptAndOfSymbolsStillRead() throws {
    let roster = try Self.parse("name\nمحمد عبد الله\nשרה כהן\n!!!\nO'Brien-Smith\n李\n")
    #expect(roster.participants.count == 5)
  }

  // MARK: Long names

  @Test func aNameTooLongForAFileNameIsRefusedAtItsLine() throws {
    let long = String(repeating: "Abcdefghij", count: 24)  // 240 letters
    let error = try #require(Self.refusal("name\nAda\n\(long)\nBea\n"))
    #expect(error.diagnostics.map(\.line) == [3])
    #expect(error.diagnostics.first?.message.contains("too long for a file name") == true)
  }

  @Test func theLongestNameThatFitsWritesItsFiles() throws {
    let roster = try Self.parse("name\nAda\n\(String(repeating: "a", count: 212))\n")
    let slug = try #require(roster.participants.last?.slug)
    let out = try temporaryDirectory("pmreport-long-name")
    let rosterFile = out + "/roster.csv"
    try "name\nAda\n\(slug)\n".write(toFile: rosterFile, atomically: true, encoding: .utf8)
    let result = try runPMReport(
      [
        "--root", "/", "--roster", rosterFile, "--document", "certificate", "--format", "all",
        "--output", out,
      ],
      in: PersonalisedTests.root)
    #expect(result.status == 0, "\(result.error)")
    #expect(FileManager.default.fileExists(atPath: "\(out)/pdf/certificate/\(slug).pdf"))
    #expect(FileManager.default.fileExists(atPath: "\(out)/svg/certificate/\(slug)/page-001.svg"))
  }

  @Test func aTooLongNameStopsTheRunBeforeAnythingIsWritten() throws {
    let out = try temporaryDirectory("pmreport-too-long")
    let rosterFile = out + "/roster.csv"
    let long = String(repeating: "Abcdefghij", count: 24)
    try "name\nAda\n\(long)\n".write(toFile: rosterFile, atomically: true, encoding: .utf8)
    let result = try runPMReport(
      [
        "--root", "/", "--roster", rosterFile, "--document", "certificate", "--output",
        out + "/Output",
      ],
      in: PersonalisedTests.root)
    #expect(result.status == 65, "\(result.error)")
    #expect(result.error.contains("roster.csv:3: error: the name is too long for a file name"))
    #expect(!FileManager.default.fileExists(atPath: out + "/Output/pdf"))
  }
}
