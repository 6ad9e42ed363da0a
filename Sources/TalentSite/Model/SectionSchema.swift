/// What a section of `content/` holds and how it is published, read from its `_section.yaml`.
public struct SectionSchema: Sendable {
    /// Where a section's records come from.
    public enum Source: Sendable {
        /// One Markdown file per record and language.
        case markdown
        /// One CSV row per record, with per-language columns for title and body.
        case csv(CSVSource)
    }

    /// Folder name, also the URL segment (`courses`).
    public var name: String
    public var title: LocalizedText
    /// Shown on the section's list page above the records.
    public var intro: LocalizedText?
    /// What one record is called (`課程` / `course`), for messages such as "that course is a draft".
    public var singular: LocalizedText?
    /// Markdown shown on the first page of the section's list, after the intro: what the section is
    /// (the award's organiser, eligibility and categories). Where each language's text starts in `_section.yaml`.
    public var about: LocalizedText?
    public var aboutLocations: [String: SourceLocation] = [:]
    /// Template for a record page (`record` unless the section names its own).
    public var template: String
    public var fields: [FieldSpec]
    /// Rules between fields of one record (`end` not before `start`).
    public var rules: [FieldRule] = []
    public var source: Source
    /// Whether a list page is written at `/<section>/`.
    public var hasListPage: Bool
    /// Records live at `/<slug>/` instead of `/<section>/<slug>/` (standalone pages).
    public var atSiteRoot: Bool
    public var listing: ListingSpec
    /// schema.org structured data for each record page, if the section declares it.
    public var linkedData: LinkedDataTemplate?
    /// Whether the section has RSS feeds (`/<section>/rss.xml`) and is part of the site-wide feed.
    public var hasFeed: Bool
    /// Whether the section is exported as open data (`/data/<section>.json`, `.csv`).
    public var hasOpenData: Bool
    /// How the open data is described in the catalogue (`dataset:`), when the section says more than its title.
    public var dataset: DatasetSpec?
    public var location: SourceLocation
    /// Where each top-level key's value is written (`template`), for errors found in later stages.
    public var keyLocations: [String: SourceLocation] = [:]

    /// Where `key` is written in `_section.yaml`, or the file.
    public func location(of key: String) -> SourceLocation { keyLocations[key] ?? location }

    public init(name: String, title: LocalizedText, intro: LocalizedText? = nil, template: String = "record",
                fields: [FieldSpec], source: Source = .markdown, hasListPage: Bool = true, atSiteRoot: Bool = false,
                listing: ListingSpec = ListingSpec(), linkedData: LinkedDataTemplate? = nil,
                hasFeed: Bool = false, hasOpenData: Bool = false, location: SourceLocation) {
        self.name = name; self.title = title; self.intro = intro; self.template = template; self.fields = fields
        self.source = source; self.hasListPage = hasListPage; self.atSiteRoot = atSiteRoot
        self.listing = listing; self.linkedData = linkedData; self.hasFeed = hasFeed; self.hasOpenData = hasOpenData
        self.location = location
    }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }

    /// The English word for one record, for diagnostics (which are in English); "record" when undeclared.
    public var noun: String { singular?.values["en"] ?? "record" }
}

/// Columns of a CSV-backed section (award winners).
public struct CSVSource: Sendable {
    /// File name inside the section folder (`winners.csv`).
    public var file: String
    public var slugColumn: String
    /// Column holding each language's title (`{zh-TW: name_zh, en: name_en}`).
    public var titleColumns: [String: String]
    /// Column holding each language's Markdown body, if any.
    public var bodyColumns: [String: String]

    public init(file: String, slugColumn: String, titleColumns: [String: String], bodyColumns: [String: String]) {
        self.file = file; self.slugColumn = slugColumn; self.titleColumns = titleColumns; self.bodyColumns = bodyColumns
    }
}

/// List order: a field (or `title`, `date`, `slug`), ascending unless `-` prefixed in the schema.
public struct SortOrder: Sendable, Hashable {
    public var field: String
    public var descending: Bool
    public init(field: String, descending: Bool) { self.field = field; self.descending = descending }
}
