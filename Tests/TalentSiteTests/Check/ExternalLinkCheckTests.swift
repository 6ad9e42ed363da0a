import Foundation
import Testing
@testable import TalentSite
#if canImport(Glibc)
import Glibc
#endif

/// `check --external` against real local servers: our preview server (200 and 404), a closed port, and a
/// socket that accepts connections but never answers (the timeout must cut it short).
@Suite struct ExternalLinkCheckTests {
    @Test func reportsDeadLinksAndGivesUpOnSilentServers() throws {
        let site = try DiskSite(); defer { site.remove() }
        let server = PreviewServer(configuration: .init(source: site.root, options: BuildOptions(), port: 0))
        try server.start(); defer { server.stop() }
        let port = try #require(server.port)
        let silent = try Socket.listen(address: "127.0.0.1", port: 0)  // listens, never accepts or answers
        defer { close(silent.descriptor) }
        let closed = try Socket.listen(address: "127.0.0.1", port: 0)
        close(closed.descriptor)

        let urls = ["http://127.0.0.1:\(port)/courses/cnc/", "http://127.0.0.1:\(port)/missing/",
                    "http://127.0.0.1:\(closed.port)/", "http://127.0.0.1:\(silent.port)/"]
        let started = Date()
        let failures = ExternalLinkCheck(concurrency: 2, timeout: 1).run(urls)
        #expect(Date().timeIntervalSince(started) < 6)
        #expect(failures.map(\.url) == Array(urls.dropFirst()))
        #expect(failures.first?.reason == "the server answered HTTP 404")
        #expect(failures.last?.reason.contains("timed out") == true || failures.last?.reason.contains("no answer within") == true)
    }

    @Test func siteCheckReportsADeadExternalLinkAtThePageSource() throws {
        let site = try DiskSite(); defer { site.remove() }
        let server = PreviewServer(configuration: .init(source: site.root, options: BuildOptions(), port: 0))
        try server.start(); defer { server.stop() }
        let port = try #require(server.port)
        let page = "content/pages/strategies.en.md"
        let local = "http://127.0.0.1:\(port)/courses/cnc/"  // no test may need the network: the courses' apply_url too
        var overrides = [
            page: "---\ntitle: Strategies\ndate: 2026-01-05\n---\n\n[ok](http://127.0.0.1:\(port)/) and [gone](http://127.0.0.1:\(port)/gone/).\n",
            "content/courses/cnc.zh-TW.md": TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "https://apply.training.gov.tw/apply/cnc", with: local),
            "content/courses/cnc.en.md": TestSite.course(title: "C", provider: "P").replacingOccurrences(of: "https://apply.training.gov.tw/apply/cnc", with: local),
        ]
        // The open-data catalogue links its licence (templates/i18n data_licence_url): the local server here too.
        for strings in ["templates/i18n/zh-TW.yaml", "templates/i18n/en.yaml"] {
            overrides[strings] = String(decoding: TestSite.projectSkeleton[strings] ?? Data(), as: UTF8.self)
                .replacingOccurrences(of: "https://data.gov.tw/license", with: local)
        }
        let tree = TestSite.tree(overrides)
        let report = SiteCheck(tree: tree, options: BuildOptions(), external: ExternalLinkCheck(concurrency: 4, timeout: 5)).run()
        #expect(report.externalLinksChecked == 3)
        #expect(report.errors.map(\.description) == [
            "\(page):1:1: error: page /en/strategies/ links to http://127.0.0.1:\(port)/gone/: the server answered HTTP 404",
        ])
        #expect(SiteCheck(tree: tree, options: BuildOptions()).run().errors == [])  // not without --external
    }
}
