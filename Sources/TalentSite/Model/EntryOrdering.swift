/// Orders a section's entries by its declared sort field, using the default language's values,
/// so both languages list records in the same order. Entries without the field go last; ties by slug.
struct EntryOrdering {
    let schema: SectionSchema
    let language: String

    func sorted(_ entries: [Entry]) -> [Entry] {
        let order = schema.sort
        let keyed = entries.map { entry in (entry, sortKey(entry.versions[language], field: order.field)) }
        return keyed.sorted { a, b in
            switch (a.1, b.1) {
            case (nil, nil): return a.0.slug < b.0.slug
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x == y { return a.0.slug < b.0.slug }
                return order.descending ? y < x : x < y
            }
        }.map(\.0)
    }

    private func sortKey(_ record: Record?, field: String) -> SortKey? {
        guard let record else { return nil }
        switch field {
        case "title": return .text(record.title)
        case "slug": return .text(record.slug)
        case "date": return record.date.map(SortKey.day)
        default:
            switch record.fields[field]?.elements.first {
            case .int(let n)?: return .number(n)
            case .date(let d)?: return .day(d)
            case let value?: return .text(value.description)
            case nil: return nil
            }
        }
    }

    private enum SortKey: Comparable {
        case number(Int)
        case day(Day)
        case text(String)
    }
}
