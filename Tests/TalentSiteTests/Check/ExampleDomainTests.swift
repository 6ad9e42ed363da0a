import Foundation
import Testing
@testable import TalentSite

/// Links to domains reserved for examples (RFC 2606/6761) are warnings, errors under --strict, and
/// many of them print as one grouped line.
@Suite struct ExampleDomainTests {
    @Test func reservedHostsAreRecognisedAndRealOnesAreNot() {
        for url in ["https://example.org/apply/x", "http://www.example.com", "https://a.b.example.net/", "https://site.example/",
                    "https://foo.test/x", "https://x.invalid", "mailto:info@example.org", "https://EXAMPLE.ORG./", "http://localhost/"] {
            #expect(URLPolicy.reservedExampleHost(of: url) != nil, "\(url)")
        }
        for url in ["https://talent.example.gov.tw/", "https://ipd.nat.gov.tw/ipas/", "https://notexample.org/", "mailto:a@b.tw",
                    "https://example.org.tw/", "https://testing.gov.tw/", "/courses/"] {
            #expect(URLPolicy.reservedExampleHost(of: url) == nil, "\(url)")
        }
    }

    @Test func fieldAndBodyLinksWarnAndStrictFails() {
        let course = TestSite.course(title: "班", provider: "單位", body: "見 [說明](https://docs.example.com/x)。")
            .replacingOccurrences(of: "https://apply.training.gov.tw/apply/cnc", with: "https://example.org/apply/cnc")
        let en = TestSite.course(title: "Class", provider: "P")
            .replacingOccurrences(of: "https://apply.training.gov.tw/apply/cnc", with: "https://example.org/apply/cnc")
        let tree = TestSite.tree(["content/courses/cnc.zh-TW.md": course, "content/courses/cnc.en.md": en])
        let warnings = TestSite.build(tree).diagnostics
        #expect(warnings.contains { $0.hasPrefix("content/courses/cnc.zh-TW.md:14:12: warning: link to \"https://example.org/apply/cnc\": 'example.org' is reserved") })
        #expect(warnings.contains { $0.hasPrefix("content/courses/cnc.zh-TW.md:18:3: warning: link to \"https://docs.example.com/x\": 'docs.example.com' is reserved") })
        #expect(warnings.count == 3)
        #expect(throws: BuildFailure.self) { try SiteBuilder(tree: tree, options: BuildOptions(strict: true)).build(into: MemoryOutput()) }
    }

    @Test func manyOfAKindPrintAsOneLineWithCountAndFirstPositions() {
        let many = (1...40).map { Diagnostic(.warning, SourceLocation(file: "content/courses/c\($0).md", line: 14, column: 12), "link to x", kind: "example-domain") }
        let other = Diagnostic(.warning, SourceLocation(file: "content/a.md", line: 1, column: 1), "missing translation")
        let lines = DiagnosticGroups.lines([other] + many)
        #expect(lines.count == 2)
        #expect(lines[0] == other.description)
        #expect(lines[1].hasPrefix("content/courses/c1.md:14:12: warning: link to x\n    (40 warnings of this kind [example-domain], first at content/courses/c1.md:14:12, content/courses/c2.md:14:12, content/courses/c3.md:14:12 and 37 more)"))
        #expect(DiagnosticGroups.lines(Array(many.prefix(3))).count == 3, "a few are printed one by one")
    }
}
