/// The feeds a page advertises in its head, whatever their format: the site's feed in the page's language,
/// and its section's when the section has one. Every feed format lists the same feeds, at its own paths.
struct FeedDiscovery {
    let site: SiteModel
    let language: Language

    /// `<link rel="alternate">` for each feed of media type `type` whose files are named `file` (`atom.xml`
    /// beside `/courses/rss.xml`). None when no section has a feed.
    func links(section: String?, type: String, file: String) -> [HeadLink] {
        let path = { FeedChannel.path($0, file: file) }
        guard site.sections.contains(where: \.schema.hasFeed) else { return [] }
        var links = [HeadLink(rel: "alternate", type: type, href: path(site.routes.feed(language)), title: language.siteTitle)]
        if let section, let schema = site.section(section)?.schema, schema.hasFeed {
            links.append(HeadLink(rel: "alternate", type: type, href: path(site.routes.feed(schema, language)),
                                  title: "\(schema.title[language]) | \(language.siteTitle)"))
        }
        return links
    }
}
