/// A calendar date without time or zone: content dates are days, and keeping them so avoids
/// any dependence on the build machine's clock or time zone.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    // Month and day in a byte each: a day is 10 bytes instead of 24, so a `FieldValue` (which may hold one)
    // takes 24 bytes instead of 32 in each of the tens of thousands of records.
    private let monthByte: UInt8
    private let dayByte: UInt8
    /// 1–12.
    public var month: Int { Int(monthByte) }
    /// 1–31.
    public var day: Int { Int(dayByte) }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y)
        else { return nil }
        year = y; monthByte = UInt8(m); dayByte = UInt8(d)
    }

    /// Why `text`, written as `YYYY-MM-DD`, names no day ("February 2027 has 28 days"); nil when it is a
    /// day or is not written as `YYYY-MM-DD` at all.
    public static func impossibility(iso text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        guard (1...12).contains(m) else { return "there is no month \(parts[1]); months go from 01 to 12" }
        let days = daysIn(month: m, year: y)
        guard d >= 1 else { return "days are numbered from 01" }
        guard d <= days else { return "\(monthNames[m - 1]) \(parts[0]) has \(days) days" }
        return nil
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// `month` and `day` as a calendar has them (every caller works them out so); a value past a byte is
    /// kept as 255 rather than wrapped.
    public init(year: Int, month: Int, day: Int) {
        self.year = year; monthByte = UInt8(clamping: month); dayByte = UInt8(clamping: day)
    }

    /// Seconds east of UTC of Asia/Taipei (UTC+8 all year; Taiwan has no daylight saving time).
    public static let taipeiOffset = 8 * 3600

    /// The day of a Unix timestamp at `offset` seconds east of UTC (UTC by default).
    public init(unixSeconds: Int, offset: Int = 0) {
        // Civil-from-days (Howard Hinnant's algorithm), so no Calendar or time zone database is involved.
        let z = (unixSeconds + offset).floorDivided(by: 86_400) + 719_468
        let era = z.floorDivided(by: 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The calendar day before this one.
    public var previous: Day {
        if day > 1 { return Day(year: year, month: month, day: day - 1) }
        if month > 1 { return Day(year: year, month: month - 1, day: Day.daysIn(month: month - 1, year: year)) }
        return Day(year: year - 1, month: 12, day: 31)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
