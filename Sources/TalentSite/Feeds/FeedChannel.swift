/// The feeds a site has, whatever their format: per language, the whole site's (`/rss.xml`, `/en/rss.xml`) and
/// each `feed: true` section's (`/courses/rss.xml`). Every feed format writes one file per channel, at the
/// channel's route with its own file name (`/courses/atom.xml`), so all formats list the same feeds.
struct FeedChannel: Sendable {
    let language: Language
    /// The channel's route as the model names it (the RSS file); `path(file:)` gives another format's file.
    let route: String
    let origin: SourceLocation
    let title: String
    let description: String
    /// The root-relative page the channel stands for (home page, section list).
    let link: String
    let sections: [SiteModel.Section]

    /// Every channel of `site`, in the order feeds are planned; none when no section has a feed.
    static func all(_ site: SiteModel) -> [FeedChannel] {
        let sections = site.sections.filter(\.schema.hasFeed)
        guard !sections.isEmpty else { return [] }
        return site.settings.languages.flatMap { language in
            [FeedChannel(language: language, route: site.routes.feed(language), origin: SourceLocation(file: "content/site.yaml"),
                         title: language.siteTitle, description: language.siteDescription, link: language.homePath,
                         sections: sections)]
                + sections.map { section in
                    let schema = section.schema
                    return FeedChannel(language: language, route: site.routes.feed(schema, language), origin: schema.location,
                                       title: "\(schema.title[language]) | \(language.siteTitle)",
                                       description: schema.intro?[language] ?? language.siteDescription,
                                       link: schema.hasListPage ? site.routes.list(schema, language) : language.homePath,
                                       sections: [section])
                }
        }
    }

    /// The channel's file named `file` beside the route's: `/en/courses/rss.xml` → `/en/courses/atom.xml`.
    func path(file: String) -> String { Self.path(route, file: file) }

    static func path(_ route: String, file: String) -> String {
        String(route[...(route.lastIndex(of: "/") ?? route.startIndex)]) + file
    }
}
