import Foundation
import Synchronization

/// The short form of records used on list, term, archive and home pages: title, link, summary, key facts,
/// and the record's status (a course open for applications, in progress, ended…). Items carry a memo key
/// (`CardCache`), so a card renders once per build and language however many pages show it.
struct ListItems {
    let env: RenderEnvironment
    let language: Language

    /// Items for `entries` of one section that exist in this language, at most `limit`; each record's item is the
    /// build's shared one (`CardCache`), so a record shown on many pages has its fields built once.
    func items(_ entries: some Sequence<Entry>, schema: SectionSchema, limit: Int? = nil) -> [TemplateValue] {
        var result: [TemplateValue] = []
        for entry in entries {
            if let limit, result.count >= limit { break }
            guard let record = entry.versions[language.code] else { continue }
            result.append(sharedItem(record, schema: schema))
        }
        return result
    }

    /// The build's shared item of `record` (made on first use).
    func sharedItem(_ record: Record, schema: SectionSchema) -> TemplateValue {
        let key = CardCache.key(record, schema: schema)
        return .object(env.cards.item(key) { object(record, schema: schema, key: key) })
    }

    /// A new item of `record`, its fields not built yet: what a page showing the card first gets.
    func item(_ record: Record, schema: SectionSchema) -> TemplateValue {
        .object(object(record, schema: schema, key: CardCache.key(record, schema: schema)))
    }

    /// A card's summary: whole when it fits, else cut at the last sentence end, else at a word or
    /// phrase boundary, so no word is cut in half (`…` marks the cut).
    static func shorten(_ text: String, limit: Int) -> String {
        // No line break and no more bytes than the limit: no more characters either, so the text is kept whole.
        if text.utf8.count <= limit && !PageContext.mayHaveLineBreak(text) { return text }
        // Cards are cut again whenever an item let go (`CardCache`) is made again: the common texts skip the
        // character-by-character cut. No more scalars than the limit: no more characters, kept whole. Printable
        // ASCII: every byte is a character, so the cut is made on bytes.
        if !PageContext.mayHaveLineBreak(text) {
            if text.unicodeScalars.count <= limit { return text }
            if let cut = shortenPrintableASCII(text, limit: limit) { return cut }
        }
        return shortenByCharacters(text, limit: limit)
    }

    /// `shortenByCharacters` for a text of printable ASCII (and tabs) without line breaks; nil for any other.
    static func shortenPrintableASCII(_ text: String, limit: Int) -> String? {
        let bytes = Array(text.utf8)
        guard limit >= 2, bytes.allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x09 }) else { return nil }
        guard bytes.count > limit else { return text }
        let head = bytes[..<(limit - 1)]
        let floor = limit / 2
        // After the floor: the last ". " (kept up to its full stop), else the last space, else a hard cut.
        var index = head.count - 2
        while index >= floor {
            if head[index] == 0x2E, head[index + 1] == 0x20 { return String(decoding: head[...index], as: UTF8.self) }
            index -= 1
        }
        if let cut = head[floor...].lastIndex(of: 0x20) {
            var kept = head[..<cut]
            while let first = kept.first, first == 0x20 || first == 0x09 { kept = kept.dropFirst() }
            while let last = kept.last, last == 0x20 || last == 0x09 { kept = kept.dropLast() }
            return String(decoding: kept, as: UTF8.self) + "…"
        }
        return String(decoding: head, as: UTF8.self) + "…"
    }

    /// The cut on characters, for any text.
    static func shortenByCharacters(_ text: String, limit: Int) -> String {
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

    /// The item object, its fields built on first read. The builder holds what it needs, not the environment: a
    /// shared item lives in the environment's `CardCache`, and must not keep the environment alive through it.
    private func object(_ record: Record, schema: SectionSchema, key: String) -> TemplateObject {
        let (site, language, records, summaries) = (env.site, language, env.records, env.summaries)
        let strings = env.theme.strings[language.code] ?? [:]
        let formatter = FactFormatter(site: site, language: language, strings: strings, records: records)
        let facts = CardFacts()
        return TemplateObject(memoKey: key, lazily: {
            let texts = formatter.factTexts(for: record, schema: schema, include: Self.inLists(schema))
            facts.set(texts)
            return Self.fields(record, schema: schema, language: language, formatter: formatter,
                               summary: summaries.summary(of: record), hasFacts: !texts.isEmpty)
        }, computed: [("facts", {
            // Objects made on each read, from the texts kept: a card's facts are read only while the card is first
            // rendered (a few times per record and build; then it comes from the memo), and kept as objects they
            // were the largest part of all cards (about 45 MB on the 5k corpus).
            .list(facts.texts.map(FactFormatter.value(of:)))
        })])
    }

    /// Cards show only the fields the schema marks `in_lists: true`; the record page shows them all.
    private static func inLists(_ schema: SectionSchema) -> (FieldSpec) -> Bool {
        { schema.field($0.name)?.inLists ?? false }
    }

    private static func fields(_ record: Record, schema: SectionSchema, language: Language, formatter: FactFormatter,
                               summary: String?, hasFacts: Bool) -> [String: Any] {
        let site = formatter.site
        // Every key is set, even when empty: Mustache would otherwise find the same key in an outer context.
        return [
            "title": record.title, "slug": record.slug,
            "href": site.routes.record(schema, slug: record.slug, language),
            "summary": summary.map { Self.shorten($0, limit: schema.listing.summaryLimit) } ?? false,
            "hasFacts": hasFacts,
            "date": record.date.map { ["iso": $0.iso, "text": formatter.date($0)] } ?? false,
            "sectionTitle": schema.title[language],
            "sample": record.sample,
            "status": StatusContext.value(record, schema: schema, site: site, strings: formatter.strings),
        ]
    }
}

/// A card's facts as texts, set when its item's fields are built (always before `facts` is read: the item's own
/// fields are searched first).
final class CardFacts: Sendable {
    private let stored = Mutex<[FactFormatter.FactText]>([])
    func set(_ texts: [FactFormatter.FactText]) { stored.withLock { $0 = texts } }
    var texts: [FactFormatter.FactText] { stored.withLock { $0 } }
}
