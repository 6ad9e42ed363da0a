import Foundation
import Testing
@testable import TalentSite

/// The feeds, sitemap and open data of a site with hostile content, checked by their real consumers:
/// Python's feedparser, libxml2 through lxml with the sitemaps.org schema, Python's csv module
/// (`Tests/Feeds/check_feeds.py`), which also holds every Atom feed to its RSS twin. The checker is also shown a
/// broken sitemap and a diverging Atom feed, so it is known to fail.
@Suite(.serialized) struct FeedConsumerTests {
    static func write(_ output: MemoryOutput) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talentsite-feeds-\(UUID().uuidString)")
        for (path, bytes) in output.files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }

    static func check(_ folder: URL, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
        try ExternalTool.run("python3", [ExternalTool.repositoryFile("Tests/Feeds/check_feeds.py"), folder.path] + arguments)
    }

    static let hostile: MemoryOutput = {
        let winners = "year,category,slug,name_zh,name_en,citation_zh,citation_en\n"
            + "2025,sme,2025-sme-acme,\"<script>x</script> & ]]>\u{1}\u{B}公司\",\"A & B ]]> <i>\",\"引用 <b>。\",\"Cites & more.\"\n"
        return TestSite.build(TestSite.tree([
            "content/courses/cnc.zh-TW.md": TestSite.course(title: "'<script>alert(1)</script> & ]]> 課程'", provider: "A&B"),
            "content/courses/cnc.en.md": TestSite.course(title: "'Course \"quoted\", with comma & <tag>'", provider: "P, Q"),
            "content/awards/winners.csv": winners,
        ])).output
    }()

    @Test func hostileSitePassesEveryConsumer() throws {
        let folder = try Self.write(Self.hostile)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.check(folder, ["--expect-items", "rss.xml=3", "--expect-items", "en/courses/rss.xml=1"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("feeds: 12 RSS files"), "\(result.output)")
        #expect(result.output.contains("12 Atom files"), "\(result.output)")
    }

    @Test func shippedSitePassesEveryConsumer() throws {
        let output = MemoryOutput()
        _ = try SiteBuilder(tree: DiskSourceTree(root: TestSite.root), options: BuildOptions(buildDay: Day(year: 2026, month: 11, day: 25)))
            .build(into: output)
        let folder = try Self.write(output)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.check(folder)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theCheckerRejectsABrokenSitemapAWrongItemCountAndAnAtomFeedThatDiffers() throws {
        let folder = try Self.write(Self.hostile)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sitemap = folder.appendingPathComponent("sitemap.xml")
        let text = try String(contentsOf: sitemap, encoding: .utf8).replacingOccurrences(of: "<loc>", with: "<place>")
            .replacingOccurrences(of: "</loc>", with: "</place>")
        try text.write(to: sitemap, atomically: true, encoding: .utf8)
        // An Atom feed that lost an entry, and a page whose Atom discovery no longer matches its RSS one.
        let atom = folder.appendingPathComponent("en/courses/atom.xml")
        let feed = try String(contentsOf: atom, encoding: .utf8)
        let entry = try #require(feed.range(of: #"<entry>[\s\S]*?</entry>\s*"#, options: .regularExpression))
        try feed.replacingCharacters(in: entry, with: "").write(to: atom, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("index.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "href=\"/atom.xml\"", with: "href=\"/feed.atom\"")
            .write(to: page, atomically: true, encoding: .utf8)
        let result = try Self.check(folder, ["--expect-items", "rss.xml=4"])
        #expect(result.status == 1)
        #expect(result.output.contains("en/courses/atom.xml: 0 entries differ from the 1 items of en/courses/rss.xml"), "\(result.output)")
        #expect(result.output.contains("index.html: Atom discovery ['/feed.atom'] does not match its RSS discovery ['/rss.xml']"),
                "\(result.output)")
        #expect(result.output.contains("does not validate against sitemap.xsd"), "\(result.output)")
        #expect(result.output.contains("rss.xml: 3 items, expected 4"), "\(result.output)")
    }
}
