/// The short description of every record in every language: its `summary`, else its first paragraph.
/// Computed once, in parallel, before pages are rendered, because list pages need other records' summaries.
public struct SummaryIndex: Sendable {
    private var summaries: [String: String]

    static func key(_ record: Record) -> String { "\(record.section)/\(record.slug)/\(record.language)" }

    public func summary(of record: Record) -> String? { summaries[Self.key(record)] }

    public static func build(site: SiteModel) -> SummaryIndex {
        let records = site.sections.flatMap { $0.entries.flatMap { $0.versions.values } }
        let texts = records.parallelMap { $0.summary ?? MarkdownRenderer.firstParagraph(of: $0.body) }
        var result: [String: String] = [:]
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
