import Foundation
import Testing
@testable import TalentSite

/// `talentsite check` on whole sites: build errors, then problems only the rendered output shows.
@Suite struct SiteCheckTests {
    static let zhStrategies = "content/pages/strategies.zh-TW.md"
    static let enStrategies = "content/pages/strategies.en.md"

    static func check(_ overrides: [String: String], strict: Bool = false) -> CheckReport {
        SiteCheck(tree: TestSite.tree(overrides), options: BuildOptions(strict: strict, buildDay: Day(year: 2026, month: 6, day: 1))).run()
    }

    @Test func cleanSitePasses() {
        let report = Self.check([:])
        #expect(report.diagnostics == [])
        #expect(report.pagesChecked > 10)
        #expect(!report.failed(strict: true))
    }

    @Test func missingAnchorOnAnotherPageIsAnErrorAtThatPagesSource() {
        let report = Self.check([Self.zhStrategies: "---\ntitle: 推動策略\ndate: 2026-01-05\n---\n\n見[課程](/courses/cnc/#no-such-heading)。\n"])
        #expect(report.errors.map(\.description) == [
            "\(Self.zhStrategies):1:1: error: page /strategies/ links to /courses/cnc/#no-such-heading, but that page has no element with id 'no-such-heading'",
        ])
        #expect(report.failed(strict: false))
    }

    @Test func brokenLinkInATemplateIsFound() throws {
        var tree = TestSite.tree()
        let layout = try #require(String(data: tree.files["templates/layout.mustache"]!, encoding: .utf8))
        tree.files["templates/layout.mustache"] = Data(layout.replacingOccurrences(of: "</footer>", with: "<a href=\"/gone/\">x</a></footer>").utf8)
        let report = SiteCheck(tree: tree, options: BuildOptions()).run()
        #expect(!report.errors.isEmpty)
        #expect(report.errors.allSatisfy { $0.message.hasSuffix("links to /gone/, which the build does not write") })
        #expect(report.errors.contains { $0.location.file == "content/courses/cnc.en.md" })
    }

    @Test func linkToTheOtherLanguageIsAWarningThatStrictFails() {
        let report = Self.check([Self.enStrategies: "---\ntitle: Strategies\ndate: 2026-01-05\n---\n\nSee [the course](/courses/cnc/).\n"])
        #expect(report.errors == [])
        #expect(report.warnings.map(\.description) == [
            "\(Self.enStrategies):1:1: warning: page /en/strategies/ links to /courses/cnc/, a zh-TW page, from a en page; link to the en version (or mark the link with hreflang)",
        ])
        #expect(!report.failed(strict: false))
        #expect(report.failed(strict: true))
    }

    @Test func contentErrorsAreReportedWithoutRendering() {
        let report = Self.check(["content/courses/cnc.en.md": TestSite.course(title: "C", provider: "P", hours: "96")])
        #expect(report.pagesChecked == 0)
        #expect(report.errors.map(\.description).contains { $0.hasPrefix("content/courses/cnc.en.md:10:8: error: 'hours' is 96 here") })
    }

    @Test func jsonListsEveryDiagnosticWithItsPosition() throws {
        let diagnostics = [Diagnostic.error(SourceLocation(file: "content/a.md", line: 3, column: 7), "bad \"thing\""),
                           Diagnostic.warning(SourceLocation(file: "content/b.md"), "meh")]
        let json = DiagnosticJSON.encode(diagnostics, ok: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1 && object["warnings"] as? Int == 1 && object["ok"] as? Bool == false)
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "content/a.md" && first["line"] as? Int == 3 && first["column"] as? Int == 7)
        #expect(first["severity"] as? String == "error" && first["message"] as? String == "bad \"thing\"")
    }
}
