/// A language the site is published in, as declared in `content/site.yaml`.
public struct Language: Hashable, Sendable {
    /// The key used in file names (`zh-TW`, `en`).
    public var code: String
    /// The value of `<html lang>` (`zh-Hant-TW`, `en`).
    public var htmlLang: String
    /// URL prefix without slashes; empty for the default language at the site root.
    public var prefix: String
    /// The language's own name, shown in the switcher (`中文`, `English`).
    public var name: String
    public var siteTitle: String
    public var siteDescription: String

    public init(code: String, htmlLang: String, prefix: String, name: String, siteTitle: String, siteDescription: String) {
        self.code = code; self.htmlLang = htmlLang; self.prefix = prefix; self.name = name
        self.siteTitle = siteTitle; self.siteDescription = siteDescription
    }

    /// Root-relative path of this language's home, `/` or `/en/`.
    public var homePath: String { prefix.isEmpty ? "/" : "/\(prefix)/" }
}

/// A text given once per language (`{zh-TW: 課程, en: Courses}`).
public struct LocalizedText: Hashable, Sendable {
    public var values: [String: String]
    public init(_ values: [String: String]) { self.values = values }
    public subscript(language: Language) -> String { values[language.code] ?? "" }
    public subscript(code: String) -> String? { values[code] }
}
