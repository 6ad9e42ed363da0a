/// CLDR plural categories for counts, so "1 record" and "2 records" each read right, and Chinese,
/// which has no plural, uses one form. UI strings hold a count text as a mapping by category
/// (`records: {one: "{count} record", other: "{count} records"}`); `other` is always required.
enum PluralRules {
    /// The CLDR categories a UI string may use.
    static let categories = ["zero", "one", "two", "few", "many", "other"]

    /// CLDR cardinal category of a whole number. Only the rules of languages the site can publish are
    /// here; an unknown language uses `other`, which every plural string has.
    static func category(of count: Int, language code: String) -> String {
        let base = code.split(separator: "-").first.map(String.init) ?? code
        switch base {
        case "en", "de", "nl", "sv", "it", "es": return count == 1 ? "one" : "other"
        case "fr", "pt": return count == 0 || count == 1 ? "one" : "other"
        default: return "other"  // zh, ja, ko, vi, th…: no plural forms
        }
    }

    /// The UI-string key that holds one category of a plural string (`records.one`).
    static func key(_ name: String, _ category: String) -> String { "\(name).\(category)" }

    /// The text for `count` from the language's plural string `name`, with `{count}` filled in
    /// (grouped: 1,234). Nil when the string is missing.
    static func text(_ name: String, count: Int, strings: [String: String], language code: String) -> String? {
        let form = strings[key(name, category(of: count, language: code))] ?? strings[key(name, "other")]
        return form.map { fill($0, count: FactFormatter.grouped(count)) }
    }

    /// `form` with every `{count}` replaced by `count` (list pages show one per page: no Foundation search for it).
    static func fill(_ form: String, count: String) -> String {
        var out = ""
        var rest = Substring(form)
        while let range = rest.firstRange(of: "{count}") {
            out += rest[..<range.lowerBound]
            out += count
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    /// Template view of the strings: plain keys as they are, plural strings as nested mappings
    /// (`{{t.search_count.one}}`), so a script can choose the form itself.
    static func templateStrings(_ strings: [String: String]) -> [String: Any] {
        var out: [String: Any] = [:]
        var plurals: [String: [String: String]] = [:]
        for (key, value) in strings {
            if let dot = key.lastIndex(of: "."), categories.contains(String(key[key.index(after: dot)...])) {
                plurals[String(key[..<dot]), default: [:]][String(key[key.index(after: dot)...])] = value
            } else {
                out[key] = value
            }
        }
        for (name, forms) in plurals {
            // Every category key present, so a template never finds a value from an outer context.
            var all: [String: Any] = Dictionary(uniqueKeysWithValues: categories.map { ($0, false as Any) })
            for (category, text) in forms { all[category] = text }
            out[name] = all
        }
        return out
    }
}
