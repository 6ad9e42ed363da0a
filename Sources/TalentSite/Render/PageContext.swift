/// Builds the template context shared by every HTML page: language, site, UI strings, menu,
/// the language switcher and `hreflang` alternates. Dictionaries, not structs: the template engine
/// reads them several times faster than it reflects over structs.
struct PageContext {
    let env: RenderEnvironment
    let language: Language

    var site: SiteModel { env.site }

    /// Absolute URL of a root-relative path, for canonical and alternate links.
    func absolute(_ path: String) -> String { site.settings.absoluteURL(path) }

    /// - Parameters:
    ///   - versions: this page's path in each language it exists in (language code → path).
    ///   - fallbacks: where the switcher goes for a language the page does not exist in.
    ///   - section: the section the page belongs to, to mark the current menu entry.
    func base(title: String?, description: String?, path: String, versions: [String: String],
              fallbacks: [String: String], section: String?) -> PageValues {
        // Built as template values, not dictionaries to convert: every page has them.
        let languages = site.settings.languages
        let switcher: [(current: Bool, value: TemplateValue)] = languages.map { other in
            let href = versions[other.code] ?? fallbacks[other.code] ?? other.homePath
            return (other == language, .object(TemplateObject(pairs: [
                "name": .text(other.name), "code": .text(other.code), "hreflang": .text(other.htmlLang), "href": .text(href),
                "current": .bool(other == language), "translated": .bool(versions[other.code] != nil)])))
        }
        var alternates: [TemplateValue] = languages.compactMap { other in
            versions[other.code].map { .object(TemplateObject(pairs: ["hreflang": .text(other.htmlLang), "href": .text(absolute($0))])) }
        }
        if let defaultPath = versions[site.settings.defaultLanguage.code], alternates.count > 1 {
            alternates.append(.object(TemplateObject(pairs: ["hreflang": .text("x-default"), "href": .text(absolute(defaultPath))])))
        }
        let pageTitle = title.map { "\($0) | \(language.siteTitle)" } ?? language.siteTitle
        let fixed = env.pageParts.fixed(language.code, section) { fixedPart(section: section) }
        var context: [String: Any] = [
            "title": title ?? language.siteTitle,
            "pageTitle": pageTitle,
            "description": Self.shorten(description ?? language.siteDescription),
            "canonical": absolute(path),
            "path": path,
            "alternates": TemplateValue.list(alternates),
            "languages": TemplateValue.list(switcher.map(\.value)),
            "otherLanguages": TemplateValue.list(switcher.filter { !$0.current }.map(\.value)),
            "menu": cachedMenu(nil, currentSection: section, currentPath: path),
            "footerMenu": cachedMenu(site.settings.footerMenu, currentSection: nil, currentPath: path),
            "openGraph": openGraph(title: title ?? language.siteTitle, type: section == nil ? "website" : "article"),
            // Set on every page so a template's `{{#relPrev}}` never finds a value from an outer context.
            "relPrev": false, "relNext": false, "noindex": false, "linkedData": [String](),
            "updated": env.pageParts.value("updated\u{0}" + language.code) { updated(site.newestDate) },
        ]
        if !fixed.links.isEmpty { Self.mergeLinks(fixed.links, into: &context) }
        return PageValues(shared: fixed.shared, own: context)
    }

    /// What every page of this language and section shares: `values` under `PageParts.fixedKeys` (with what the
    /// formats add under those keys merged in), and the formats' other additions, merged into each page.
    private func fixedPart(section: String?) -> (values: [String: Any], links: [String: Any]) {
        let strings = env.theme.strings[language.code] ?? [:]
        var values: [String: Any] = [
            "lang": language.htmlLang,
            "languageCode": language.code,
            "site": ["title": language.siteTitle, "description": language.siteDescription, "home": language.homePath],
            "t": PluralRules.templateStrings(strings),
            "browse": taxonomyLinks(), "hasBrowse": !site.settings.taxonomies.isEmpty,
            "agency": agencyContext(), "demo": site.settings.agency?.sample ?? false,
            "assets": HashedAssets.context(env.theme),
        ]
        var links: [String: Any] = [:]
        var headLinks: [[String: Any]] = []
        for format in env.formats {
            let contributed = format.pageLinks(site: site, language: language, section: section)
            headLinks += contributed.head.map(\.context)
            for (key, value) in contributed.context {
                if Self.fixedKeys.contains(key) { Self.mergeLinks([key: value], into: &values) } else { Self.mergeLinks([key: value], into: &links) }
            }
        }
        values["headLinks"] = headLinks
        return (values, links)
    }

    private static let fixedKeys = PageParts.fixedKeys

    /// A format adding to a group the page already has (`site.search`) adds to it, not in place of it.
    private static func mergeLinks(_ links: [String: Any], into context: inout [String: Any]) {
        context.merge(links) { mine, contributed in
            guard let mine = mine as? [String: Any], let contributed = contributed as? [String: Any] else { return contributed }
            return mine.merging(contributed) { _, new in new }
        }
    }

    /// The menu, made once per language, menu, current section and (only when the page is one of its entries) page.
    private func cachedMenu(_ items: [MenuItem]?, currentSection: String?, currentPath: String) -> TemplateValue {
        let kind = items == nil ? "menu" : "footer"
        let entryPaths = env.pageParts.menuEntryPaths(language.code + "\u{0}" + kind) { menuEntryPaths(items) }
        let isEntry = entryPaths.contains(currentPath)
        let key = [language.code, kind, currentSection ?? "", isEntry ? currentPath : ""].joined(separator: "\u{0}")
        return env.pageParts.menu(key) { menu(items, currentSection: currentSection, currentPath: currentPath) }
    }

    /// Where the menu's page entries may be in this language. Over-matching only splits the menu cache further: any
    /// root section's page with an entry's slug counts.
    private func menuEntryPaths(_ items: [MenuItem]?) -> Set<String> {
        var paths: Set<String> = []
        for item in items ?? site.settings.menu {
            guard case .page(let slug) = item.target else { continue }
            for section in site.sections where section.schema.atSiteRoot {
                paths.insert(site.routes.record(section.schema, slug: slug, language))
            }
        }
        return paths
    }

    /// The footer's agency block in this language, or false when site.yaml declares none.
    private func agencyContext() -> Any {
        guard let agency = site.settings.agency else { return false }
        return ["name": agency.name[language], "address": agency.address[language], "hours": agency.serviceHours[language],
                "phone": agency.phone, "tel": agency.tel, "email": agency.email, "sample": agency.sample]
    }

    /// `{iso, text}` for a page's last-updated date (the newest content date behind it), or false.
    func updated(_ day: Day?) -> TemplateValue {
        guard let day else { return .bool(false) }
        let formatter = FactFormatter(env: env, language: language)
        return TemplateValue.object(TemplateObject(pairs: ["iso": .text(day.iso), "text": .text(formatter.date(day))]))
    }

    /// Open Graph properties beyond title, description and URL (which reuse the page's own).
    private func openGraph(title: String, type: String) -> TemplateValue {
        let shared = env.pageParts.openGraph(language.code) {
            (locale: Self.ogLocale(language), others: .list(site.settings.languages.filter { $0 != language }.map {
                TemplateValue.object(TemplateObject(pairs: ["locale": .text(Self.ogLocale($0))]))
            }))
        }
        return .object(TemplateObject(pairs: ["title": .text(title), "type": .text(type), "siteName": .text(language.siteTitle),
                                       "locale": .text(shared.locale), "alternateLocales": shared.others]))
    }

    /// Open Graph wants `ll_TT`: `zh-TW` → `zh_TW`; a bare language code stays as it is.
    static func ogLocale(_ language: Language) -> String { String(language.code.map { $0 == "-" ? "_" : $0 }) }

    /// Links to every taxonomy index (`/industries/`, `/regions/`…) in this language, for browsing.
    func taxonomyLinks() -> [[String: Any]] {
        site.settings.taxonomies.map { vocabulary in
            ["label": vocabulary.label[language], "href": site.routes.taxonomy(vocabulary.name, language)]
        }
    }

    private func menu(_ items: [MenuItem]? = nil, currentSection: String?, currentPath: String) -> [[String: Any]] {
        (items ?? site.settings.menu).compactMap { item in
            switch item.target {
            case .section(let name):
                guard let section = site.section(name) else { return nil }
                let href = site.routes.list(section.schema, language)
                return ["label": section.schema.title[language], "href": href, "current": name == currentSection]
            case .page(let slug):
                guard let section = site.sections.first(where: { $0.schema.atSiteRoot && $0.entries.contains { $0.slug == slug } }),
                      let entry = section.entries.first(where: { $0.slug == slug }) else { return nil }
                let version = entry.versions[language.code] ?? entry.versions[site.settings.defaultLanguage.code]!
                let href = site.routes.record(section.schema, slug: slug, language)
                return ["label": version.title, "href": href, "current": href == currentPath]
            }
        }
    }

    /// Meta descriptions longer than ~160 characters are cut by search engines; cut them ourselves, at a character.
    static func shorten(_ text: String, limit: Int = 160) -> String {
        let breaks = mayHaveLineBreak(text)
        if text.utf8.count <= limit && !breaks { return text }
        let flat = breaks ? text.split(whereSeparator: { $0.isNewline }).joined(separator: " ") : text
        // Characters are counted only as far as the cut, not to the end of a long text.
        guard limit > 0, let cut = flat.index(flat.startIndex, offsetBy: limit - 1, limitedBy: flat.endIndex),
              flat.index(cut, offsetBy: 2, limitedBy: flat.endIndex) != nil else { return flat }
        return String(flat[..<cut]) + "…"
    }

    /// False only when `text` has no character that `Character.isNewline` accepts (LF, VT, FF, CR, NEL, U+2028,
    /// U+2029): then cutting it into lines and joining them with spaces gives it back unchanged.
    static func mayHaveLineBreak(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0x0A...0x0D: return true
            case 0x85 where previous.1 == 0xC2: return true
            case 0xA8, 0xA9: if previous == (0xE2, 0x80) { return true }
            default: break
            }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Where each language's switcher goes when a record has no version in it: that language's list of the section.
    func sectionFallbacks(_ schema: SectionSchema) -> [String: String] {
        var paths: [String: String] = [:]
        for other in site.settings.languages {
            paths[other.code] = schema.hasListPage ? site.routes.list(schema, other) : other.homePath
        }
        return paths
    }
}
