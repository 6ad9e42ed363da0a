/// How a section's records are listed: order, page size, grouping, year archives and "open" records.
/// Declared in the section's `_section.yaml`, so a new section chooses its own without Swift changes.
public struct ListingSpec: Sendable {
    /// Sort keys, most significant first (`sort: [-year, category]`).
    public var sort: [SortOrder]
    /// Records per list page; later pages live at `/<section>/page/<n>/`.
    public var pageSize: Int
    /// A date field after which a record is over (a course's `start`): open records are listed first,
    /// the home page shows only open ones, and fields marked `only_while_open` disappear once it has passed.
    public var openUntil: String?
    /// Fields whose values head groups on list pages (awards: year, then category).
    public var groupBy: [String]
    /// An int or date field whose year gets its own archive page (`/awards/2024/`).
    public var archiveBy: String?
    /// Longest summary on a card, in characters; longer ones are cut at a sentence or word end.
    public var summaryLimit = 160

    public static let defaultPageSize = 20

    public init(sort: [SortOrder] = [SortOrder(field: "date", descending: true)], pageSize: Int = defaultPageSize,
                openUntil: String? = nil, groupBy: [String] = [], archiveBy: String? = nil) {
        self.sort = sort; self.pageSize = pageSize; self.openUntil = openUntil; self.groupBy = groupBy; self.archiveBy = archiveBy
    }
}

extension Record {
    /// The year of an int or date field (`year: 2024`, `start: 2026-03-02`).
    func year(of field: String) -> Int? {
        switch fields[field]?.elements.first {
        case .int(let n)?: return n
        case .date(let day)?: return day.year
        default: return field == "date" ? date?.year : nil
        }
    }

    /// Whether the record is still open on `day` (its `openUntil` date not reached). Records without the
    /// date, and every record when the listing has no such field or the day is unknown, count as open.
    func isOpen(until field: String?, on day: Day?) -> Bool {
        guard let field, let day, let limit = fields[field]?.day else { return true }
        return day < limit
    }
}
