import Foundation
import Testing
@testable import TalentSite

/// Whole builds of the fixture sites under Tests/Fixtures, on the project's real schemas and templates.
@Suite struct FixtureSiteTests {
    static func fixtureTree(_ name: String) -> MemorySourceTree {
        let records = TestSite.files(under: "content", of: TestSite.fixtures.appendingPathComponent(name))
        return MemorySourceTree(data: TestSite.projectSkeleton.merging(records) { _, fixture in fixture })
    }

    static let bilingual = TestSite.build(fixtureTree("bilingual"), options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1)))

    @Test func buildsEveryPageWithWarningsForMissingTranslations() {
        #expect(Self.bilingual.diagnostics == [
            "content/courses/green-in-service.zh-TW.md:1:1: warning: missing en translation (expected content/courses/green-in-service.en.md)",
        ])
        let html = Self.bilingual.output.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let records = [
            "awards/2024-sme-hongsheng/index.html", "awards/2025-large-enterprise-tailun/index.html", "awards/index.html",
            "certifications/index.html", "certifications/ipas-iot/index.html",
            "courses/cnc-bootcamp/index.html", "courses/green-in-service/index.html", "courses/index.html",
            "en/awards/2024-sme-hongsheng/index.html", "en/awards/2025-large-enterprise-tailun/index.html", "en/awards/index.html",
            "en/certifications/index.html", "en/certifications/ipas-iot/index.html",
            "en/courses/cnc-bootcamp/index.html", "en/courses/index.html",
            "en/index.html", "en/news/2026-spring-intake/index.html", "en/news/index.html",
            "en/programmes/index.html", "en/programmes/ntut-smart-manufacturing/index.html", "en/strategies/index.html",
            "index.html", "news/2026-spring-intake/index.html", "news/index.html",
            "programmes/index.html", "programmes/ntut-smart-manufacturing/index.html", "strategies/index.html",
        ]
        // Every declared term gets a page, records or not; award years get archives; each language a 404.
        let terms = ["industries": ["biotech", "circular-economy", "cloud-big-data", "defense", "digital-content", "green-energy",
                                    "iot", "materials", "new-agriculture", "smart-machinery"],
                     "regions": ["central", "east", "north", "online", "south"], "course-kinds": ["bootcamp", "in-service"]]
        let generated = ["", "en/"].flatMap { prefix in
            ["\(prefix)404.html", "\(prefix)courses/past/index.html", "\(prefix)awards/2024/index.html", "\(prefix)awards/2025/index.html", "\(prefix)search/index.html"]
                + ["", "awards/", "certifications/", "courses/", "programmes/"].map { "\(prefix)data/\($0)index.html" }
                + terms.flatMap { taxonomy, keys in
                    ["\(prefix)\(taxonomy)/index.html"] + keys.map { "\(prefix)\(taxonomy)/\($0)/index.html" }
                }
        }
        let footerPages = ["", "en/"].flatMap { prefix in
            ["privacy", "open-data", "accessibility", "site-map"].map { "\(prefix)\($0)/index.html" }
        }
        #expect(html == (records + generated + footerPages).sorted())
    }

    @Test func everyPageKeepsItsPromises() {
        #expect(SiteAudit(files: Self.bilingual.output.files, baseURL: "https://talent.example.gov.tw/").problems() == [])
    }

    @Test func untranslatedRecordSwitchesToTheOtherLanguagesList() throws {
        let page = try #require(HTMLDocument(html: Self.bilingual.output.text("courses/green-in-service/index.html") ?? ""))
        #expect(page.all("a").first { $0["hreflang"] == "en" }?["href"] == "/en/courses/")
        #expect(page.all("link").filter { $0["rel"] == "alternate" && $0["hreflang"] != nil }.count == 1)
    }

    @Test func draftsAreLeftOutUnlessAskedFor() {
        #expect(Self.bilingual.output.files["courses/draft-course/index.html"] == nil)
        let withDrafts = TestSite.build(Self.fixtureTree("bilingual"), options: BuildOptions(includeDrafts: true))
        #expect(withDrafts.output.files["courses/draft-course/index.html"] != nil)
    }

    @Test func strictTurnsWarningsIntoFailure() {
        let output = MemoryOutput()
        #expect(throws: BuildFailure.self) {
            try SiteBuilder(tree: Self.fixtureTree("bilingual"), options: BuildOptions(strict: true)).build(into: output)
        }
    }

    @Test func twoBuildsAreByteIdentical() {
        let again = TestSite.build(Self.fixtureTree("bilingual"), options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1)))
        #expect(again.output.files == Self.bilingual.output.files)
    }

    /// Rendered pages compared with Tests/Fixtures/bilingual/golden; run with UPDATE_GOLDEN=1 to rewrite them on purpose.
    @Test(arguments: [
        "index.html", "en/index.html", "courses/cnc-bootcamp/index.html", "en/courses/cnc-bootcamp/index.html",
        "courses/index.html", "en/awards/2025-large-enterprise-tailun/index.html", "strategies/index.html",
        "data/index.html", "en/data/courses/index.html",
    ])
    func matchesGoldenPage(_ path: String) throws {
        try Self.compareWithGolden(path)
    }

    /// Every other kind of output, byte for byte: 404 pages, the search page, RSS and Atom feeds, sitemap,
    /// robots.txt and open data (the CSV with its byte-order mark and CRLF line ends).
    @Test(arguments: [
        "404.html", "en/404.html", "search/index.html", "en/search/index.html",
        "rss.xml", "en/rss.xml", "courses/rss.xml", "en/awards/rss.xml",
        "atom.xml", "en/atom.xml", "courses/atom.xml", "en/awards/atom.xml",
        "sitemap.xml", "robots.txt",
        "data/courses.json", "data/courses.csv", "en/data/awards.json", "en/data/awards.csv",
    ])
    func matchesGoldenFile(_ path: String) throws {
        try Self.compareWithGolden(path)
    }

    /// Each language's search index, every file: the names are content hashes, so the set of files is compared too.
    @Test(arguments: ["search/index/", "en/search/index/"])
    func searchIndexMatchesGolden(_ folder: String) throws {
        let goldenFolder = TestSite.fixtures.appendingPathComponent("bilingual/golden/\(folder)")
        let actual = Self.bilingual.output.files.keys.filter { $0.hasPrefix(folder) }.sorted()
        #expect(actual.count > 3, "\(folder) holds the index")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try? FileManager.default.removeItem(at: goldenFolder) }
        for path in actual { try Self.compareWithGolden(path) }
        let golden = TestSite.files(under: String(folder.dropLast()), of: TestSite.fixtures.appendingPathComponent("bilingual/golden")).keys.sorted()
        #expect(golden == actual, "the index files differ from the golden ones; if intended, rerun with UPDATE_GOLDEN=1")
    }

    /// Compares one output file with its golden copy byte for byte (UPDATE_GOLDEN=1 rewrites the copy first).
    static func compareWithGolden(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let golden = TestSite.fixtures.appendingPathComponent("bilingual/golden/\(path)")
        let actual = try #require(bilingual.output.files[path], "\(path) was not written", sourceLocation: sourceLocation)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: golden)
        }
        let expected = try #require(try? Data(contentsOf: golden), "no golden file for \(path); rerun with UPDATE_GOLDEN=1 and review it",
                                    sourceLocation: sourceLocation)
        let comment = "\(path) differs from its golden file; if intended, rerun with UPDATE_GOLDEN=1\n"
            + String(decoding: actual.prefix(4000), as: UTF8.self)
        #expect(Data(actual) == expected, Comment(rawValue: comment), sourceLocation: sourceLocation)
    }

    @Test func invalidSiteReportsEveryErrorWithItsPosition() throws {
        let result = TestSite.build(Self.fixtureTree("invalid"))
        let expectedFile = TestSite.fixtures.appendingPathComponent("invalid/expected-diagnostics.txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try (result.diagnostics.joined(separator: "\n") + "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(result.diagnostics == expected)
    }

    @Test func failedBuildOnDiskLeavesThePreviousSiteAsItWas() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("talentsite-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        for name in ["bilingual", "invalid"] {
            let site = work.appendingPathComponent(name)
            for (path, data) in Self.fixtureTree(name).files {
                let url = site.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let output = work.appendingPathComponent("public")
        _ = try SiteBuilder.buildDirectory(source: work.appendingPathComponent("bilingual"), output: output, options: BuildOptions())
        let before = TestSite.files(under: "public", of: work)
        #expect(before.count > 20)
        #expect(throws: BuildFailure.self) {
            try SiteBuilder.buildDirectory(source: work.appendingPathComponent("invalid"), output: output, options: BuildOptions())
        }
        #expect(TestSite.files(under: "public", of: work) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["bilingual", "invalid", "public"])
    }
}
