import Foundation
import Testing
@testable import TalentSite

/// A course's status on the build day in Asia/Taipei (open, closed, in progress, ended), how lists order
/// by it, and the past-courses archive. Built on the project's real schemas and templates.
@Suite struct CourseLifecycleTests {
    /// One course applying until 2027-03-20, starting 2027-04-10, ending 2027-06-30.
    static let course = TestSite.course(title: "班 life", provider: "單位", extra: "apply_until: 2027-03-20\n")
        .replacingOccurrences(of: "start: 2026-12-01", with: "start: 2027-04-10")
        .replacingOccurrences(of: "end: 2027-03-31", with: "end: 2027-06-30")

    /// The build day `SOURCE_DATE_EPOCH` gives, as the CLI reads it.
    static func day(_ epoch: Int) -> Day { SiteBuilder.buildDay(environment: ["SOURCE_DATE_EPOCH": String(epoch)]) }

    static func status(at epoch: Int, course: String = course) throws -> (badge: String?, page: HTMLDocument, output: MemoryOutput) {
        let tree = TestSite.tree(["content/courses/life.zh-TW.md": course])
        let output = TestSite.build(tree, options: BuildOptions(buildDay: day(epoch))).output
        let page = try #require(HTMLDocument(html: output.text("courses/life/index.html") ?? ""))
        return (page.all("p").first { $0["class"]?.hasPrefix("status ") == true }?.text, page, output)
    }

    /// Seconds since 1970 of an instant in UTC (`2027-04-09T16:00:00Z`).
    static func epoch(_ iso: String) -> Int {
        let formatter = ISO8601DateFormatter()
        return Int(formatter.date(from: iso)!.timeIntervalSince1970)
    }

    @Test func sourceDateEpochIsATaipeiDay() {
        #expect(Self.day(Self.epoch("2027-04-09T15:59:59Z")) == Day(year: 2027, month: 4, day: 9))
        #expect(Self.day(Self.epoch("2027-04-09T16:00:00Z")) == Day(year: 2027, month: 4, day: 10), "UTC+8: already the 10th in Taipei")
        #expect(Self.day(Self.epoch("2026-12-31T16:00:00Z")) == Day(year: 2027, month: 1, day: 1))
        #expect(Day(year: 2027, month: 3, day: 1).previous == Day(year: 2027, month: 2, day: 28))
        #expect(Day(year: 2027, month: 1, day: 1).previous == Day(year: 2026, month: 12, day: 31))
    }

    @Test(arguments: [
        ("2027-01-05T00:00:00Z", "招生中"),
        ("2027-03-20T15:59:59Z", "招生中"),     // 23:59:59 on the last application day in Taipei
        ("2027-03-20T16:00:00Z", "報名截止"),   // 00:00 on 21 March in Taipei
        ("2027-04-09T15:59:59Z", "報名截止"),
        ("2027-04-09T16:00:00Z", "已開課"),     // the start day in Taipei, still the 9th in UTC
        ("2027-06-30T15:59:59Z", "已開課"),
        ("2027-06-30T16:00:00Z", "已結訓"),
        ("2028-01-01T00:00:00Z", "已結訓"),
    ])
    func statusFollowsTheTaipeiDay(instant: String, expected: String) throws {
        #expect(try Self.status(at: Self.epoch(instant)).badge == expected, "at \(instant)")
    }

    @Test func withoutApplyUntilApplicationsCloseTheDayBeforeStart() throws {
        let course = Self.course.replacingOccurrences(of: "apply_until: 2027-03-20\n", with: "")
        #expect(try Self.status(at: Self.epoch("2027-04-09T15:59:59Z"), course: course).badge == "招生中", "the day before start")
        #expect(try Self.status(at: Self.epoch("2027-04-09T16:00:00Z"), course: course).badge == "已開課",
                "the start day itself in Taipei: no closed day in between")
    }

    @Test func applyLinkOnlyWhileOpenAndEnglishNamesEveryStatus() throws {
        let open = try Self.status(at: Self.epoch("2027-01-05T00:00:00Z"))
        #expect(open.page.all("a").contains { $0["class"] == "button" })
        let closed = try Self.status(at: Self.epoch("2027-03-25T00:00:00Z"))
        #expect(!closed.page.all("a").contains { $0["class"] == "button" })
        let labels = try ["2027-01-05", "2027-03-25", "2027-05-01", "2027-08-01"].map { day -> String? in
            let tree = TestSite.tree(["content/courses/life.zh-TW.md": Self.course,
                                      "content/courses/life.en.md": Self.course.replacingOccurrences(of: "班 life", with: "Life")])
            let output = TestSite.build(tree, options: BuildOptions(buildDay: Day(iso: day))).output
            let page = try #require(HTMLDocument(html: output.text("en/courses/life/index.html") ?? ""))
            return page.all("p").first { $0["class"]?.hasPrefix("status ") == true }?.text
        }
        #expect(labels == ["Open for applications", "Applications closed", "In progress", "Ended"])
    }

    @Test func listsGoOpenClosedInProgressByStartThenEndedLatestFirst() throws {
        // Build day 2026-06-01. Start, end and apply_until per course.
        let courses: [(slug: String, start: String, end: String, applyUntil: String?)] = [
            ("open-late", "2026-09-01", "2026-12-01", nil),
            ("open-soon", "2026-07-01", "2026-12-01", nil),
            ("closed", "2026-06-10", "2026-12-01", "2026-05-20"),
            ("running-new", "2026-03-01", "2026-12-01", nil),
            ("running-old", "2025-01-01", "2026-12-01", nil),
            ("ended-old", "2024-01-01", "2024-06-01", nil),
            ("ended-new", "2025-09-01", "2026-05-31", nil),
        ]
        var overrides: [String: String] = [:]
        for course in courses {
            overrides["content/courses/\(course.slug).zh-TW.md"] = TestSite.course(
                title: course.slug, provider: "單位", extra: course.applyUntil.map { "apply_until: \($0)\n" } ?? "")
                .replacingOccurrences(of: "start: 2026-12-01", with: "start: \(course.start)")
                .replacingOccurrences(of: "end: 2027-03-31", with: "end: \(course.end)")
        }
        let output = TestSite.build(TestSite.tree(overrides), options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1))).output
        func cards(_ path: String, _ tag: String = "h2") -> [String] {
            (HTMLDocument(html: output.text(path) ?? "")?.all(tag).filter { $0["class"] == "card-title" }.map(\.text)) ?? []
        }
        #expect(cards("courses/index.html") == ["open-soon", "open-late", "智慧機械養成班", "closed", "running-old", "running-new"])
        #expect(cards("courses/past/index.html") == ["ended-new", "ended-old"])
        let home = cards("index.html", "h3")
        #expect(home.contains("open-soon") && !home.contains("ended-new") && !home.contains("ended-old"), "ended courses leave the home page")
        let nav = HTMLDocument(html: output.text("courses/index.html") ?? "")?.all("a").filter { $0["href"] == "/courses/past/" }.map(\.text)
        #expect(nav == ["已結訓課程 (2)"], "the current list links to the archive with its count")
        // Ended courses keep their pages and stay searchable, with their status as a filter.
        #expect(output.text("courses/ended-old/index.html") != nil)
        let filters = try #require(output.files.keys.first { $0.hasPrefix("search/index/filters.") })
        let json = String(decoding: output.files[filters]!, as: UTF8.self)
        #expect(json.contains("\"status\":{\"open\":"), "\(json)")
        let csv = String(decoding: try #require(output.files["data/courses.csv"]), as: UTF8.self)
        #expect(csv.contains(",ended,已結訓") && csv.contains(",closed,報名截止") && csv.contains(",in-progress,已開課"))
        let feed = output.text("courses/rss.xml") ?? ""
        #expect(feed.contains("<category domain=\"https://talent.example.gov.tw/courses/past/\">已結訓</category>"), "\(feed)")
    }

    @Test func pastIsAReservedSlugAndDatesMustAgree() {
        let past = TestSite.build(TestSite.tree(["content/courses/past.zh-TW.md": TestSite.course(title: "班", provider: "單位")]))
        #expect(past.diagnostics.contains { $0.hasPrefix("content/courses/past.zh-TW.md:1:1: error: the slug 'past' is reserved") }, "\(past.diagnostics)")
        let backwards = TestSite.course(title: "班", provider: "單位", extra: "apply_until: 2027-04-01\n")
            .replacingOccurrences(of: "end: 2027-03-31", with: "end: 2026-11-30")
        let result = TestSite.build(TestSite.tree(["content/courses/backwards.zh-TW.md": backwards]))
        #expect(result.diagnostics.contains { $0.contains("backwards.zh-TW.md:9:6: error: 'end' 2026-11-30 is before 'start' 2026-12-01") },
                "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.contains("error: 'apply_until' 2027-04-01 is after 'end' 2026-11-30") }, "\(result.diagnostics)")
    }

    @Test func lifecycleMustNameDateFields() {
        let schema = (TestSite.tree().files["content/courses/_section.yaml"].map { String(decoding: $0, as: UTF8.self) } ?? "")
            .replacingOccurrences(of: "lifecycle: {apply_until: apply_until, start: start, end: end}", with: "lifecycle: {start: provider, finish: end}")
        let result = TestSite.build(TestSite.tree(["content/courses/_section.yaml": schema]))
        #expect(result.diagnostics.contains { $0.contains("error: unknown key 'finish' in 'lifecycle'; allowed: apply_until, start, end") }, "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.contains("error: lifecycle 'start' must name a date field of this section, not 'provider'") })
        let old = schema.replacingOccurrences(of: "lifecycle: {start: provider, finish: end}", with: "open_until: start")
        #expect(TestSite.build(TestSite.tree(["content/courses/_section.yaml": old])).diagnostics
            .contains { $0.contains("error: 'open_until' is replaced by 'lifecycle'") })
    }
}
