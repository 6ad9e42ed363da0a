/// Each section's list page per language: `/courses/`, `/en/courses/`.
public struct SectionLists: OutputFormat {
    public init() {}

    public func plan(site: SiteModel, theme: Theme, log: DiagnosticLog) -> [OutputJob] {
        site.sections.filter(\.schema.hasListPage).flatMap { section in
            site.settings.languages.map { language in
                let path = site.routes.list(section.schema, language)
                return OutputJob(path: path, origin: section.schema.location) { env in
                    let page = PageContext(env: env, language: language)
                    var versions: [String: String] = [:]
                    for other in env.site.settings.languages { versions[other.code] = env.site.routes.list(section.schema, other) }
                    var context = page.base(title: section.schema.title[language], description: section.schema.intro?[language],
                                            path: path, versions: versions, fallbacks: [:], section: section.schema.name)
                    let items = ListItems(env: env, language: language).items(section)
                    context["items"] = items
                    context["count"] = items.count
                    context["intro"] = section.schema.intro?[language] ?? false
                    context["sectionName"] = section.schema.name
                    return env.render("list", context, for: section.schema.location)
                }
            }
        }
    }
}
