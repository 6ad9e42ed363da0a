/// The short form of records used on list, term, archive and home pages: title, link, summary, key facts,
/// and whether the record is still open (a course not yet started).
struct ListItems {
    let env: RenderEnvironment
    let language: Language

    private var formatter: FactFormatter {
        FactFormatter(site: env.site, language: language, strings: env.theme.strings[language.code] ?? [:])
    }

    /// Items for `entries` of one section that exist in this language, at most `limit`.
    func items(_ entries: some Sequence<Entry>, schema: SectionSchema, limit: Int? = nil) -> [[String: Any]] {
        let formatter = formatter
        var result: [[String: Any]] = []
        for entry in entries {
            if let limit, result.count >= limit { break }
            guard let record = entry.versions[language.code] else { continue }
            result.append(item(record, schema: schema, formatter: formatter))
        }
        return result
    }

    func item(_ record: Record, schema: SectionSchema) -> [String: Any] {
        item(record, schema: schema, formatter: formatter)
    }

    private func item(_ record: Record, schema: SectionSchema, formatter: FactFormatter) -> [String: Any] {
        let site = env.site
        let strings = env.theme.strings[language.code] ?? [:]
        let open = record.isOpen(until: schema.listing.openUntil, on: site.buildDay)
        // Every key is set, even when empty: Mustache would otherwise find the same key in an outer context.
        return [
            "title": record.title, "slug": record.slug,
            "href": site.routes.record(schema, slug: record.slug, language),
            "summary": env.summaries.summary(of: record).map { PageContext.shorten($0) } ?? false,
            // Cards show only the fields the schema marks `in_lists: true`; the record page shows them all.
            "facts": formatter.facts(for: record, schema: schema).filter { fact in
                (fact["name"] as? String).flatMap(schema.field)?.inLists ?? false
            },
            "date": record.date.map { ["iso": $0.iso, "text": formatter.date($0)] } ?? false,
            "sectionTitle": schema.title[language],
            "sample": record.sample,
            "status": schema.listing.openUntil == nil ? false
                : ["open": open, "text": strings[open ? "status_open" : "status_closed"] ?? ""],
        ]
    }
}
