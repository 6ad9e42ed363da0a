/// What every feed of one language lists, whatever its format (RSS, Atom): the dated records of the feed's
/// sections, newest first, at most `maxItems`; items dated after the build day wait for it. Drafts are not in
/// the model of a published build, so they never appear.
struct FeedItems {
    /// Readers show the newest; a feed of every record ever would grow without end.
    static let maxItems = 50

    struct Item {
        var record: Record
        var schema: SectionSchema
        var date: Day
    }

    let env: RenderEnvironment
    let language: Language

    private var site: SiteModel { env.site }

    /// The date an item is filed under: its `date`, else 1 January of its archive year (award winners).
    static func itemDate(_ record: Record, schema: SectionSchema) -> Day? {
        if let date = record.date { return date }
        return schema.listing.archiveBy.flatMap { record.year(of: $0) }.map { Day(year: $0, month: 1, day: 1) }
    }

    func items(_ sections: [SiteModel.Section]) -> [Item] {
        var items: [Item] = []
        for section in sections {
            for entry in section.entries {
                guard let record = entry.versions[language.code], let date = Self.itemDate(record, schema: section.schema) else { continue }
                if let today = site.buildDay, date > today { continue }
                items.append(Item(record: record, schema: section.schema, date: date))
            }
        }
        items.sort { a, b in
            if a.date != b.date { return a.date > b.date }
            if a.schema.name != b.schema.name { return a.schema.name < b.schema.name }
            return a.record.slug < b.record.slug
        }
        return Array(items.prefix(Self.maxItems))
    }

    /// The item's page, as an absolute URL (a feed is read away from the site).
    func url(_ item: Item) -> String {
        site.settings.absoluteURL(site.routes.record(item.schema, slug: item.record.slug, language))
    }

    /// The categories of an item as (label, root-relative page): its status on the build day, filed under the
    /// list that holds the record now (current or past), then its taxonomy terms (industries, region, course kind).
    func categories(_ item: Item) -> [(label: String, href: String)] {
        var categories: [(label: String, href: String)] = []
        if let status = item.record.status(in: item.schema.listing, on: site.buildDay) {
            let list = status == .ended ? site.routes.past(item.schema, language) : site.routes.list(item.schema, language)
            categories.append((env.theme.strings[language.code]?[status.stringKey] ?? status.key, list))
        }
        for field in item.schema.fields {
            guard case .key(let name) = field.type.element, let vocabulary = site.settings.vocabularies[name], vocabulary.isTaxonomy,
                  let value = item.record.fields[field.name] else { continue }
            for element in value.elements {
                guard case .key(let key) = element, let term = vocabulary.term(key) else { continue }
                categories.append((term.label[language], site.routes.term(name, key, language)))
            }
        }
        return categories
    }
}
