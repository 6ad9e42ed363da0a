import Foundation

/// The parts of every page's context that depend only on its language and section (UI strings, site,
/// browse links, agency, assets, what formats add) or on little more (the menus, whose current entry
/// depends on the section and, for a page entry, on the page): made and converted once per build, not per page.
final class PageParts: Sendable {
    /// Everything is kept converted to `TemplateValue`, so what the tables hold is Sendable.
    private let fixed = OnceTable<(shared: TemplateObject, links: [String: TemplateValue])>()
    private let menus = OnceTable<TemplateValue>()
    private let entryPaths = OnceTable<Set<String>>()
    private let openGraphs = OnceTable<(locale: String, others: TemplateValue)>()

    /// Keys of the fixed part; anything else a format adds is merged per page, after the page's own keys.
    static let fixedKeys: Set<String> = ["lang", "languageCode", "site", "t", "browse", "hasBrowse", "agency", "demo", "assets"]

    /// The fixed part for (`language`, `section`), made by `make` once: `shared`, the object under every such
    /// page's own values (its fields converted once), and the format links whose keys are not fixed (converted too;
    /// a group of links comes back as a dictionary, so it still merges into a group the page has).
    func fixed(_ language: String, _ section: String?, make: () -> (values: [String: Any], links: [String: Any]))
        -> (shared: TemplateObject, links: [String: Any]) {
        let key = language + "\u{0}" + (section ?? "\u{1}")
        let part = fixed.value(key) {
            let made = make()
            return (shared: TemplateObject(made.values.mapValues { TemplateValue($0) }), links: made.links.mapValues { TemplateValue($0) })
        }
        return (part.shared, part.links.isEmpty ? [:] : part.links.mapValues(Self.mergeable))
    }

    /// The paths of the menus' page entries in a language, made by `make` once: a page whose path is not among
    /// them shares its menus with the other pages of its section.
    func menuEntryPaths(_ language: String, make: () -> Set<String>) -> Set<String> {
        entryPaths.value(language, make: make)
    }

    /// A converted link as `PageContext.mergeLinks` expects it: an object as a dictionary of its fields.
    private static func mergeable(_ value: TemplateValue) -> Any {
        guard case .object(let object) = value else { return value }
        return Dictionary(object.fields.map { ($0.key, $0.value as Any) }) { first, _ in first }
    }

    /// A menu for `key` (language, which menu, current section and, when it is a menu entry, the page path).
    func menu(_ key: String, make: () -> [[String: Any]]) -> TemplateValue {
        value("menu\u{0}" + key) { TemplateValue(make()) }
    }

    /// Any other value that depends only on `key`, made by `make` once (a language's newest date, formatted).
    func value(_ key: String, make: () -> TemplateValue) -> TemplateValue {
        menus.value(key, make: make)
    }

    /// A language's Open Graph locale and the other languages' locales, made by `make` once.
    func openGraph(_ language: String, make: () -> (locale: String, others: TemplateValue)) -> (locale: String, others: TemplateValue) {
        openGraphs.value(language, make: make)
    }
}

/// A page's template context: `shared`, made once for every page of its language and section (layout, UI
/// strings, site), under `own`, the page's values, which callers add to by key. Rendered as one object whose
/// names are looked up in `own` first, as if `own` were merged over `shared`, without copying `shared`.
struct PageValues {
    let shared: TemplateObject
    var own: [String: Any]

    /// The page's own value for `key`, else the shared one; setting always sets the page's own.
    subscript(key: String) -> Any? {
        get { own[key] ?? shared[key].map { $0 as Any } }
        set { own[key] = newValue }
    }

    /// The context as the renderer reads it.
    var object: TemplateObject { TemplateObject(converting: own, fallback: shared) }
}
