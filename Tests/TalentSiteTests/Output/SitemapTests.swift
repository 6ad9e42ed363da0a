import Foundation
import Testing
@testable import TalentSite

/// The sitemap (split under an index when large) and robots.txt, read back with libxml2.
@Suite struct SitemapTests {
    @Test func sitemapHasEveryPageWithAllLanguageVersions() throws {
        let elements = try RSSFeedsTests.elements("sitemap.xml")
        let locs = elements.filter { $0.name == "loc" }.map(\.text)
        let pages = RSSFeedsTests.site.files.keys.filter { $0.hasSuffix("index.html") }.map { "https://talent.example.gov.tw/" + $0.dropLast("index.html".count) }
        #expect(Set(locs) == Set(pages), "every page but 404.html, nothing else")
        #expect(locs.count == pages.count)
        #expect(locs.contains("https://talent.example.gov.tw/en/industries/iot/") && locs.contains("https://talent.example.gov.tw/awards/2024/"))
        let alternates = elements.filter { $0.name == "xhtml:link" || ($0.name == "link" && $0["hreflang"] != nil) }
        #expect(alternates.contains { $0["hreflang"] == "x-default" && $0["href"] == "https://talent.example.gov.tw/courses/cnc-bootcamp/" })
        #expect(alternates.filter { $0["href"] == "https://talent.example.gov.tw/en/courses/cnc-bootcamp/" }.count == 2,
                "listed as the alternate of both language versions")
        #expect(RSSFeedsTests.site.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://talent.example.gov.tw/sitemap.xml\n")
    }

    @Test func largeSitemapsSplitUnderAnIndex() throws {
        let formats = SiteBuilder.formats.map { $0 is Sitemap ? Sitemap(limit: 10) : $0 }
        let output = MemoryOutput()
        _ = try SiteBuilder(tree: FixtureSiteTests.fixtureTree("bilingual"), formats: formats).build(into: output)
        let index = try RSSFeedsTests.elements("sitemap.xml", in: output)
        #expect(XMLCheck.rootElement(of: output.files["sitemap.xml"] ?? []) == "sitemapindex")
        let parts = index.filter { $0.name == "loc" }.map(\.text)
        let pageCount = output.files.keys.filter { $0.hasSuffix("index.html") }.count
        #expect(parts.count == (pageCount + 9) / 10)
        let listed = try parts.flatMap { url in
            try RSSFeedsTests.elements(String(url.dropFirst("https://talent.example.gov.tw/".count)), in: output).filter { $0.name == "loc" }
        }
        #expect(listed.count == pageCount)
    }

    @Test func robotsNamesTheSitemapAtTheOverriddenBaseURL() throws {
        let output = MemoryOutput()
        _ = try SiteBuilder(tree: TestSite.tree(), options: BuildOptions(baseURL: "https://preview.example.org/talent")).build(into: output)
        #expect(output.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://preview.example.org/talent/sitemap.xml\n")
    }
}
