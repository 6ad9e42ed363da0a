import Foundation
import Synchronization

/// The parts of every page's context that depend only on its language and section (UI strings, site,
/// browse links, agency, assets, what formats add) or on little more (the menus, whose current entry
/// depends on the section and, for a page entry, on the page): made and converted once per build, not per page.
final class PageParts: Sendable {
    /// Everything is kept converted to `TemplateValue`, so what the Mutex holds is Sendable.
    private let fixed = Mutex<[String: (values: [String: TemplateValue], links: [String: TemplateValue])]>([:])
    private let menus = Mutex<[String: TemplateValue]>([:])

    /// Keys of the fixed part; anything else a format adds is merged per page, after the page's own keys.
    static let fixedKeys: Set<String> = ["lang", "languageCode", "site", "t", "browse", "hasBrowse", "agency", "demo", "assets"]

    /// The fixed part for (`language`, `section`), made by `make` once: `values` (already converted) and the
    /// format links whose keys are not fixed (converted too; a group of links comes back as a dictionary, so
    /// it still merges into a group the page has).
    func fixed(_ language: String, _ section: String?, make: () -> (values: [String: Any], links: [String: Any]))
        -> (values: [String: Any], links: [String: Any]) {
        let key = language + "\u{0}" + (section ?? "\u{1}")
        let part = fixed.withLock { $0[key] } ?? {
            let made = make()
            let converted = (values: made.values.mapValues { TemplateValue($0) }, links: made.links.mapValues { TemplateValue($0) })
            return fixed.withLock { parts in
                if let raced = parts[key] { return raced }
                parts[key] = converted
                return converted
            }
        }()
        return (part.values.mapValues { $0 as Any }, part.links.mapValues(Self.mergeable))
    }

    /// A converted link as `PageContext.mergeLinks` expects it: an object as a dictionary of its fields.
    private static func mergeable(_ value: TemplateValue) -> Any {
        guard case .object(let object) = value else { return value }
        return Dictionary(object.fields.map { ($0.key, $0.value as Any) }) { first, _ in first }
    }

    /// A menu for `key` (language, which menu, current section and, when it is a menu entry, the page path).
    func menu(_ key: String, make: () -> [[String: Any]]) -> TemplateValue {
        if let known = menus.withLock({ $0[key] }) { return known }
        let made = TemplateValue(make())
        return menus.withLock { menus in
            if let raced = menus[key] { return raced }
            menus[key] = made
            return made
        }
    }
}
