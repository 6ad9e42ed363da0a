/// Each section's list per language, paged: `/courses/`, `/courses/page/2/`, `/en/courses/`.
/// Sections with `group_by` show group headings (awards: year, then category) and, with `archive`,
/// links to their year pages.
public struct SectionLists: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        return site.sections.filter(\.schema.hasListPage).flatMap { section in
            let schema = section.schema
            var list = PagedList(
                title: schema.title, intro: schema.intro,
                basePaths: Dictionary(uniqueKeysWithValues: site.settings.languages.map { ($0.code, site.routes.list(schema, $0)) }),
                rows: section.entries.map { (schema, $0) }, pageSize: schema.listing.pageSize,
                groupBy: schema.listing.groupBy.map(PagedList.GroupLevel.field),
                navLabel: schema.listing.archiveBy.flatMap { schema.field($0)?.label },
                navLinks: YearArchives.links(section, site: site),
                menuSection: schema.name, origin: schema.location)
            list.about = schema.about
            list.aboutLocations = schema.aboutLocations
            return list.jobs(site: site)
        }
    }
}
