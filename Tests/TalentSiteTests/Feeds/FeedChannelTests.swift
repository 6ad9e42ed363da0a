import Foundation
import Testing
@testable import TalentSite

/// The channel list every feed format writes: per language the site's feed, then each feed section's,
/// at the model's routes, with each format's own file name beside them.
@Suite struct FeedChannelTests {
    static func model() throws -> SiteModel {
        let log = DiagnosticLog()
        let content = try #require(ContentLoader(tree: FixtureSiteTests.fixtureTree("bilingual"), log: log).load())
        return SiteModelBuilder(includeDrafts: false, buildDay: Day(year: 2026, month: 6, day: 1), log: log).build(content)
    }

    @Test func everyLanguageHasTheSiteFeedThenEachFeedSection() throws {
        let site = try Self.model()
        let channels = FeedChannel.all(site)
        let sections = site.sections.filter(\.schema.hasFeed).map(\.schema.name)
        #expect(channels.count == 2 * (1 + sections.count))
        #expect(channels.prefix(2).map(\.route) == ["/rss.xml", "/\(sections[0])/rss.xml"])
        #expect(channels.first { $0.language.code == "en" }?.route == "/en/rss.xml")
        #expect(channels.first?.sections.count == sections.count, "the site feed lists every feed section")
        #expect(channels.dropFirst().allSatisfy { $0.route.hasSuffix("/rss.xml") && ($0.route.hasPrefix("/en/") || $0.sections.count == 1) })
    }

    @Test func aFormatsFileSitsBesideTheRoute() {
        #expect(FeedChannel.path("/rss.xml", file: "atom.xml") == "/atom.xml")
        #expect(FeedChannel.path("/en/courses/rss.xml", file: "atom.xml") == "/en/courses/atom.xml")
    }

    @Test func aSiteWithoutFeedSectionsHasNoChannelsAndNoDiscovery() throws {
        var site = try Self.model()
        site.sections = site.sections.filter { !$0.schema.hasFeed }
        #expect(FeedChannel.all(site).isEmpty)
        let language = site.settings.languages[0]
        #expect(FeedDiscovery(site: site, language: language).links(section: "courses", type: "application/atom+xml", file: "atom.xml").isEmpty)
    }
}
