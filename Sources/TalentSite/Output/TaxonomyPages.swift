/// Browsing by what people ask: for every vocabulary declared `taxonomy: true` (industry, region,
/// course kind), an index of its terms with counts (`/industries/`) and a paged page per term
/// (`/industries/green-energy/`) listing the records of every section that uses the term.
public struct TaxonomyPages: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        return site.settings.taxonomies.flatMap { vocabulary -> [OutputJob] in
            let terms = Self.termRows(vocabulary, site: site)
            let indexPaths = paths(site) { site.routes.taxonomy(vocabulary.name, $0) }
            let links = vocabulary.terms.map { term in
                PagedList.NavLink(text: term.label, paths: paths(site) { site.routes.term(vocabulary.name, term.key, $0) },
                                  counts: PagedList.counts((terms[term.key] ?? []).compactMap(site.entry(at:)), languages: site.settings.languages))
            }
            var jobs = indexJobs(vocabulary, links: links, paths: indexPaths, site: site)
            let sectionCount = Set(terms.values.flatMap { $0.map { site.sections[$0.section].schema.name } }).count
            for term in vocabulary.terms {
                let titles = LocalizedText(Dictionary(uniqueKeysWithValues: site.settings.languages.map { language in
                    let format = input.theme.strings[language.code]?["term_title"] ?? "{taxonomy}: {term}"
                    return (language.code, format.replacingPlaceholders(["taxonomy": vocabulary.label[language], "term": term.label[language]]))
                }))
                let list = PagedList(
                    title: titles, intro: nil,
                    basePaths: paths(site) { site.routes.term(vocabulary.name, term.key, $0) },
                    rows: terms[term.key] ?? [], pageSize: ListingSpec.defaultPageSize,
                    groupBy: sectionCount > 1 ? [.section] : [],
                    parents: [PagedList.NavLink(text: vocabulary.label, paths: indexPaths)],
                    navLabel: vocabulary.label, navLinks: links,
                    menuSection: nil, origin: SourceLocation(file: "content/site.yaml"))
                jobs += list.jobs(site: site)
            }
            return jobs
        }
    }

    /// Records using each term, section by section in site (menu) order, each section in its own order.
    static func termRows(_ vocabulary: Vocabulary, site: SiteModel) -> [String: [ListRow]] {
        var rows: [String: [ListRow]] = [:]
        for (index, section) in site.sections.enumerated() where !section.schema.atSiteRoot {
            let fields = section.schema.fields.filter { $0.type.element == .key(vocabulary: vocabulary.name) }
            guard !fields.isEmpty else { continue }
            for (position, entry) in section.entries.enumerated() {
                guard let record = entry.versions[site.settings.defaultLanguage.code] else { continue }
                var keys: [String] = []
                for field in fields {
                    for case .key(let key) in record.fields[field.name]?.elements ?? [] where !keys.contains(key) { keys.append(key) }
                }
                for key in keys { rows[key, default: []].append(ListRow(section: index, entry: position)) }
            }
        }
        return rows
    }

    private func indexJobs(_ vocabulary: Vocabulary, links: [PagedList.NavLink], paths: [String: String], site: SiteModel) -> [OutputJob] {
        site.settings.languages.compactMap { language in
            guard let path = paths[language.code] else { return nil }
            return OutputJob(path: path, origin: SourceLocation(file: "content/site.yaml"),
                             page: PageInfo(language: language.code, versions: paths)) { env in
                let page = PageContext(env: env, language: language)
                var context = page.base(title: vocabulary.label[language], description: nil, path: path, versions: paths,
                                        fallbacks: [:], section: nil)
                context["heading"] = vocabulary.label[language]
                let strings = env.theme.strings[language.code] ?? [:]
                context["terms"] = links.map { link in
                    let count = link.counts[language.code] ?? 0
                    return ["text": link.text[language], "href": link.paths[language.code] ?? "", "count": count,
                            "countText": PluralRules.text("records", count: count, strings: strings, language: language.code) ?? String(count)] as [String: Any]
                }
                return env.render("terms", context, for: SourceLocation(file: "content/site.yaml"))
            }
        }
    }

    private func paths(_ site: SiteModel, _ path: (Language) -> String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: site.settings.languages.map { ($0.code, path($0)) })
    }
}
