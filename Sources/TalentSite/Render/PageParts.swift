import Foundation

/// The parts of every page's context that depend only on its language and section (UI strings, site,
/// browse links, agency, assets, what formats add) or on little more (the menus, whose current entry
/// depends on the section and, for a page entry, on the page): made and converted once per build, not per page.
final class PageParts: @unchecked Sendable {
    private let lock = NSLock()
    private var fixed: [String: (values: [String: Any], links: [String: Any])] = [:]
    private var menus: [String: TemplateValue] = [:]

    /// Keys of the fixed part; anything else a format adds is merged per page, after the page's own keys.
    static let fixedKeys: Set<String> = ["lang", "languageCode", "site", "t", "browse", "hasBrowse", "agency", "demo", "assets"]

    /// The fixed part for (`language`, `section`), made by `make` once: `values` (already converted) and the
    /// format links whose keys are not fixed.
    func fixed(_ language: String, _ section: String?, make: () -> (values: [String: Any], links: [String: Any]))
        -> (values: [String: Any], links: [String: Any]) {
        let key = language + "\u{0}" + (section ?? "\u{1}")
        if let known = locked({ fixed[key] }) { return known }
        let made = make()
        let converted = (made.values.mapValues { TemplateValue($0) as Any }, made.links)
        return locked {
            if let raced = fixed[key] { return raced }
            fixed[key] = converted
            return converted
        }
    }

    /// A menu for `key` (language, which menu, current section and, when it is a menu entry, the page path).
    func menu(_ key: String, make: () -> [[String: Any]]) -> TemplateValue {
        if let known = locked({ menus[key] }) { return known }
        let made = TemplateValue(make())
        return locked {
            if let raced = menus[key] { return raced }
            menus[key] = made
            return made
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock(); defer { lock.unlock() }
        return body()
    }
}
