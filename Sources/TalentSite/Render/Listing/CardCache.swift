/// What the cards of one build share: the template memo that renders each record's card once per language
/// (and heading level). List, term, archive and home pages repeat the same cards; an item's fields are built
/// only when its card is not in the memo yet, or when a page shows the item itself (home, references).
final class CardCache: Sendable {
    let renderings = TemplateMemo()

    /// The memo key of `record`'s card item: within one build, the same key always has the same fields.
    static func key(_ record: Record, schema: SectionSchema) -> String {
        schema.name + "\u{0}" + record.slug + "\u{0}" + record.language
    }
}
