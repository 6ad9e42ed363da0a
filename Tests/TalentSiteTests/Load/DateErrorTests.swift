import Testing
import Foundation
@testable import TalentSite

/// A date written YYYY-MM-DD that names no day says why, in front matter and in CSV cells.
@Suite struct DateErrorTests {
    let zh = "content/courses/cnc.zh-TW.md"

    private func course(start: String) -> String {
        TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "start: 2026-12-01", with: "start: \(start)")
    }

    @Test func dayAfterTheEndOfTheMonth() {
        #expect(TestSite.errors([zh: course(start: "2027-02-30")]) == ["\(zh):8:8: error: 'start' 2027-02-30 is not a day: February 2027 has 28 days"])
        #expect(TestSite.errors([zh: course(start: "2027-04-31")]) == ["\(zh):8:8: error: 'start' 2027-04-31 is not a day: April 2027 has 30 days"])
    }

    @Test func leapYearsAreKnown() {
        #expect(TestSite.errors([zh: course(start: "2028-02-30")]) == ["\(zh):8:8: error: 'start' 2028-02-30 is not a day: February 2028 has 29 days"])
        #expect(TestSite.errors([zh: course(start: "2100-02-29")]) == ["\(zh):8:8: error: 'start' 2100-02-29 is not a day: February 2100 has 28 days"])
        #expect(Day(iso: "2028-02-29") == Day(year: 2028, month: 2, day: 29))
    }

    @Test func monthThirteenAndDayZero() {
        #expect(TestSite.errors([zh: course(start: "2027-13-01")]) == ["\(zh):8:8: error: 'start' 2027-13-01 is not a day: there is no month 13; months go from 01 to 12"])
        #expect(TestSite.errors([zh: course(start: "2027-00-10")]) == ["\(zh):8:8: error: 'start' 2027-00-10 is not a day: there is no month 00; months go from 01 to 12"])
        #expect(TestSite.errors([zh: course(start: "2027-03-00")]) == ["\(zh):8:8: error: 'start' 2027-03-00 is not a day: days are numbered from 01"])
    }

    @Test func otherwiseWrittenDatesKeepTheFormatHint() {
        #expect(TestSite.errors([zh: course(start: "2027-3-1")]) == ["\(zh):8:8: error: 'start' must be a date written YYYY-MM-DD, not \"2027-3-1\""])
    }

    @Test func impossibleDateInACSVCell() {
        let schema = String(decoding: TestSite.projectSkeleton["content/awards/_section.yaml"] ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "\nfields:\n", with: "\nfields:\n  ceremony:\n    type: date\n    label: {zh-TW: 頒獎日, en: Ceremony}\n")
        let csv = "year,category,slug,name_zh,name_en,citation_zh,citation_en,ceremony\n2025,sme,acme,甲,A,好,Good,2025-11-31\n"
        let errors = TestSite.errors(["content/awards/_section.yaml": schema, "content/awards/winners.csv": csv])
        #expect(errors == ["content/awards/winners.csv:2:26: error: row 1, column 'ceremony' 2025-11-31 is not a day: November 2025 has 30 days"])
    }
}
