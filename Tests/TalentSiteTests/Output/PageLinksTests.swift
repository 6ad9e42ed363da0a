import Foundation
import Testing
@testable import TalentSite

/// The head links formats contribute through the contract: a format added to the list shows up in every
/// page's head, in list order, escaped, without the layout naming it.
@Suite struct PageLinksTests {
    /// A format that writes nothing and asks every page to link a resource of its own.
    struct LinkOnly: OutputFormat {
        func plan(_ input: PlanInput) -> [OutputJob] { [] }
        func pageLinks(site: SiteModel, language: Language, section: String?) -> PageLinks {
            PageLinks(head: [HeadLink(rel: "alternate", type: "application/x-test", href: "/x/\(language.code)\(section.map { "/" + $0 } ?? "").json",
                                      title: "T & <\"x\">", hreflang: language.code == "en" ? "zh-Hant-TW" : nil)])
        }
    }

    static let output: MemoryOutput = {
        let options = BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1))
        let output = MemoryOutput()
        _ = try? SiteBuilder(tree: FixtureSiteTests.fixtureTree("bilingual"), options: options,
                             formats: SiteBuilder.formats + [LinkOnly()]).build(into: output)
        return output
    }()

    static func headLinks(_ path: String) throws -> [HTMLElement] {
        let html = try #require(output.text(path))
        let page = try #require(HTMLDocument(html: html))
        return page.all("link").filter { $0["rel"] == "alternate" && $0["type"] != nil }
    }

    @Test func everyPageCarriesTheAddedLinkAfterTheFeeds() throws {
        let pages = Self.output.files.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 50)
        for path in pages {
            let types = try Self.headLinks(path).map { $0["type"] ?? "" }
            #expect(types.last == "application/x-test", "\(path): \(types)")
        }
        let course = try Self.headLinks("en/courses/cnc-bootcamp/index.html")
        #expect(course.map { $0["href"] ?? "" } == ["/en/rss.xml", "/en/courses/rss.xml", "/en/atom.xml", "/en/courses/atom.xml",
                                                   "/x/en/courses.json"], "in format order")
        #expect(course.last?["title"] == "T & <\"x\">")
        #expect(course.last?["hreflang"] == "zh-Hant-TW")
        let home = try Self.headLinks("index.html")
        #expect(home.last?["href"] == "/x/zh-TW.json")
        #expect(home.last?["hreflang"] == nil, "no hreflang attribute when the link gives none")
    }

    @Test func theLayoutNamesNoFeedType() throws {
        let layout = try String(contentsOf: TestSite.root.appendingPathComponent("templates/layout.mustache"), encoding: .utf8)
        #expect(!layout.contains("rss"))
        #expect(!layout.contains("atom"))
    }
}
