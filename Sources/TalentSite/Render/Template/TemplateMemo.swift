import Foundation
import Synchronization

/// Renderings of partials over memoisable objects (card items), shared by the pages of one build: a
/// record's card is rendered once per language and heading level, not once per list, term and archive page.
final class TemplateMemo: Sendable {
    struct Entry: Sendable {
        var bytes: [UInt8]
        /// Every name the partial looked up outside its object, with what it found (nil: nothing).
        var reads: [(name: String, value: TemplateValue?)]
    }

    private struct Key: Hashable {
        var template: Int
        var object: String
    }

    /// A few renderings per object: one per set of outside values (a card at heading level 2 and at 3).
    private let entries = Mutex<[Key: [Entry]]>([:])
    private static let variants = 4

    /// The renderings of `template` over the object with memo key `key`, newest first.
    func entries(template: Int, key: String) -> [Entry] {
        entries.withLock { $0[Key(template: template, object: key)] ?? [] }
    }

    func store(_ entry: Entry, template: Int, key object: String) {
        let key = Key(template: template, object: object)
        entries.withLock { $0[key] = [entry] + ($0[key] ?? []).prefix(Self.variants - 1) }
    }
}
