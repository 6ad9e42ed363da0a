import Foundation
import Testing
@testable import TalentSite

/// Full-width punctuation from a Chinese input method where YAML needs `: ` or spaces is pointed at
/// exactly, with the fix, in front matter, `_section.yaml` and `site.yaml`.
@Suite struct FullWidthTests {
    let zh = "content/courses/cnc.zh-TW.md"

    private func course(replacing old: String, with new: String) -> String {
        let text = TestSite.course(title: "班", provider: "單位")
        precondition(text.contains(old))
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func fullWidthColonAfterAKey() {
        #expect(TestSite.errors([zh: course(replacing: "seats: 30", with: "seats：30")]) == [
            "\(zh):13:6: error: full-width colon '：' after 'seats'; use a half-width ':' followed by a space",
        ])
        #expect(TestSite.errors([zh: course(replacing: "hours: 120", with: "hours： 120")]) == [
            "\(zh):10:6: error: full-width colon '：' after 'hours'; use a half-width ':' followed by a space",
        ])
    }

    @Test func fullWidthColonOnTheLastLine() {
        #expect(TestSite.errors([zh: course(replacing: "certification: ipas-iot", with: "certification：ipas-iot")]) == [
            "\(zh):15:14: error: full-width colon '：' after 'certification'; use a half-width ':' followed by a space",
        ])
    }

    @Test func fullWidthSpaceAfterAKey() {
        #expect(TestSite.errors([zh: course(replacing: "seats: 30", with: "seats　30")]) == [
            "\(zh):13:6: error: full-width space (U+3000) after 'seats'; use a half-width ':' followed by a space",
        ])
    }

    @Test func fullWidthColonAsTheOnlyLine() {
        #expect(TestSite.errors([zh: "---\ntitle：首頁\n---\n\nBody.\n"]) == [
            "\(zh):2:6: error: full-width colon '：' after 'title'; use a half-width ':' followed by a space",
        ])
    }

    @Test func fullWidthSpaceAsIndentation() {
        let text = course(replacing: "industries: [smart-machinery, iot]", with: "industries:\n　- smart-machinery")
        let errors = TestSite.errors([zh: text])
        #expect(errors == ["\(zh):6:1: error: full-width space (U+3000) used as indentation; indent with half-width spaces"])
    }

    @Test func fullWidthColonInValuesIsText() {
        let text = course(replacing: "title: 班", with: "title: 課程：進階班\nsummary: |\n  說明：本課程\n  報名：線上")
        #expect(TestSite.errors([zh: text]) == [])
    }

    @Test func inSectionSchemaAndSiteSettings() {
        let schemaPath = "content/courses/_section.yaml"
        let schema = String(decoding: TestSite.projectSkeleton[schemaPath] ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "  seats:\n    type: int\n", with: "  seats:\n    type：int\n")
        let line = (schema.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("    type：") } ?? 0) + 1
        #expect(line > 1)
        #expect(TestSite.errors([schemaPath: schema]) == [
            "\(schemaPath):\(line):9: error: full-width colon '：' after 'type'; use a half-width ':' followed by a space",
        ])

        let settings = String(decoding: TestSite.projectSkeleton["content/site.yaml"] ?? Data(), as: UTF8.self)
        let lines = settings.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.hasPrefix("base_url:") } ?? 0
        let broken = settings.replacingOccurrences(of: "base_url:", with: "base_url：")
        #expect(TestSite.errors(["content/site.yaml": broken]) == [
            "content/site.yaml:\(index + 1):9: error: full-width colon '：' after 'base_url'; use a half-width ':' followed by a space",
        ])
    }

    @Test func fullWidthCommaInAList() {
        let errors = TestSite.errors([zh: course(replacing: "[smart-machinery, iot]", with: "[smart-machinery，iot]")])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(zh):5:14: error: 'industries' has unknown industries key \"smart-machinery，iot\" (a full-width '，' separates nothing in YAML: write [a, b] with half-width commas); expected one of: ") == true, "\(errors)")
    }
}
