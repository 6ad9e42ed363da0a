import Foundation
import Testing
@testable import TalentSite

/// RSS as written, read back with libxml2 (the sitemap and robots.txt in SitemapTests).
@Suite struct RSSFeedsTests {
    static let site = FixtureSiteTests.bilingual.output

    /// `(name, attributes, text)` of every element, via the HTML reader, which reads XML elements too.
    static func elements(_ path: String, in output: MemoryOutput = site) throws -> [HTMLElement] {
        let bytes = try #require(output.files[path], "\(path) was not written")
        #expect(XMLCheck.rootElement(of: bytes) != nil, "\(path) is not well-formed XML")
        return try #require(HTMLDocument(html: String(decoding: bytes, as: UTF8.self))).elements
    }

    @Test func siteFeedListsEveryFeedSectionNewestFirst() throws {
        let items = try Self.elements("rss.xml").filter { $0.name == "item" }
        let links = try Self.elements("rss.xml").filter { $0.name == "guid" }.map(\.text)
        #expect(items.count == 7, "drafts left out")
        #expect(links == [
            "news/2026-spring-intake/", "courses/cnc-bootcamp/", "certifications/ipas-iot/",
            "programmes/ntut-smart-manufacturing/", "courses/green-in-service/",
            "awards/2025-large-enterprise-tailun/", "awards/2024-sme-hongsheng/",
        ].map { "https://talent.example.gov.tw/" + $0 })
        let dates = try Self.elements("rss.xml").filter { $0.name == "pubdate" }.map(\.text)
        #expect(dates.first == "Sun, 15 Feb 2026 00:00:00 +0800")
        #expect(dates.last == "Mon, 01 Jan 2024 00:00:00 +0800", "award winners are filed under their year")
    }

    @Test func channelDescribesItselfInItsLanguage() throws {
        let english = try Self.elements("en/courses/rss.xml")
        #expect(english.first { $0.name == "language" }?.text == "en")
        #expect(english.first { $0.name == "title" }?.text == "Practical training courses | 5+2 Industry Talent")
        let selfLink = english.first { $0.name == "atom:link" || $0.name == "link" && $0["rel"] == "self" }
        #expect(selfLink?["href"] == "https://talent.example.gov.tw/en/courses/rss.xml")
        #expect(english.first { $0.name == "lastbuilddate" }?.text == "Sun, 01 Feb 2026 00:00:00 +0800", "the newest item's date")
        let categories = english.filter { $0.name == "category" }.map(\.text)
        #expect(categories == ["Open for applications", "Pre-employment bootcamp", "Smart machinery", "Asia Silicon Valley (Internet of Things)", "Central"])
    }

    @Test func futureItemsWaitAndSourceDateEpochSetsLastBuildDate() throws {
        let future = TestSite.course(title: "未來課程", provider: "單位").replacingOccurrences(of: "date: 2026-02-01", with: "date: 2026-07-01")
        let output = TestSite.build(TestSite.tree(["content/courses/future.zh-TW.md": future]),
                                    options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1), sourceDateEpoch: 1_780_000_000)).output
        let feed = try Self.elements("courses/rss.xml", in: output)
        #expect(!feed.contains { $0.name == "guid" && $0.text.contains("/future/") })
        #expect(feed.first { $0.name == "lastbuilddate" }?.text == "Thu, 28 May 2026 20:26:40 +0000")
    }

    @Test func everyPageAdvertisesItsFeeds() throws {
        let page = try CatalogueTests.page("en/courses/cnc-bootcamp/index.html")
        let feeds = page.all("link").filter { $0["type"] == "application/rss+xml" }.map { $0["href"] ?? "" }
        #expect(feeds == ["/en/rss.xml", "/en/courses/rss.xml"])
        let home = try CatalogueTests.page("index.html")
        #expect(home.all("link").filter { $0["type"] == "application/rss+xml" }.map { $0["href"] ?? "" } == ["/rss.xml"])
    }

    @Test func baseURLCanBeOverridden() throws {
        let output = MemoryOutput()
        _ = try SiteBuilder(tree: TestSite.tree(), options: BuildOptions(baseURL: "https://preview.example.org/talent")).build(into: output)
        #expect(output.text("rss.xml")?.contains("<link>https://preview.example.org/talent/</link>") == true)
    }

    @Test func hostileTitlesAreEscapedAndStillParse() throws {
        // YAML refuses control characters itself; a CSV cell can carry them.
        let title = "'<script>alert(1)</script> & ]]> 控制'"
        let winners = "year,category,slug,name_zh,name_en,citation_zh,citation_en\n"
            + "2025,sme,2025-sme-acme,\"<b>壞</b> & ]]>\u{1}\u{8}\u{B}公司\",Acme,引用。,Cites.\n"
        let result = TestSite.build(TestSite.tree([
            "content/courses/cnc.zh-TW.md": TestSite.course(title: title, provider: "A & B <c>"),
            "content/awards/winners.csv": winners,
        ]))
        #expect(result.diagnostics == [])
        let output = result.output
        for path in ["rss.xml", "courses/rss.xml", "awards/rss.xml", "sitemap.xml"] {
            #expect(XMLCheck.rootElement(of: output.files[path] ?? []) != nil, "\(path)")
        }
        let feed = try #require(output.text("rss.xml"))
        #expect(feed.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; 控制"))
        #expect(feed.contains("&lt;b&gt;壞&lt;/b&gt; &amp; ]]&gt;公司"), "control characters dropped")
        #expect(!feed.contains("<script>") && !feed.contains("<b>"))
    }
}
