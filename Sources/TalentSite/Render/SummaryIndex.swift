/// The short description of every record in every language: its `summary`, else its first paragraph.
/// Computed once, in parallel, before pages are rendered, because list pages need other records' summaries.
public struct SummaryIndex: Sendable {
    /// Language code → the language's summaries. Kept per language, the key does not repeat the language: each of the
    /// tens of thousands of slots is a quarter smaller than with the language in the key.
    private var summaries: [String: [Key: String]]

    /// A record in one language (the language is the outer key); its parts hashed as they are, not joined into a
    /// new string on every look-up.
    struct Key: Hashable, Sendable {
        var section: String
        var slug: String
    }

    static func key(_ record: Record) -> Key { Key(section: record.section, slug: record.slug) }

    public func summary(of record: Record) -> String? { summaries[record.language]?[Self.key(record)] }

    public static func build(site: SiteModel) -> SummaryIndex {
        let records = site.sections.flatMap { $0.entries.flatMap { $0.versions.values } }
        let texts = records.parallelMap { $0.summary ?? MarkdownRenderer.firstParagraph(of: $0.body) }
        var counts: [String: Int] = [:]
        for record in records { counts[record.language, default: 0] += 1 }
        var result: [String: [Key: String]] = counts.mapValues { count in
            var summaries: [Key: String] = [:]
            summaries.reserveCapacity(count)
            return summaries
        }
        for (record, text) in zip(records, texts) { if let text { result[record.language, default: [:]][key(record)] = text } }
        return SummaryIndex(summaries: result)
    }

    /// The index with the summaries of `records` recomputed, for a rebuild that changed only those.
    func updating(_ records: [Record]) -> SummaryIndex {
        var copy = self
        for record in records {
            copy.summaries[record.language, default: [:]][Self.key(record)] = record.summary ?? MarkdownRenderer.firstParagraph(of: record.body)
        }
        return copy
    }
}
