/// What the cards of one build share: the template memo that renders each record's card once per language
/// (and heading level), and each record's card item itself. List, term, archive and home pages repeat the same
/// cards, and record pages show other records' items inline (same group, referenced by): an item's fields are
/// built when a page reads them (its card is not in the memo yet, or the page shows the item itself), and kept
/// while the item is among the newest `itemCapacity` made.
///
/// Both have a fixed memory budget, as they would otherwise grow with the site: renderings past the memo's byte
/// budget go to a temporary file, and an item let go is made again, its fields not built, when next asked for
/// (most pages then take its card from the memo and never build them).
final class CardCache: Sendable {
    let renderings: TemplateMemo
    private let items: OnceTable<TemplateObject>

    /// The items kept by default: every item of a 5k-course site (13,200 in its two languages), so a build
    /// of that size builds each item's fields once, and 38% of those of a 20k-course site (52,800), whose
    /// render peak they set. Measured at 20k (tmpfs output): 32,768 items, 435 MB jemalloc peak and 30.9 s
    /// user; 20,000, 408 MB and 33.2 s (items let go are made again for their cards at another heading level).
    static let itemCapacity = 20_000

    /// Renderings past `memoryBudget` bytes (the memo's default when nil) are kept in a temporary file; at most
    /// `itemCapacity` items are kept (the default when nil).
    init(memoryBudget: Int? = nil, itemCapacity: Int? = nil) {
        renderings = TemplateMemo(budget: memoryBudget ?? TemplateMemo.defaultBudget)
        items = OnceTable(capacity: itemCapacity ?? Self.itemCapacity)
    }

    /// The memo key of `record`'s card item: within one build, the same key always has the same fields.
    static func key(_ record: Record, schema: SectionSchema) -> String {
        schema.name + "\u{0}" + record.slug + "\u{0}" + record.language
    }

    /// The item for `key`, made by `make` the first time it is asked for (or since it was let go).
    func item(_ key: String, make: () -> TemplateObject) -> TemplateObject {
        items.value(key, make: make)
    }
}
