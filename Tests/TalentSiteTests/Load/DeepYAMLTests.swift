import Testing
@testable import TalentSite

/// YAML nested deep enough to overflow Yams' recursive composer is refused with an error at the
/// place it gets too deep, before parsing: no stack overflow.
@Suite struct DeepYAMLTests {
    let zh = "content/courses/cnc.zh-TW.md"
    let tooDeep = "YAML nested more than 100 levels deep; no content needs this, flatten it"

    // Columns: `title:` is one level, so the 100th bracket is the first too many.
    @Test func tenThousandOpeningBrackets() {
        let text = "---\ntitle: " + String(repeating: "[", count: 10_000) + "\ndate: 2026-01-01\n---\n\nBody.\n"
        #expect(TestSite.errors([zh: text]) == ["\(zh):2:107: error: \(tooDeep)"])
    }

    @Test func nestedFlowMappings() {
        let text = "---\ntitle: " + String(repeating: "{a: ", count: 5_000) + "x" + String(repeating: "}", count: 5_000) + "\n---\n"
        #expect(TestSite.errors([zh: text]) == ["\(zh):2:\(8 + 99 * 4): error: \(tooDeep)"])
    }

    @Test func nestedBlockMappings() {
        var yaml = ""
        for level in 0..<3_000 { yaml += String(repeating: " ", count: level) + "k\(level):\n" }
        let errors = TestSite.errors([zh: "---\n" + yaml + "---\n"])
        #expect(errors == ["\(zh):102:101: error: \(tooDeep)"])
    }

    @Test func nestedBlockSequences() {
        let yaml = "title: x\nlist:\n" + String(repeating: "- ", count: 20_000) + "x\n"
        #expect(TestSite.errors([zh: "---\n" + yaml + "---\n"]) == ["\(zh):4:\(2 * 100 - 1): error: \(tooDeep)"])
    }

    @Test func inSiteSettings() {
        let errors = TestSite.errors(["content/site.yaml": "title: " + String(repeating: "[", count: 50_000) + "\n"])
        #expect(errors == ["content/site.yaml:1:107: error: \(tooDeep)"])
    }

    @Test func bracketsInsideTextAndBlockScalarsDoNotCount() {
        let deepText = String(repeating: "[", count: 300)
        let text = TestSite.course(title: "班", provider: "單位")
            .replacingOccurrences(of: "title: 班", with: "title: \"\(deepText)\"\nsummary: |\n  \(deepText)\n  # \(deepText)")
        #expect(TestSite.errors([zh: text]) == [])
    }

    @Test func depthOfOrdinaryContentIsFar() {
        #expect(YAMLPreCheck.depthProblem(in: "a:\n  b:\n    - [1, {c: d}]\n    - 'it''s [x'\n") == nil)
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombIsReportedNotExpanded() {
        // 10^12 nodes if expanded: each unknown key is reported, and nothing walks the whole tree.
        let lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + (1...11).map { level in
            "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]"
        }
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "---\ntitle:", with: "---\n" + lines.joined(separator: "\n") + "\ntitle:")
        let errors = TestSite.errors([zh: text])
        #expect(errors.count == 12)
        #expect(errors.first?.hasPrefix("\(zh):2:1: error: unknown key 'a0' in front matter of section 'courses'") == true)
    }

    @Test func controlCharacterIsPointedAt() {
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "hours: 120", with: "hours: 12\u{0}0")
        #expect(TestSite.errors([zh: text]) == ["\(zh):10:10: error: invalid YAML: control characters are not allowed (U+0000)"])
    }
}
