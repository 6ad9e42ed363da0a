/// Site-wide settings from `content/site.yaml`.
public struct SiteSettings: Sendable {
    /// Absolute base URL ending in `/`, e.g. `https://talent.example.gov.tw/`.
    public var baseURL: String
    /// Published languages; the first is the default, served at the site root.
    public var languages: [Language]
    public var vocabularies: [String: Vocabulary]
    /// Navigation shown on every page, in order.
    public var menu: [MenuItem]

    public init(baseURL: String, languages: [Language], vocabularies: [String: Vocabulary], menu: [MenuItem]) {
        self.baseURL = baseURL; self.languages = languages; self.vocabularies = vocabularies; self.menu = menu
    }

    public var defaultLanguage: Language { languages[0] }

    /// Vocabularies that get term pages, in declaration order.
    public var taxonomies: [Vocabulary] {
        vocabularies.values.filter(\.isTaxonomy).sorted { $0.position < $1.position }
    }

    public func language(code: String) -> Language? { languages.first { $0.code == code } }
}

/// A navigation entry: a section's list page or a standalone page, checked to exist.
public struct MenuItem: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case section(String)
        case page(String)
    }
    public var target: Target
    public var location: SourceLocation

    public init(target: Target, location: SourceLocation) { self.target = target; self.location = location }
}
