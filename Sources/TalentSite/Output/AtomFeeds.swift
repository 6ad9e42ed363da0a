/// Atom 1.0 (RFC 4287) beside every RSS feed (`/atom.xml`, `/en/courses/atom.xml`): the same channels and
/// items (`FeedChannel`, `FeedItems`), for readers and tools that take Atom only. Entry ids are the pages'
/// absolute URLs, as the RSS guids are; the author is the agency that runs the site.
public struct AtomFeeds: OutputFormat {
    static let file = "atom.xml"
    static let namespace = "http://www.w3.org/2005/Atom"

    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        FeedChannel.all(input.site).map { channel in
            OutputJob(path: channel.path(file: Self.file), origin: channel.origin) { env in Self.document(channel, env: env) }
        }
    }

    /// Every page that advertises its RSS feeds advertises the Atom ones too.
    public func pageLinks(site: SiteModel, language: Language, section: String?) -> PageLinks {
        PageLinks(head: FeedDiscovery(site: site, language: language).links(section: section, type: "application/atom+xml", file: Self.file))
    }

    static func document(_ channel: FeedChannel, env: RenderEnvironment) -> [UInt8]? {
        let site = env.site
        let absolute = site.settings.absoluteURL
        let language = channel.language
        let feed = FeedItems(env: env, language: language)
        let items = feed.items(channel.sections)
        guard let xml = XMLWriter() else { return nil }
        xml.start("feed", namespaces: [(nil, namespace)], attributes: [("xml:lang", language.code)])
        xml.element("id", absolute(channel.path(file: file)))
        xml.element("title", channel.title)
        xml.element("subtitle", channel.description)
        xml.element("link", attributes: [("rel", "alternate"), ("type", "text/html"), ("href", absolute(channel.link))])
        xml.element("link", attributes: [("rel", "self"), ("type", "application/atom+xml"), ("href", absolute(channel.path(file: file)))])
        // Required; the same instant RSS gives as lastBuildDate, and never absent.
        let updated = site.sourceDateEpoch.map(timestamp) ?? timestamp(items.first?.date ?? site.newestDate ?? Day(year: 1970, month: 1, day: 1))
        xml.element("updated", updated)
        xml.start("author")
        xml.element("name", site.settings.agency?.name[language] ?? language.siteTitle)
        if let email = site.settings.agency?.email, !email.isEmpty { xml.element("email", email) }
        xml.element("uri", absolute(language.homePath))
        xml.end()
        xml.element("generator", "talentsite")
        for item in items {
            let url = feed.url(item)
            xml.start("entry")
            xml.element("id", url)
            xml.element("title", item.record.title)
            xml.element("link", attributes: [("rel", "alternate"), ("type", "text/html"), ("href", url)])
            xml.element("published", timestamp(item.date))
            xml.element("updated", timestamp(item.date))
            if let summary = env.summaries.summary(of: item.record) { xml.element("summary", summary) }
            // As RSS's category and domain: the label, and the page listing the term.
            for (label, href) in feed.categories(item) {
                xml.element("category", attributes: [("term", label), ("scheme", absolute(href))])
            }
            xml.end()
        }
        xml.end()
        return xml.finish()
    }

    /// RFC 3339 for a content day: midnight in Taiwan time, as RSS dates it.
    static func timestamp(_ day: Day) -> String { day.iso + "T00:00:00+08:00" }

    /// RFC 3339 in UTC for a Unix time (`SOURCE_DATE_EPOCH`).
    static func timestamp(_ unixSeconds: Int) -> String {
        let seconds = unixSeconds.modulo(86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return Day(unixSeconds: unixSeconds).iso + "T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }
}
