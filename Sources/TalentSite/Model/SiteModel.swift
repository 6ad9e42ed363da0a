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

    public init(settings: SiteSettings, sections: [Section], buildDay: Day?) {
        self.settings = settings; self.sections = sections; self.buildDay = buildDay
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

    public func record(_ schema: SectionSchema, slug: String, _ language: Language) -> String {
        if schema.atSiteRoot {
            return slug == Self.homeSlug ? home(language) : "\(prefix(language))/\(slug)/"
        }
        return "\(prefix(language))/\(schema.name)/\(slug)/"
    }

    /// Path of `entry` in each language it exists in (language code → path).
    public func versions(of entry: Entry, schema: SectionSchema) -> [String: String] {
        var paths: [String: String] = [:]
        for language in languages where entry.versions[language.code] != nil {
            paths[language.code] = record(schema, slug: entry.slug, language)
        }
        return paths
    }
}
