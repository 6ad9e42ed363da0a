/// Dates as RSS 2.0 wants them (RFC 822 with four-digit years): `Mon, 02 Mar 2026 00:00:00 +0800`.
/// Content dates are Taiwan calendar days, so they are midnight in Taiwan time (UTC+8).
enum RFC822 {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func string(_ day: Day) -> String {
        "\(weekdays[daysSinceEpoch(day).modulo(7)]), \(two(day.day)) \(months[day.month - 1]) \(day.year) 00:00:00 +0800"
    }

    /// A Unix time (`SOURCE_DATE_EPOCH`) in UTC.
    static func string(unixSeconds: Int) -> String {
        let day = Day(unixSeconds: unixSeconds)
        let seconds = unixSeconds.modulo(86_400)
        return "\(weekdays[daysSinceEpoch(day).modulo(7)]), \(two(day.day)) \(months[day.month - 1]) \(day.year) "
            + "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) +0000"
    }

    /// Days from 1970-01-01 (days-from-civil, the inverse of `Day(unixSeconds:)`).
    static func daysSinceEpoch(_ day: Day) -> Int {
        let y = day.month <= 2 ? day.year - 1 : day.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = day.month > 2 ? day.month - 3 : day.month + 9
        let doy = (153 * mp + 2) / 5 + day.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

extension Int {
    /// The non-negative remainder, also for negative numbers.
    func modulo(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
