import Foundation
import Testing
@testable import TalentSite

/// The rendered-output audit on a hand-made site (Tests/Fixtures/check-output) holding one of each problem.
@Suite struct OutputAuditTests {
    static func fixtureFiles() -> [String: [UInt8]] {
        TestSite.files(under: ".", of: TestSite.fixtures.appendingPathComponent("check-output"))
            .reduce(into: [:]) { files, item in files[item.key] = Array(item.value) }
    }

    static let audit = OutputAudit(files: fixtureFiles(), baseURL: "https://site.example/", languages: SiteAudit.languages)

    @Test func findsEachProblemOnce() {
        #expect(Self.audit.problems().map(\.description) == [
            "/: links to /courses/cnc/#no-such-heading, but that page has no element with id 'no-such-heading'",
            "/: links to /courses/missing/, which the build does not write",
            "/: /en/ does not link back with hreflang (one-way hreflang)",
            "/en/courses/cnc/: links to /courses/cnc/, a zh-TW page, from a en page; link to the en version (or mark the link with hreflang)",
        ])
    }

    @Test func crossLanguageLinksAreWarningsTheRestErrors() {
        let severities = Self.audit.problems().map(\.severity)
        #expect(severities == [.error, .error, .error, .warning])
    }

    @Test func listsExternalLinksWithTheirPages() {
        #expect(Self.audit.externalLinks() == ["https://example.invalid/x": ["/en/courses/cnc/"]])
    }

    @Test func resolvesLinksLikeABrowser() {
        #expect(LinkPath.resolve("../x/#a", from: "/en/courses/cnc/") == "/en/courses/x/")
        #expect(LinkPath.resolve("cnc/", from: "/courses/") == "/courses/cnc/")
        #expect(LinkPath.resolve("/a/%E8%AA%B2/", from: "/") == "/a/課/")
        #expect(LinkPath.fragment(of: "/x/#%E8%AA%B2") == "課")
        #expect(LinkPath.fragment(of: "/x/#") == nil)
    }
}
