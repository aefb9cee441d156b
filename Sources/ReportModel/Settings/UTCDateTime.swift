import Foundation

/// A moment as a UTC calendar date and time of day, computed arithmetically (proleptic Gregorian
/// calendar) rather than through Foundation's `Calendar`, which loads ICU's calendar and time-zone
/// data for what is a few divisions.
public struct UTCDateTime: Hashable, Sendable {
  public var year: Int, month: Int, day: Int
  public var hour: Int, minute: Int, second: Int

  /// The UTC date and time of `date`, to the second (rounded down).
  public init(_ date: Date) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
    let (wholeDays, time) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
    (year, month, day) = Self.civil(fromDays: wholeDays)
    hour = time / 3600
    minute = time % 3600 / 60
    second = time % 60
  }

  /// Year, month, day of the day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `YYYY-MM-DDThh:mm:ssZ`.
  public var iso8601: String {
    func pad(_ v: Int, _ width: Int) -> String {
      let digits = String(v)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return
      "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
  }
}
