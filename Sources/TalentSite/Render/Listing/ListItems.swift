/// The short form of records used on list, term, archive and home pages: title, link, summary, key facts,
/// and the record's status (a course open for applications, in progress, ended…). Items carry a memo key
/// (`CardCache`), so a card renders once per build and language however many pages show it.
struct ListItems {
    let env: RenderEnvironment
    let language: Language

    private var formatter: FactFormatter {
        FactFormatter(site: env.site, language: language, strings: env.theme.strings[language.code] ?? [:])
    }

    /// Items for `entries` of one section that exist in this language, at most `limit`.
    func items(_ entries: some Sequence<Entry>, schema: SectionSchema, limit: Int? = nil) -> [TemplateValue] {
        let formatter = formatter
        var result: [TemplateValue] = []
        for entry in entries {
            if let limit, result.count >= limit { break }
            guard let record = entry.versions[language.code] else { continue }
            result.append(item(record, schema: schema, formatter: formatter))
        }
        return result
    }

    func item(_ record: Record, schema: SectionSchema) -> TemplateValue {
        item(record, schema: schema, formatter: formatter)
    }

    /// A card's summary: whole when it fits, else cut at the last sentence end, else at a word or
    /// phrase boundary, so no word is cut in half (`…` marks the cut).
    static func shorten(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let head = flat.prefix(limit - 1)
        let floor = head.index(head.startIndex, offsetBy: limit / 2)
        if let end = head[floor...].lastIndex(where: { "。！？".contains($0) }) { return String(head[...end]) }
        if let end = head[floor...].ranges(of: ". ").last { return String(head[..<end.upperBound].dropLast()) }
        if let cut = head[floor...].lastIndex(where: { $0 == " " || "，、；：".contains($0) }) {
            return String(head[..<cut]).trimmingCharacters(in: .whitespaces) + "…"
        }
        return String(head) + "…"
    }

    private func item(_ record: Record, schema: SectionSchema, formatter: FactFormatter) -> TemplateValue {
        .object(TemplateObject(memoKey: CardCache.key(record, schema: schema)) {
            fields(record, schema: schema, formatter: formatter)
        })
    }

    private func fields(_ record: Record, schema: SectionSchema, formatter: FactFormatter) -> [String: Any] {
        let site = env.site
        let strings = env.theme.strings[language.code] ?? [:]
        // Cards show only the fields the schema marks `in_lists: true`; the record page shows them all.
        let facts = formatter.facts(for: record, schema: schema).filter { fact in
            (fact["name"] as? String).flatMap(schema.field)?.inLists ?? false
        }
        // Every key is set, even when empty: Mustache would otherwise find the same key in an outer context.
        return [
            "title": record.title, "slug": record.slug,
            "href": site.routes.record(schema, slug: record.slug, language),
            "summary": env.summaries.summary(of: record).map { Self.shorten($0, limit: schema.listing.summaryLimit) } ?? false,
            "facts": facts, "hasFacts": !facts.isEmpty,
            "date": record.date.map { ["iso": $0.iso, "text": formatter.date($0)] } ?? false,
            "sectionTitle": schema.title[language],
            "sample": record.sample,
            "status": StatusContext.value(record, schema: schema, site: site, strings: strings),
        ]
    }
}
