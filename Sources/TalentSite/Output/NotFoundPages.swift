/// `404.html` per language (`/404.html`, `/en/404.html`) for the static host to serve on a miss.
/// Not a page of the site: no PageInfo, so sitemaps and search leave it out, and `noindex`.
public struct NotFoundPages: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        let languages = site.settings.languages
        return languages.map { language in
            let path = site.routes.notFound(language)
            return OutputJob(path: path, origin: SourceLocation(file: "templates/404.mustache")) { env in
                let page = PageContext(env: env, language: language)
                let strings = env.theme.strings[language.code] ?? [:]
                let homes = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, $0.homePath) })
                var context = page.base(title: strings["not_found_title"], description: nil, path: path,
                                        versions: [:], fallbacks: homes, section: nil)
                context["noindex"] = true
                return env.render("404", context, for: SourceLocation(file: "templates/404.mustache"))
            }
        }
    }
}
