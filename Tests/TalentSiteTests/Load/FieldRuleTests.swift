import Foundation
import Testing
@testable import TalentSite

/// Rules between fields declared in `_section.yaml` (`rules:`): broken ones name both positions and
/// the rule; a rule naming a field the section does not have is an error at its position.
@Suite struct FieldRuleTests {
    let zh = "content/courses/cnc.zh-TW.md"
    let en = "content/courses/cnc.en.md"
    let coursesSchema = "content/courses/_section.yaml"
    let awardsSchema = "content/awards/_section.yaml"

    private func text(_ path: String) -> String { String(decoding: TestSite.projectSkeleton[path] ?? Data(), as: UTF8.self) }

    private func line(of prefix: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
    }

    private func course(start: String, end: String, title: String = "班") -> String {
        TestSite.course(title: title, provider: "單位")
            .replacingOccurrences(of: "start: 2026-12-01", with: "start: \(start)")
            .replacingOccurrences(of: "end: 2027-03-31", with: "end: \(end)")
    }

    @Test func endBeforeStartNamesBothPositionsAndTheRule() {
        let rule = line(of: "  - {field: end, not_before: start}", in: text(coursesSchema))
        #expect(rule > 0)
        let errors = TestSite.errors([zh: course(start: "2027-04-10", end: "2027-03-01"), en: course(start: "2027-04-10", end: "2027-03-01", title: "C")])
        #expect(errors == [
            "\(en):9:6: error: 'end' 2027-03-01 is before 'start' 2027-04-10 (line 8:8); 'end' must not be before 'start' (rule at \(coursesSchema):\(rule):5)",
            "\(zh):9:6: error: 'end' 2027-03-01 is before 'start' 2027-04-10 (line 8:8); 'end' must not be before 'start' (rule at \(coursesSchema):\(rule):5)",
        ])
    }

    @Test func sameDayIsAllowed() {
        #expect(TestSite.errors([zh: course(start: "2027-04-10", end: "2027-04-10"), en: course(start: "2027-04-10", end: "2027-04-10", title: "C")]) == [])
    }

    @Test func ruleNamingAnUnknownField() {
        let schema = text(coursesSchema).replacingOccurrences(of: "  - {field: end, not_before: start}", with: "  - {field: ends, not_before: start}")
        let rule = line(of: "  - {field: ends", in: schema)
        #expect(TestSite.errors([coursesSchema: schema]) == [
            "\(coursesSchema):\(rule):13: error: rule names 'ends', which is not a field of this section (did you mean 'end'?)",
        ])
    }

    @Test func ruleWithUnknownComparisonOrWrongType() {
        let schema = text(coursesSchema).replacingOccurrences(of: "  - {field: end, not_before: start}",
                                                               with: "  - {field: end, not_befor: start}\n  - {field: kind, not_before: start}")
        let rule = line(of: "  - {field: end, not_befor", in: schema)
        let errors = TestSite.errors([coursesSchema: schema])
        #expect(errors.contains("\(coursesSchema):\(rule):18: error: unknown key 'not_befor' in a rule (did you mean 'not_before'?); allowed: field, not_before, not_after, at_least, at_most"), "\(errors)")
        #expect(errors.contains("\(coursesSchema):\(rule):5: error: a rule needs exactly one of: not_before, not_after, at_least, at_most"), "\(errors)")
        #expect(errors.contains("\(coursesSchema):\(rule + 1):13: error: 'not_before' compares two date fields, and 'kind' is not a date field"), "\(errors)")
        #expect(errors.count == 3)
    }

    @Test func rulesInACSVSection() {
        let schema = text(awardsSchema).replacingOccurrences(of: "\nfields:\n", with: """

            rules:
              - field: year
                at_least: founded
            fields:
              founded:
                type: int
                label: {zh-TW: 成立年, en: Founded}

            """)
        let rule = line(of: "  - field: year", in: schema)
        let csv = "year,category,slug,name_zh,name_en,citation_zh,citation_en,founded\n2025,sme,acme,甲,A,好,Good,2030\n"
        #expect(TestSite.errors([awardsSchema: schema, "content/awards/winners.csv": csv]) == [
            "content/awards/winners.csv:2:1: error: row 1, column 'year' 2025 is less than 'founded' 2030 (line 2:26); 'year' must be at least 'founded' (rule at \(awardsSchema):\(rule):5)",
        ])
    }

    @Test func theShippedCoursesDeclareTheRule() throws {
        let log = DiagnosticLog()
        let tree = TestSite.tree()
        let settings = try #require(SettingsLoader(tree: tree, log: log).load())
        let schema = try #require(SchemaLoader(tree: tree, settings: settings, log: log).load(section: "courses"))
        #expect(schema.rules.map { "\($0.field) \($0.comparison.rawValue) \($0.other)" } == ["end not_before start", "apply_until not_after end"])
    }
}
