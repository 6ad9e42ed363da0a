/// Each section's list page per language: `/courses/`, `/en/courses/`.
public struct SectionLists: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        return site.sections.filter(\.schema.hasListPage).flatMap { section in
            let versions = Dictionary(uniqueKeysWithValues: site.settings.languages.map { ($0.code, site.routes.list(section.schema, $0)) })
            return site.settings.languages.map { language in
                let path = site.routes.list(section.schema, language)
                let info = PageInfo(language: language.code, versions: versions)
                return OutputJob(path: path, origin: section.schema.location, page: info) { env in
                    let page = PageContext(env: env, language: language)
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
