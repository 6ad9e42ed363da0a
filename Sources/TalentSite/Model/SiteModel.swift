/// The validated content graph: sections with their entries in display order. Input to every output format.
public struct SiteModel: Sendable {
    public struct Section: Sendable {
        public var schema: SectionSchema
        /// Entries sorted by the schema's order, ties broken by slug.
        public var entries: [Entry]
    }

    public var settings: SiteSettings
    public var sections: [Section]
    /// The build's day (from `SOURCE_DATE_EPOCH`), for anything that depends on "today".
    public var buildDay: Day?
    /// `SOURCE_DATE_EPOCH` when the build was given one: the only clock outputs such as a feed's
    /// lastBuildDate may read, so rebuilds are identical.
    public var sourceDateEpoch: Int?
    /// For each record, the records of other sections that point at it through a `ref` field with a
    /// `reverse_label` (a certification's preparing courses), in their section's order.
    public var reverseReferences: [RecordID: [ReverseReference]]
    /// Drafts left out and records that failed to load, so links to them are reported for what they are.
    public var unwritten = UnwrittenPages()
    /// The newest `date` of any record: the "updated" date of pages with no dated content of their own
    /// (search, term indexes, award winners), so it changes only when content does.
    public var newestDate: Day?

    public init(settings: SiteSettings, sections: [Section], buildDay: Day?) {
        self.settings = settings; self.sections = sections; self.buildDay = buildDay
        self.reverseReferences = ReverseReference.index(sections)
        self.newestDate = sections.lazy.flatMap(\.entries).flatMap(\.versions.values).compactMap(\.date).max()
    }

    /// The newest date among `entries` in one language, else the site's newest: a list page's "updated" date.
    public func newestDate(of entries: some Sequence<Entry>, language: String) -> Day? {
        entries.lazy.compactMap { $0.versions[language]?.date }.max() ?? newestDate
    }

    public var routes: Routes { Routes(languages: settings.languages) }

    public func section(_ name: String) -> Section? { sections.first { $0.schema.name == name } }

    public func entry(section: String, slug: String) -> Entry? {
        self.section(section)?.entries.first { $0.slug == slug }
    }

    /// The home page record (`pages/index`), if the site has one.
    public var homeEntry: Entry? {
        sections.lazy.filter(\.schema.atSiteRoot).compactMap { $0.entries.first { $0.slug == Routes.homeSlug } }.first
    }
}

/// Where each page lives. Pretty URLs (`/courses/<slug>/`), the default language at the root.
public struct Routes: Sendable {
    /// The slug of the standalone page that is the home page.
    public static let homeSlug = "index"
    public let languages: [Language]

    private func prefix(_ language: Language) -> String { language.prefix.isEmpty ? "" : "/\(language.prefix)" }

    public func home(_ language: Language) -> String { language.homePath }

    public func list(_ schema: SectionSchema, _ language: Language) -> String {
        "\(prefix(language))/\(schema.name)/"
    }

    /// The archive of a section's ended records (`/courses/past/`), for sections with a lifecycle.
    public func past(_ schema: SectionSchema, _ language: Language) -> String { list(schema, language) + "past/" }

    public func record(_ schema: SectionSchema, slug: String, _ language: Language) -> String {
        if schema.atSiteRoot {
            return slug == Self.homeSlug ? home(language) : "\(prefix(language))/\(slug)/"
        }
        return "\(prefix(language))/\(schema.name)/\(slug)/"
    }

    /// Page `number` (from 1) of a paged list at `base`: `/courses/`, `/courses/page/2/`.
    public func page(_ number: Int, of base: String) -> String {
        number <= 1 ? base : "\(base)page/\(number)/"
    }

    /// Index of a taxonomy's terms (`/industries/`) and one term's page (`/industries/green-energy/`).
    public func taxonomy(_ vocabulary: String, _ language: Language) -> String { "\(prefix(language))/\(vocabulary)/" }
    public func term(_ vocabulary: String, _ key: String, _ language: Language) -> String {
        "\(prefix(language))/\(vocabulary)/\(key)/"
    }

    /// A section's year archive: `/awards/2024/`.
    public func archive(_ schema: SectionSchema, year: Int, _ language: Language) -> String {
        "\(prefix(language))/\(schema.name)/\(year)/"
    }

    /// A language's site-wide feed (`/rss.xml`, `/en/rss.xml`) and a section's (`/courses/rss.xml`).
    public func feed(_ language: Language) -> String { language.homePath + "rss.xml" }
    public func feed(_ schema: SectionSchema, _ language: Language) -> String { "\(prefix(language))/\(schema.name)/rss.xml" }

    /// A section's open data in one format (`/data/courses.json`, `/en/data/courses.csv`).
    public func openData(_ schema: SectionSchema, format: String, _ language: Language) -> String {
        "\(prefix(language))/data/\(schema.name).\(format)"
    }

    /// The not-found page each language's part of the site falls back to.
    public func notFound(_ language: Language) -> String { "\(prefix(language))/404.html" }

    /// Path of `entry` in each language it exists in (language code → path).
    public func versions(of entry: Entry, schema: SectionSchema) -> [String: String] {
        var paths: [String: String] = [:]
        for language in languages where entry.versions[language.code] != nil {
            paths[language.code] = record(schema, slug: entry.slug, language)
        }
        return paths
    }
}

/// Records of one section that reference a record through one field, e.g. the courses whose
/// `certification` names a certification track.
public struct ReverseReference: Sendable {
    public var section: String
    public var field: FieldSpec
    public var label: LocalizedText
    public var entries: [Entry]

    static func index(_ sections: [SiteModel.Section]) -> [RecordID: [ReverseReference]] {
        var result: [RecordID: [ReverseReference]] = [:]
        for section in sections {
            for field in section.schema.fields {
                guard case .ref(let target) = field.type.element, let label = field.reverseLabel else { continue }
                var referrers: [String: [Entry]] = [:]
                var order: [String] = []
                for entry in section.entries {
                    guard let value = entry.versions.values.first?.fields[field.name] else { continue }
                    for case .ref(let slug) in value.elements {
                        if referrers[slug] == nil { order.append(slug) }
                        referrers[slug, default: []].append(entry)
                    }
                }
                for slug in order {
                    result[RecordID(section: target, slug: slug), default: []]
                        .append(ReverseReference(section: section.schema.name, field: field, label: label, entries: referrers[slug]!))
                }
            }
        }
        return result
    }
}
