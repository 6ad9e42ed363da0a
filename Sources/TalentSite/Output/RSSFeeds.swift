/// RSS 2.0 per language: the whole site (`/rss.xml`, `/en/rss.xml`) and each section declaring
/// `feed: true` (`/courses/rss.xml`). Newest first, at most 50 items; drafts and items dated after the
/// build day never appear. Written with libxml2's writer.
public struct RSSFeeds: OutputFormat {
    public static let maxItems = 50

    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        let sections = site.sections.filter(\.schema.hasFeed)
        guard !sections.isEmpty else { return [] }
        var jobs: [OutputJob] = []
        for language in site.settings.languages {
            let all = site.routes.feed(language)
            jobs.append(OutputJob(path: all, origin: SourceLocation(file: "content/site.yaml")) { env in
                FeedWriter(env: env, language: language).rss(
                    path: all, title: language.siteTitle, description: language.siteDescription,
                    link: language.homePath, sections: sections)
            })
            for section in sections {
                let path = site.routes.feed(section.schema, language)
                jobs.append(OutputJob(path: path, origin: section.schema.location) { env in
                    FeedWriter(env: env, language: language).rss(
                        path: path, title: "\(section.schema.title[language]) | \(language.siteTitle)",
                        description: section.schema.intro?[language] ?? language.siteDescription,
                        link: section.schema.hasListPage ? env.site.routes.list(section.schema, language) : language.homePath,
                        sections: [section])
                })
            }
        }
        return jobs
    }

    /// Every page's head advertises the feeds (`feeds` in the layout).
    public func pageLinks(site: SiteModel, language: Language, section: String?) -> [String: Any] {
        ["feeds": Self.discovery(site: site, language: language, section: section)]
    }

    /// Feeds a page advertises with `<link rel="alternate" type="application/rss+xml">`: the site's,
    /// and its section's when it has one.
    static func discovery(site: SiteModel, language: Language, section: String?) -> [[String: Any]] {
        guard site.sections.contains(where: \.schema.hasFeed) else { return [] }
        var feeds: [[String: Any]] = [["title": language.siteTitle, "href": site.routes.feed(language)]]
        if let section, let schema = site.section(section)?.schema, schema.hasFeed {
            feeds.append(["title": "\(schema.title[language]) | \(language.siteTitle)", "href": site.routes.feed(schema, language)])
        }
        return feeds
    }
}

/// Writes one feed document.
struct FeedWriter {
    let env: RenderEnvironment
    let language: Language

    private var site: SiteModel { env.site }
    private func absolute(_ path: String) -> String { site.settings.absoluteURL(path) }

    /// The date an item is filed under: its `date`, else 1 January of its archive year (award winners).
    static func itemDate(_ record: Record, schema: SectionSchema) -> Day? {
        if let date = record.date { return date }
        return schema.listing.archiveBy.flatMap { record.year(of: $0) }.map { Day(year: $0, month: 1, day: 1) }
    }

    func items(_ sections: [SiteModel.Section]) -> [(record: Record, schema: SectionSchema, date: Day)] {
        var items: [(record: Record, schema: SectionSchema, date: Day)] = []
        for section in sections {
            for entry in section.entries {
                guard let record = entry.versions[language.code], let date = Self.itemDate(record, schema: section.schema) else { continue }
                if let today = site.buildDay, date > today { continue }
                items.append((record, section.schema, date))
            }
        }
        items.sort { a, b in
            if a.date != b.date { return a.date > b.date }
            if a.schema.name != b.schema.name { return a.schema.name < b.schema.name }
            return a.record.slug < b.record.slug
        }
        return Array(items.prefix(RSSFeeds.maxItems))
    }

    func rss(path: String, title: String, description: String, link: String, sections: [SiteModel.Section]) -> [UInt8]? {
        let items = items(sections)
        guard let xml = XMLWriter() else { return nil }
        xml.start("rss", namespaces: [("atom", "http://www.w3.org/2005/Atom")], attributes: [("version", "2.0")])
        xml.start("channel")
        xml.element("title", title)
        xml.element("link", absolute(link))
        xml.element("description", description)
        xml.element("language", language.code)
        if let epoch = site.sourceDateEpoch {
            xml.element("lastBuildDate", RFC822.string(unixSeconds: epoch))
        } else if let newest = items.first {
            xml.element("lastBuildDate", RFC822.string(newest.date))
        }
        xml.element("generator", "talentsite")
        xml.element("atom:link", attributes: [("href", absolute(path)), ("rel", "self"), ("type", "application/rss+xml")])
        for item in items {
            let url = absolute(site.routes.record(item.schema, slug: item.record.slug, language))
            xml.start("item")
            xml.element("title", item.record.title)
            xml.element("link", url)
            xml.element("guid", url, attributes: [("isPermaLink", "true")])
            xml.element("pubDate", RFC822.string(item.date))
            if let summary = env.summaries.summary(of: item.record) { xml.element("description", summary) }
            if let status = item.record.status(in: item.schema.listing, on: site.buildDay) {
                // The status on the build day, filed under the list that holds the record now (current or past).
                let list = status == .ended ? site.routes.past(item.schema, language) : site.routes.list(item.schema, language)
                xml.element("category", env.theme.strings[language.code]?[status.stringKey] ?? status.key, attributes: [("domain", absolute(list))])
            }
            for (label, href) in categories(item.record, schema: item.schema) {
                xml.element("category", label, attributes: [("domain", absolute(href))])
            }
            xml.end()
        }
        xml.end()
        xml.end()
        return xml.finish()
    }

    /// Taxonomy terms of the record (industries, region, course kind), labelled, with their term pages.
    private func categories(_ record: Record, schema: SectionSchema) -> [(String, String)] {
        schema.fields.flatMap { field -> [(String, String)] in
            guard case .key(let name) = field.type.element, let vocabulary = site.settings.vocabularies[name], vocabulary.isTaxonomy,
                  let value = record.fields[field.name] else { return [] }
            return value.elements.compactMap { element in
                guard case .key(let key) = element, let term = vocabulary.term(key) else { return nil }
                return (term.label[language], site.routes.term(name, key, language))
            }
        }
    }
}
