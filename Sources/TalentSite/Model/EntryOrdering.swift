/// Orders a section's entries by its declared sort keys, using the default language's values, so both
/// languages list records in the same order. With a `lifecycle`, records go by status (open, closed,
/// in progress, each by the sort keys) and ended ones last, most recent first. Entries without a key go
/// after those with it; ties by slug.
struct EntryOrdering {
    let schema: SectionSchema
    let language: String
    let buildDay: Day?
    let vocabularies: [String: Vocabulary]

    func sorted(_ entries: [Entry]) -> [Entry] {
        let listing = schema.listing
        let keyed = entries.map { entry in
            (entry: entry, keys: listing.sort.map { sortKey(entry.versions[language], field: $0.field) },
             status: entry.versions[language]?.status(in: listing, on: buildDay) ?? .open)
        }
        return keyed.sorted { a, b in
            if a.status != b.status { return a.status < b.status }
            for (index, order) in listing.sort.enumerated() {
                let descending = order.descending != (a.status == .ended)
                switch (a.keys[index], b.keys[index]) {
                case (nil, nil): continue
                case (nil, _): return false
                case (_, nil): return true
                case (let x?, let y?):
                    if x == y { continue }
                    return descending ? y < x : x < y
                }
            }
            return a.entry.slug < b.entry.slug
        }.map(\.entry)
    }

    private func sortKey(_ record: Record?, field: String) -> SortKey? {
        guard let record else { return nil }
        if field == "slug" { return .text(record.slug) }
        switch record.value(of: field)?.elements.first {
        case .int(let n)?: return .number(n)
        case .date(let d)?: return .day(d)
        case .key(let key)?:
            // Vocabulary keys sort in declaration order (the order editors chose), not alphabetically.
            if case .key(let vocabulary) = schema.field(field)?.type.element,
               let position = vocabularies[vocabulary]?.terms.firstIndex(where: { $0.key == key }) { return .number(position) }
            return .text(key)
        case let value?: return .text(value.description)
        case nil: return nil
        }
    }

    private enum SortKey: Comparable {
        case number(Int)
        case day(Day)
        case text(String)
    }
}
