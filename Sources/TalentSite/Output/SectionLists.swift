/// Each section's list per language, paged: `/courses/`, `/courses/page/2/`, `/en/courses/`.
/// Sections with `group_by` show group headings (awards: year, then category) and, with `archive`,
/// links to their year pages. Sections with a `lifecycle` list ended records apart, in a past archive
/// (`/courses/past/`, paged the same way), so current lists show only what a citizen can still join or follow.
public struct SectionLists: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        let languages = site.settings.languages
        return site.sections.indices.filter { site.sections[$0].schema.hasListPage }.flatMap { index -> [OutputJob] in
            let section = site.sections[index]
            let schema = section.schema
            let listPaths = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, site.routes.list(schema, $0)) })
            guard schema.listing.lifecycle != nil else {
                var list = PagedList(
                    title: schema.title, intro: schema.intro, basePaths: listPaths,
                    rows: SiteModel.rows(section: index, entries: section.entries.indices), pageSize: schema.listing.pageSize,
                    groupBy: schema.listing.groupBy.map(PagedList.GroupLevel.field),
                    navLabel: schema.listing.archiveBy.flatMap { schema.field($0)?.label },
                    navLinks: YearArchives.links(section, site: site),
                    menuSection: schema.name, origin: schema.location)
                list.about = schema.about
                list.aboutLocations = schema.aboutLocations
                return list.jobs(site: site)
            }
            let split = PastArchive.split(section, site: site)
            let pastPaths = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, site.routes.past(schema, $0)) })
            let strings = input.theme.strings
            func text(_ key: String, _ fill: (Language) -> [String: String] = { _ in [:] }) -> LocalizedText {
                LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { language in
                    (language.code, (strings[language.code]?[key] ?? key).replacingPlaceholders(fill(language)))
                }))
            }
            let links = [
                PagedList.NavLink(text: text("current_list"), paths: listPaths,
                                  counts: PagedList.counts(split.current.map { section.entries[$0] }, languages: languages)),
                PagedList.NavLink(text: text("past_list"), paths: pastPaths,
                                  counts: PagedList.counts(split.past.map { section.entries[$0] }, languages: languages)),
            ]
            var current = PagedList(
                title: schema.title, intro: schema.intro, basePaths: listPaths,
                rows: SiteModel.rows(section: index, entries: split.current), pageSize: schema.listing.pageSize,
                groupBy: schema.listing.groupBy.map(PagedList.GroupLevel.field),
                navLabel: text("search_status"), navLinks: links,
                menuSection: schema.name, origin: schema.location)
            current.about = schema.about
            current.aboutLocations = schema.aboutLocations
            let past = PagedList(
                title: text("past_title") { ["title": schema.title[$0]] }, intro: nil, basePaths: pastPaths,
                rows: SiteModel.rows(section: index, entries: split.past), pageSize: schema.listing.pageSize,
                groupBy: schema.listing.groupBy.map(PagedList.GroupLevel.field),
                parents: [PagedList.NavLink(text: schema.title, paths: listPaths)],
                navLabel: text("search_status"), navLinks: links,
                menuSection: schema.name, origin: schema.location)
            return current.jobs(site: site) + past.jobs(site: site)
        }
    }
}

/// The ended records of a section with a lifecycle, which leave its current list for `/<section>/past/`.
enum PastArchive {
    /// The slug no record of such a section may take: its archive lives there.
    static let slug = "past"

    /// The positions in `section.entries` of the current entries (open, closed, in progress) and the past (ended)
    /// ones, each in section order, judged by the default language's record so both languages agree.
    static func split(_ section: SiteModel.Section, site: SiteModel) -> (current: [Int], past: [Int]) {
        let code = site.settings.defaultLanguage.code
        var current: [Int] = [], past: [Int] = []
        for (position, entry) in section.entries.enumerated() {
            if entry.versions[code]?.hasEnded(in: section.schema.listing, on: site.buildDay) == true {
                past.append(position)
            } else {
                current.append(position)
            }
        }
        return (current, past)
    }
}
