import Foundation

/// What the cards of one build share: each record's card item per language, built once, and the template
/// memo that renders each item's card once. List, term, archive and home pages repeat the same cards.
final class CardCache: @unchecked Sendable {
    let renderings = TemplateMemo()
    private let lock = NSLock()
    private var items: [Key: TemplateValue] = [:]

    private struct Key: Hashable {
        var section: String
        var slug: String
        var language: String
    }

    /// The item of `record` in `schema`'s section, made by `make` the first time it is asked for.
    func item(_ record: Record, schema: SectionSchema, make: () -> [String: Any]) -> TemplateValue {
        let key = Key(section: schema.name, slug: record.slug, language: record.language)
        lock.lock()
        if let known = items[key] { lock.unlock(); return known }
        lock.unlock()
        let item = TemplateValue.object(TemplateObject(converting: make(), memoizable: true))
        lock.lock(); defer { lock.unlock() }
        if let raced = items[key] { return raced }  // another page made it meanwhile: keep one instance
        items[key] = item
        return item
    }
}
