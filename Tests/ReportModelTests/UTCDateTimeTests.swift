import Foundation
import ReportModel
import Testing

/// The arithmetic calendar that dates PDFs and title blocks agrees with Foundation's Gregorian
/// calendar in UTC, across leap days, century years and dates before 1970.
@Suite struct UTCDateTimeTests {
  @Test(arguments: [
    0.0, 59.0, 86_399.0, 951_782_400.0, 4_107_542_399.0, 1_700_000_000.0, 1_795_651_200.0,
    -1.0, -86_401.0, -2_208_988_800.0, 253_402_300_799.0,
  ])
  func agreesWithFoundationsCalendar(seconds: Double) throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let date = Date(timeIntervalSince1970: seconds)
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let mine = UTCDateTime(date)
    #expect(
      [mine.year, mine.month, mine.day, mine.hour, mine.minute, mine.second]
        == [c.year, c.month, c.day, c.hour, c.minute, c.second].map { $0 ?? -1 })
  }

  @Test func printsTheFormCairoExpects() {
    #expect(UTCDateTime(Date(timeIntervalSince1970: 951_782_400)).iso8601 == "2000-02-29T00:00:00Z")
    #expect(
      UTCDateTime(Date(timeIntervalSince1970: 1_700_000_000)).iso8601 == "2023-11-14T22:13:20Z")
  }
}
