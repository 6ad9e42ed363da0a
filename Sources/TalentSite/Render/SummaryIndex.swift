/// The short description of every record in every language: its `summary`, else its first paragraph.
/// Computed once, in parallel, before pages are rendered, because list pages need other records' summaries.
public struct SummaryIndex: Sendable {
    private var summaries: [Key: String]

    /// A record in one language; its parts hashed as they are, not joined into a new string on every look-up.
    struct Key: Hashable, Sendable {
        var section: String
        var slug: String
        var language: String
    }

    static func key(_ record: Record) -> Key { Key(section: record.section, slug: record.slug, language: record.language) }

    public func summary(of record: Record) -> String? { summaries[Self.key(record)] }

    public static func build(site: SiteModel) -> SummaryIndex {
        let records = site.sections.flatMap { $0.entries.flatMap { $0.versions.values } }
        let texts = records.parallelMap { $0.summary ?? MarkdownRenderer.firstParagraph(of: $0.body) }
        var result: [Key: String] = [:]
        result.reserveCapacity(records.count)
        for (record, text) in zip(records, texts) { if let text { result[key(record)] = text } }
        return SummaryIndex(summaries: result)
    }

    /// The index with the summaries of `records` recomputed, for a rebuild that changed only those.
    func updating(_ records: [Record]) -> SummaryIndex {
        var copy = self
        for record in records {
            copy.summaries[Self.key(record)] = record.summary ?? MarkdownRenderer.firstParagraph(of: record.body)
        }
        return copy
    }
}
