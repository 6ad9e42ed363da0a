import Foundation

/// Renderings of partials over memoisable objects (card items), shared by the pages of one build: a
/// record's card is rendered once per language and heading level, not once per list, term and archive page.
final class TemplateMemo: @unchecked Sendable {
    struct Entry {
        var bytes: [UInt8]
        /// Every name the partial looked up outside its object, with what it found (nil: nothing).
        var reads: [(name: String, value: TemplateValue?)]
    }

    private struct Key: Hashable {
        var template: Int
        var object: String
    }

    private let lock = NSLock()
    /// A few renderings per object: one per set of outside values (a card at heading level 2 and at 3).
    private var entries: [Key: [Entry]] = [:]
    private static let variants = 4

    /// The renderings of `template` over the object with memo key `key`, newest first.
    func entries(template: Int, key: String) -> [Entry] {
        lock.lock(); defer { lock.unlock() }
        return entries[Key(template: template, object: key)] ?? []
    }

    func store(_ entry: Entry, template: Int, key object: String) {
        lock.lock(); defer { lock.unlock() }
        let key = Key(template: template, object: object)
        entries[key] = [entry] + (entries[key] ?? []).prefix(Self.variants - 1)
    }
}
