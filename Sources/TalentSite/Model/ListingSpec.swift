/// How a section's records are listed: order, page size, grouping, year archives and "open" records.
/// Declared in the section's `_section.yaml`, so a new section chooses its own without Swift changes.
public struct ListingSpec: Sendable {
    /// Sort keys, most significant first (`sort: [-year, category]`).
    public var sort: [SortOrder]
    /// Records per list page; later pages live at `/<section>/page/<n>/`.
    public var pageSize: Int
    /// The date fields that give each record a status on the build day (open, closed, in progress, ended):
    /// lists order by it, ended records move to the past archive, and fields marked `only_while_open`
    /// show only while applications are open.
    public var lifecycle: Lifecycle?
    /// Fields whose values head groups on list pages (awards: year, then category).
    public var groupBy: [String]
    /// An int or date field whose year gets its own archive page (`/awards/2024/`).
    public var archiveBy: String?
    /// Longest summary on a card, in characters; longer ones are cut at a sentence or word end.
    public var summaryLimit = 160

    public static let defaultPageSize = 20

    public init(sort: [SortOrder] = [SortOrder(field: BuiltInField.date.name, descending: true)], pageSize: Int = defaultPageSize,
                lifecycle: Lifecycle? = nil, groupBy: [String] = [], archiveBy: String? = nil) {
        self.sort = sort; self.pageSize = pageSize; self.lifecycle = lifecycle; self.groupBy = groupBy; self.archiveBy = archiveBy
    }
}

extension Record {
    /// The year of an int or date field (`year: 2024`, `start: 2026-03-02`).
    func year(of field: String) -> Int? {
        switch fields[field]?.elements.first {
        case .int(let n)?: return n
        case .date(let day)?: return day.year
        default: return field == BuiltInField.date.name ? date?.year : nil
        }
    }

    /// The record's status on `day`, or nil when its section declares no lifecycle.
    func status(in listing: ListingSpec, on day: Day?) -> Lifecycle.Status? {
        listing.lifecycle?.status(of: self, on: day)
    }

    /// Whether applications are open on `day`; records of sections without a lifecycle always are.
    func isOpen(in listing: ListingSpec, on day: Day?) -> Bool {
        (status(in: listing, on: day) ?? .open) == .open
    }

    /// Whether the record is over on `day` (ended), so it belongs in the past archive, not in current lists.
    func hasEnded(in listing: ListingSpec, on day: Day?) -> Bool {
        status(in: listing, on: day) == .ended
    }
}
