import Foundation
import Testing
@testable import TalentSite

/// The Atom feeds beside the RSS ones, read back with libxml2: the same channels and items, dated in RFC 3339,
/// authored by the agency, escaped, and advertised on every page that advertises RSS.
@Suite struct AtomFeedsTests {
    static let site = FixtureSiteTests.bilingual.output
    static func elements(_ path: String, in output: MemoryOutput = site) throws -> [HTMLElement] {
        try RSSFeedsTests.elements(path, in: output)
    }

    @Test func everyRSSFeedHasAnAtomTwinWithTheSameItems() throws {
        let feeds = Self.site.files.keys.filter { $0.hasSuffix("rss.xml") }.sorted()
        #expect(feeds.count == 12)
        for rss in feeds {
            let atom = String(rss.dropLast("rss.xml".count)) + "atom.xml"
            let items = try Self.elements(rss)
            let entries = try Self.elements(atom)
            #expect(XMLCheck.rootElement(of: Self.site.files[atom] ?? []) == "feed", "\(atom)")
            #expect(entries.filter { $0.name == "id" }.dropFirst().map(\.text) == items.filter { $0.name == "guid" }.map(\.text), "\(atom)")
            #expect(entries.filter { $0.name == "title" }.map(\.text) == items.filter { $0.name == "title" }.map(\.text), "\(atom)")
            #expect(entries.filter { $0.name == "summary" }.map(\.text) == items.filter { $0.name == "description" }.dropFirst().map(\.text),
                    "\(atom)")
        }
    }

    @Test func feedNamesItselfItsLanguageAndItsAuthor() throws {
        let feed = try Self.elements("en/courses/atom.xml")
        #expect(feed.first { $0.name == "feed" }?["xml:lang"] == "en")
        #expect(feed.first { $0.name == "id" }?.text == "https://talent.example.gov.tw/en/courses/atom.xml")
        let links = feed.filter { $0.name == "link" }
        #expect(links.first { $0["rel"] == "self" }?["href"] == "https://talent.example.gov.tw/en/courses/atom.xml")
        #expect(links.first { $0["rel"] == "alternate" }?["href"] == "https://talent.example.gov.tw/en/courses/")
        #expect(feed.first { $0.name == "name" }?.text == "5+2 Industry Talent website operator (sample)")
        #expect(feed.first { $0.name == "updated" }?.text == "2026-02-01T00:00:00+08:00", "the newest item's date, as RSS's lastBuildDate")
        let entryUpdated = feed.filter { $0.name == "updated" }.dropFirst().map(\.text)
        #expect(entryUpdated == ["2026-02-01T00:00:00+08:00"])
        let categories = feed.filter { $0.name == "category" }.map { $0["term"] ?? "" }
        #expect(categories == ["Open for applications", "Pre-employment bootcamp", "Smart machinery", "Asia Silicon Valley (Internet of Things)", "Central"])
        #expect(feed.first { $0.name == "category" }?["scheme"] == "https://talent.example.gov.tw/en/courses/")
    }

    @Test func sourceDateEpochSetsTheFeedsUpdatedInstant() throws {
        let output = TestSite.build(TestSite.tree(), options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1), sourceDateEpoch: 1_780_000_000)).output
        #expect(try Self.elements("atom.xml", in: output).first { $0.name == "updated" }?.text == "2026-05-28T20:26:40Z")
    }

    @Test func everyPageAdvertisesTheAtomFeedsBesideTheRSSOnes() throws {
        let page = try CatalogueTests.page("en/courses/cnc-bootcamp/index.html")
        let atom = page.all("link").filter { $0["rel"] == "alternate" && $0["type"] == "application/atom+xml" }
        #expect(atom.map { $0["href"] ?? "" } == ["/en/atom.xml", "/en/courses/atom.xml"])
        #expect(atom.map { $0["title"] ?? "" } == ["5+2 Industry Talent", "Practical training courses | 5+2 Industry Talent"])
        for path in Self.site.files.keys where path.hasSuffix(".html") {
            let html = try #require(Self.site.text(path))
            let rss = html.components(separatedBy: "type=\"application/rss+xml\"").count
            let atoms = html.components(separatedBy: "type=\"application/atom+xml\"").count
            #expect(rss == atoms && rss > 1, "\(path)")
        }
    }

    @Test func hostileTitlesAreEscapedAndStillParse() throws {
        let title = "'<script>alert(1)</script> & ]]> 控制'"
        let winners = "year,category,slug,name_zh,name_en,citation_zh,citation_en\n"
            + "2025,sme,2025-sme-acme,\"<b>壞</b> & ]]>\u{1}\u{8}\u{B}公司\",Acme,引用。,Cites.\n"
        let output = TestSite.build(TestSite.tree([
            "content/courses/cnc.zh-TW.md": TestSite.course(title: title, provider: "A & B <c>"),
            "content/awards/winners.csv": winners,
        ])).output
        for path in ["atom.xml", "courses/atom.xml", "awards/atom.xml"] {
            #expect(XMLCheck.rootElement(of: output.files[path] ?? []) == "feed", "\(path)")
        }
        let feed = try #require(output.text("atom.xml"))
        #expect(feed.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; 控制</title>"))
        #expect(feed.contains("&lt;b&gt;壞&lt;/b&gt; &amp; ]]&gt;公司"), "control characters dropped")
        #expect(!feed.contains("<script>") && !feed.contains("<b>"))
    }
}
