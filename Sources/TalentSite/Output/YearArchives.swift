/// A page per year for sections with `archive: <field>`: `/awards/2024/`, newest year first in the
/// section list's year links. Each year page holds every record of that year, grouped like the list.
public struct YearArchives: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        return site.sections.indices.flatMap { index -> [OutputJob] in
            let section = site.sections[index]
            let schema = section.schema
            guard let field = schema.listing.archiveBy else { return [] }
            let links = Self.links(section, site: site)
            return Self.years(section, field: field).flatMap { year, entries in
                let title = LocalizedText(Dictionary(uniqueKeysWithValues: site.settings.languages.map {
                    ($0.code, "\(schema.title[$0]) \(year)")
                }))
                let list = PagedList(
                    title: title, intro: nil,
                    basePaths: Dictionary(uniqueKeysWithValues: site.settings.languages.map {
                        ($0.code, site.routes.archive(schema, year: year, $0))
                    }),
                    rows: SiteModel.rows(section: index, entries: entries), pageSize: max(schema.listing.pageSize, entries.count),
                    groupBy: schema.listing.groupBy.filter { $0 != field }.map(PagedList.GroupLevel.field),
                    parents: schema.hasListPage ? [PagedList.NavLink(text: schema.title, paths: listPaths(schema, site))] : [],
                    navLabel: schema.field(field)?.label, navLinks: links,
                    menuSection: schema.name, origin: schema.location)
                return list.jobs(site: site)
            }
        }
    }

    /// Links to every year page of `section`, newest first, for the section list and the year pages.
    static func links(_ section: SiteModel.Section, site: SiteModel) -> [PagedList.NavLink] {
        guard let field = section.schema.listing.archiveBy else { return [] }
        return years(section, field: field).map { year, entries in
            PagedList.NavLink(
                text: LocalizedText(Dictionary(uniqueKeysWithValues: site.settings.languages.map { ($0.code, String(year)) })),
                paths: Dictionary(uniqueKeysWithValues: site.settings.languages.map {
                    ($0.code, site.routes.archive(section.schema, year: year, $0))
                }),
                counts: PagedList.counts(entries.map { section.entries[$0] }, languages: site.settings.languages))
        }
    }

    /// Entries (positions in `section.entries`) by year of `field`, newest year first, each year in the section's order.
    static func years(_ section: SiteModel.Section, field: String) -> [(year: Int, entries: [Int])] {
        var byYear: [Int: [Int]] = [:]
        for (position, entry) in section.entries.enumerated() {
            guard let year = entry.versions.values.first?.year(of: field) else { continue }
            byYear[year, default: []].append(position)
        }
        return byYear.keys.sorted(by: >).map { ($0, byYear[$0]!) }
    }

    private func listPaths(_ schema: SectionSchema, _ site: SiteModel) -> [String: String] {
        Dictionary(uniqueKeysWithValues: site.settings.languages.map { ($0.code, site.routes.list(schema, $0)) })
    }
}
