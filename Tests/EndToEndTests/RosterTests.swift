import Foundation
import PMReportKit
import ReportConfig
import Testing

/// The roster: reading the CSV, every bad row at once, slugs and shards.
@Suite struct RosterTests {
  static func parse(_ text: String, bom: Bool = false) throws -> Roster {
    try Roster.parse((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8), file: "roster.csv")
  }

  /// The diagnostics of a roster that must not load.
  static func problems(_ bytes: [UInt8]) -> [Diagnostic] {
    do {
      _ = try Roster.parse(bytes, file: "roster.csv")
      Issue.record("the roster loaded")
    } catch let error as InputError {
      return error.diagnostics
    } catch {
      Issue.record("unexpected \(error)")
    }
    return []
  }

  @Test func commaAndSemicolonFilesWithAndWithoutBOMRead() throws {
    let comma = try Self.parse("Name,Cohort\nAnna Müller,Spring\n\"Ng, Lee\",Autumn\n", bom: true)
    #expect(comma.columns == ["name", "cohort"])
    #expect(comma.participants.map(\.name) == ["Anna Müller", "Ng, Lee"])
    #expect(comma.participants[1].fill("{name} ({cohort})") == "Ng, Lee (Autumn)")
    let semicolon = try Self.parse("name;cohort;trainer\r\nJosé;A;Kim\r\n\r\nΕλένη;B;Kim\r\n")
    #expect(semicolon.participants.map(\.name) == ["José", "Ελένη"])
    #expect(semicolon.participants.map(\.line) == [2, 4])
    #expect(semicolon.participants[1].fields["trainer"] == "Kim")
  }

  @Test func everyBadRowIsReportedAtOnceWithItsLine() {
    let text = """
      name,cohort
      Ada,A
      ,B
      Bea,C,extra
      Ca"rl,D
      Dan,E
      "Eve,F

      """
    let diagnostics = Self.problems(Array(text.utf8))
    #expect(diagnostics.map(\.line) == [3, 4, 5, 7])
    #expect(diagnostics.allSatisfy { $0.file == "roster.csv" })
    #expect(diagnostics[0].message == "the name is empty")
    #expect(diagnostics[1].message == "3 fields; the header has 2")
    #expect(diagnostics[2].message.hasPrefix("bad quoting"))
    #expect(diagnostics[3].message.contains("quote left open"))
  }

  @Test func aFileThatIsNotUTF8AsksForCSVUTF8() {
    // "Müller" in Latin-1, as a spreadsheet's plain "CSV" saves it.
    let diagnostics = Self.problems(Array("name\nM".utf8) + [0xFC] + Array("ller\n".utf8))
    #expect(diagnostics.first?.message.contains("\"CSV UTF-8\"") == true)
    let utf16 = Self.problems([0xFF, 0xFE] + Array("n\0a\0m\0e\0".utf8))
    #expect(utf16.first?.message.contains("\"CSV UTF-8\"") == true)
  }

  @Test func aHeaderWithoutNameIsAnError() {
    let diagnostics = Self.problems(Array("first,last\nA,B\n".utf8))
    #expect(
      diagnostics.first?.message == "the header row needs a 'name' column (found: first, last)")
    #expect(diagnostics.first?.line == 1)
  }

  @Test func slugsAreASCIIAndUnique() {
    let slugs = Roster.slugs([
      (1, "Zoë O'Brien"), (2, "Ольга Иванова"), (3, "王芳"), (4, "zoe o brien"),
      (5, "François-Xavier Dupré"), (6, "Ελένη"), (7, "!!!"), (8, "Zoë O’Brien"),
      (9, "Søren Groß"), (10, "Małgorzata Yıldız"), (11, "Anna 王"),
    ])
    #expect(
      slugs == [
        "zoe-o-brien", "participant-2", "participant-3", "zoe-o-brien-4",
        "francois-xavier-dupre", "participant-6", "participant-7", "zoe-o-brien-8",
        "soren-gross", "malgorzata-yildiz", "participant-11",
      ])
    #expect(Set(slugs).count == slugs.count)
  }

  @Test func shardsTogetherAreTheRosterWithNoOverlap() {
    for count in [0, 1, 7, 30, 200] {
      for n in 1...9 {
        let ranges = (1...n).map { Roster.shard($0, of: n, count: count) }
        #expect(ranges.flatMap { Array($0) } == Array(0..<count), "\(count) rows in \(n)")
        let sizes = ranges.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
      }
    }
    #expect(Roster.shard(2, of: 3, count: 30) == 10..<20)
  }
}
