/// What the cards of one build share: the template memo that renders each record's card once per language
/// (and heading level), and each record's card item itself. List, term, archive and home pages repeat the same
/// cards, and record pages show other records' items inline (same group, referenced by): an item's fields are
/// built at most once per build and language, and only when a page reads them (its card is not in the memo yet,
/// or the page shows the item itself).
final class CardCache: Sendable {
    let renderings = TemplateMemo()
    private let items = OnceTable<TemplateObject>()

    /// The memo key of `record`'s card item: within one build, the same key always has the same fields.
    static func key(_ record: Record, schema: SectionSchema) -> String {
        schema.name + "\u{0}" + record.slug + "\u{0}" + record.language
    }

    /// The item for `key`, made by `make` the first time it is asked for.
    func item(_ key: String, make: () -> TemplateObject) -> TemplateObject {
        items.value(key, make: make)
    }
}
