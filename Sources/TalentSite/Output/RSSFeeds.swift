/// RSS 2.0 per language: the whole site (`/rss.xml`, `/en/rss.xml`) and each section declaring
/// `feed: true` (`/courses/rss.xml`), listing `FeedItems`. Written with libxml2's writer.
public struct RSSFeeds: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        FeedChannel.all(input.site).map { channel in
            OutputJob(path: channel.route, origin: channel.origin) { env in
                FeedWriter(env: env, language: channel.language).rss(channel)
            }
        }
    }

    /// Every page's head advertises the site's feed and its section's.
    public func pageLinks(site: SiteModel, language: Language, section: String?) -> PageLinks {
        PageLinks(head: FeedDiscovery(site: site, language: language).links(section: section, type: "application/rss+xml", file: "rss.xml"))
    }
}

/// Writes one RSS document.
struct FeedWriter {
    let env: RenderEnvironment
    let language: Language

    private var site: SiteModel { env.site }
    private func absolute(_ path: String) -> String { site.settings.absoluteURL(path) }

    func rss(_ channel: FeedChannel) -> [UInt8]? {
        let feed = FeedItems(env: env, language: language)
        let items = feed.items(channel.sections)
        guard let xml = XMLWriter() else { return nil }
        xml.start("rss", namespaces: [("atom", "http://www.w3.org/2005/Atom")], attributes: [("version", "2.0")])
        xml.start("channel")
        xml.element("title", channel.title)
        xml.element("link", absolute(channel.link))
        xml.element("description", channel.description)
        xml.element("language", language.code)
        if let epoch = site.sourceDateEpoch {
            xml.element("lastBuildDate", RFC822.string(unixSeconds: epoch))
        } else if let newest = items.first {
            xml.element("lastBuildDate", RFC822.string(newest.date))
        }
        xml.element("generator", "talentsite")
        xml.element("atom:link", attributes: [("href", absolute(channel.route)), ("rel", "self"), ("type", "application/rss+xml")])
        for item in items {
            let url = feed.url(item)
            xml.start("item")
            xml.element("title", item.record.title)
            xml.element("link", url)
            xml.element("guid", url, attributes: [("isPermaLink", "true")])
            xml.element("pubDate", RFC822.string(item.date))
            if let summary = env.summaries.summary(of: item.record) { xml.element("description", summary) }
            for (label, href) in feed.categories(item) {
                xml.element("category", label, attributes: [("domain", absolute(href))])
            }
            xml.end()
        }
        xml.end()
        xml.end()
        return xml.finish()
    }
}
