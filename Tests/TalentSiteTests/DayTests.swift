import Testing
@testable import TalentSite

@Suite struct DayTests {
    @Test func parsesValidDates() {
        #expect(Day(iso: "2026-03-02") == Day(year: 2026, month: 3, day: 2))
        #expect(Day(iso: "2024-02-29") != nil)
    }

    @Test func rejectsImpossibleDates() {
        for text in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-04-31", "２０２６-01-01", ""] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }

    @Test func convertsUnixSeconds() {
        #expect(Day(unixSeconds: 0) == Day(year: 1970, month: 1, day: 1))
        #expect(Day(unixSeconds: 1_772_409_600) == Day(year: 2026, month: 3, day: 2))
        #expect(Day(unixSeconds: 951_782_400) == Day(year: 2000, month: 2, day: 29))
    }

    /// Month and day are kept in a byte each: every calendar day reads back as given, in order and as ISO text.
    @Test func everyDayOfALeapYearReadsBackAsGiven() {
        var previous: Day?
        for month in 1...12 {
            for day in 1...Day.daysIn(month: month, year: 2028) {
                let value = Day(year: 2028, month: month, day: day)
                #expect(value.year == 2028 && value.month == month && value.day == day)
                #expect(Day(iso: value.iso) == value)
                if let previous { #expect(previous < value && value.previous == previous) }
                previous = value
            }
        }
        #expect(Day(year: 2026, month: 1, day: 300).day == 255)
    }
}
