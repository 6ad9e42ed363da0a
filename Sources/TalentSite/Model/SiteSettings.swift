/// Site-wide settings from `content/site.yaml`.
public struct SiteSettings: Sendable {
    /// Absolute base URL ending in `/`, e.g. `https://talent.example.gov.tw/`.
    public var baseURL: String
    /// Published languages; the first is the default, served at the site root.
    public var languages: [Language]
    public var vocabularies: [String: Vocabulary]
    /// Navigation shown on every page, in order.
    public var menu: [MenuItem]
    /// Links in every page's footer (privacy, open data, accessibility, site map), in order.
    public var footerMenu: [MenuItem] = []
    /// Who runs the site, for the footer; optional (a site without it shows no agency block).
    public var agency: Agency?

    public init(baseURL: String, languages: [Language], vocabularies: [String: Vocabulary], menu: [MenuItem], agency: Agency? = nil) {
        self.baseURL = baseURL; self.languages = languages; self.vocabularies = vocabularies; self.menu = menu
        self.agency = agency
    }

    public var defaultLanguage: Language { languages[0] }

    /// Sections in the order the menu names them, the others after by name: the order of the home
    /// page, of mixed lists and of search results that tie.
    func inMenuOrder(_ sections: [SiteModel.Section]) -> [SiteModel.Section] {
        let order = menu.compactMap { item -> String? in
            if case .section(let name) = item.target { return name }
            return nil
        }
        return sections.sorted { a, b in
            (order.firstIndex(of: a.schema.name) ?? Int.max, a.schema.name) < (order.firstIndex(of: b.schema.name) ?? Int.max, b.schema.name)
        }
    }

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

extension SiteSettings {
    /// The absolute URL of a root-relative path (`/courses/cnc/` → `https://…/courses/cnc/`), for canonical
    /// and alternate links, JSON-LD, feeds, the sitemap, robots.txt and open data: one rule for all of them.
    public func absoluteURL(_ path: String) -> String { baseURL + path.drop { $0 == "/" } }
}
