/// A list of records published as numbered pages in every language: a section list, a taxonomy term,
/// a year archive. Page 1 lives at the base path, page n at `<base>page/<n>/`, linked by rel prev/next.
struct PagedList: Sendable {
    /// A link shown beside the list (a year archive, another term), with how many records it holds
    /// in each language (language code → count).
    struct NavLink: Sendable {
        var text: LocalizedText
        var paths: [String: String]
        var counts: [String: Int] = [:]
    }

    /// What heads a group of items: a field's value (year, category) or the record's section.
    enum GroupLevel: Sendable {
        case field(String)
        case section
    }

    var title: LocalizedText
    var intro: LocalizedText?
    /// Markdown shown on page 1 after the intro (a section's `about`), and where each language's text starts.
    var about: LocalizedText? = nil
    var aboutLocations: [String: SourceLocation] = [:]
    /// Page 1 in each language (language code → path).
    var basePaths: [String: String]
    /// The listed records, in list order, as places in the model the list is rendered with.
    var rows: [ListRow]
    var pageSize: Int
    var groupBy: [GroupLevel] = []
    /// Breadcrumbs between Home and this list.
    var parents: [NavLink] = []
    var navLabel: LocalizedText?
    var navLinks: [NavLink] = []
    /// The menu entry to mark current.
    var menuSection: String?
    var origin: SourceLocation

    /// How many of `entries` exist in each language.
    static func counts(_ entries: some Collection<Entry>, languages: [Language]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: languages.map { language in
            (language.code, entries.count { $0.versions[language.code] != nil })
        })
    }

    /// Page `number` of `pages` in `language`, holding `slice` of the `total` records (the jobs are planned in Output).
    /// `newest` is the newest date of the list's records in `language` (nil when none has one), found once for all
    /// pages of the list.
    func render(_ slice: ArraySlice<ListRow>, total: Int, page number: Int, of pages: Int,
                language: Language, path: String, versions: [String: String], newest: Day?, env: RenderEnvironment) -> [UInt8]? {
        let site = env.site
        let strings = env.theme.strings[language.code] ?? [:]
        let context = PageContext(env: env, language: language)
        let heading = title[language]
        let pageTitle = number == 1 ? heading
            : (strings["page_title"] ?? "{title} ({page})").replacingPlaceholders(["title": heading, "page": String(number)])
        var fallbacks: [String: String] = [:]
        for (code, base) in basePaths { fallbacks[code] = base }
        var values = context.base(title: pageTitle, description: intro?[language], path: path, versions: versions,
                                  fallbacks: fallbacks, section: menuSection)
        values["heading"] = heading
        values["intro"] = number == 1 ? intro.map { $0[language] as Any } ?? false : false
        values["about"] = number == 1 ? about.map { aboutHTML($0[language], language: language, path: path, env: env) as Any } ?? false : false
        values["count"] = total
        values["updated"] = context.updated(newest ?? site.newestDate)
        values["countText"] = PluralRules.text("records", count: total, strings: strings, language: language.code) ?? String(total)
        values["parents"] = parents.map { ["title": $0.text[language], "href": $0.paths[language.code] ?? language.homePath] }
        values["groups"] = ListGroups(env: env, language: language, levels: groupBy).groups(slice)
        values["nav"] = navLinks.isEmpty ? false : [
            "label": navLabel?[language] ?? "",
            "links": navLinks.map { link in
                ["text": link.text[language], "href": link.paths[language.code] ?? false, "count": link.counts[language.code] ?? 0,
                 "current": link.paths[language.code] == path] as [String: Any]
            },
        ]
        let pagination = Pagination(current: number, total: pages) { site.routes.page($0, of: basePaths[language.code] ?? path) }
        values["pagination"] = pages > 1 ? pagination.context(strings: strings) : false
        values["relPrev"] = pagination.previous ?? false
        values["relNext"] = pagination.next ?? false
        return env.render("list", values, for: origin)
    }
}

/// A listed record as its place in the model: `site.sections[section].entries[entry]`. A list holds its rows
/// from planning until its pages are rendered; as places they take 16 bytes each, where a copy of the record's
/// schema and entry took hundreds (the 20k corpus's term pages held about 100 MB of such copies).
struct ListRow: Hashable, Sendable {
    var section: Int
    var entry: Int
}

extension SiteModel {
    /// The rows of `entries`, all of section number `section`.
    static func rows(section: Int, entries: some Sequence<Int>) -> [ListRow] {
        entries.map { ListRow(section: section, entry: $0) }
    }

    /// The entry a row names; nil when the model has no such place (the row was made from another model).
    func entry(at row: ListRow) -> Entry? {
        guard sections.indices.contains(row.section), sections[row.section].entries.indices.contains(row.entry) else { return nil }
        return sections[row.section].entries[row.entry]
    }
}

extension PagedList {
    /// The `about` Markdown as HTML, its links checked like a record body's (errors point into `_section.yaml`).
    func aboutHTML(_ text: String, language: Language, path: String, env: RenderEnvironment) -> String {
        let markdown = MarkdownRenderer.render(text)
        let start = aboutLocations[language.code] ?? origin
        let record = Record(section: menuSection ?? "", slug: "", language: language.code, title: "", date: nil, summary: nil,
                            draft: false, fields: [:], fieldLocations: [:], body: text,
                            bodyStart: SourceLocation(file: start.file, line: start.line, column: 1))
        BodyLinkCheck(env: env).check(markdown, of: record, pagePath: path)
        return markdown.html
    }
}

extension String {
    /// `{title} ({page})` with each `{name}` replaced by its value; unknown names are kept.
    func replacingPlaceholders(_ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(self)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
