/// One language version of one record: a Markdown file, or a CSV row seen in one language.
public struct Record: Sendable {
    public var section: String
    public var slug: String
    /// Language code (`zh-TW`).
    public var language: String
    public var title: String
    public var date: Day?
    // The three flags right after `date`, in the padding its optional leaves: every record is held twice
    // (the loaded list and its entry), tens of thousands of times.
    public var draft: Bool
    /// An example, not a real course or winner (`sample: true`): its page says so and offers no way to apply.
    public var sample = false
    /// A field failed to load (its error is logged): the record still takes part in link and reference
    /// checks with the fields that did load, so one run shows all its errors, but the build fails.
    public var incomplete = false
    public var summary: String?
    /// Declared fields that are present, by name.
    public var fields: RecordFields
    /// Where each field (and `title`, `date`) was written, for errors found later.
    public var fieldLocations: FieldLocations
    public var body: String
    /// Where the body starts in its file, so Markdown positions map back to it.
    public var bodyStart: SourceLocation
    /// For a translation: the fingerprint of its original when it was translated (`translated_from`),
    /// per translatable field, so a changed original is reported naming the fields that changed.
    public var translatedFrom: [String: String]?

    public init(section: String, slug: String, language: String, title: String, date: Day?, summary: String?,
                draft: Bool, fields: RecordFields, fieldLocations: FieldLocations,
                body: String, bodyStart: SourceLocation) {
        self.section = section; self.slug = slug; self.language = language; self.title = title
        self.date = date; self.summary = summary; self.draft = draft; self.fields = fields
        self.fieldLocations = fieldLocations; self.body = body; self.bodyStart = bodyStart
    }

    /// The file (or CSV row) the record came from.
    public var file: String { bodyStart.file }

    public func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? SourceLocation(file: file)
    }
}

/// A record in all its languages: the unit that the language switcher moves within.
public struct Entry: Sendable {
    public var section: String
    public var slug: String
    /// Versions by language code; the default language is always present.
    public var versions: RecordVersions

    public init(section: String, slug: String, versions: [String: Record]) {
        self.section = section; self.slug = slug; self.versions = RecordVersions(versions)
    }
}
