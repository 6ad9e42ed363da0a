/// A page per record per language: `/courses/<slug>/`, `/en/courses/<slug>/`; standalone pages at `/<slug>/`,
/// and `pages/index` as each language's home page.
public struct RecordPages: OutputFormat {
    /// How many records of each section the home page previews.
    public var homePreviewCount = 6

    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] { jobs(input, only: nil) }

    /// The pages of the records in `only` (all when nil): `serve` re-renders just an edited record's pages
    /// to show the edit at once, before it rebuilds the rest.
    func jobs(_ input: PlanInput, only: Set<RecordID>?) -> [OutputJob] {
        let (site, theme, log) = (input.site, input.theme, input.log)
        var jobs: [OutputJob] = []
        for section in site.sections {
            var checked = section.schema
            if let only, !only.contains(where: { $0.section == checked.name }) { continue }
            if !theme.hasTemplate(checked.template) {
                let hint = Suggestion.phrase(for: checked.template, among: theme.templateNames.sorted())
                log.error(checked.location(of: "template"), "section template '\(checked.template)' does not exist (templates/\(checked.template).mustache)\(hint)")
                // Still planned and rendered with the required `record` template (the build fails anyway), so
                // links to these pages are not reported again and their own links are still checked.
                checked.template = "record"
            }
            let schema = checked
            // What the section's pages in one language share, held once: a job holds it, its entry and its path.
            let pages = site.settings.languages.map { SharedPageParts(pages: self, schema: schema, language: $0) }
            for entry in section.entries {
                let id = RecordID(section: schema.name, slug: entry.slug)
                if let only, !only.contains(id) { continue }
                let versions = site.routes.versions(of: entry, schema: schema)
                let isHome = schema.atSiteRoot && entry.slug == Routes.homeSlug
                for (language, shared) in zip(site.settings.languages, pages) {
                    guard let record = entry.versions[language.code] else { continue }
                    // The page's own path is its version in its language: one string for both.
                    let path = versions[language.code] ?? site.routes.record(schema, slug: entry.slug, language)
                    let info = PageInfo(language: language.code, versions: versions, record: isHome ? nil : id)
                    jobs.append(OutputJob(path: path, origin: SourceLocation(file: record.file), page: info) { env in
                        shared.render(entry, path: path, isHome: isHome, env: env)
                    })
                }
            }
        }
        return jobs
    }

    /// One section's record pages in one language, as their jobs share them.
    private final class SharedPageParts: Sendable {
        let pages: RecordPages
        let schema: SectionSchema
        let language: Language

        init(pages: RecordPages, schema: SectionSchema, language: Language) {
            self.pages = pages; self.schema = schema; self.language = language
        }

        func render(_ entry: Entry, path: String, isHome: Bool, env: RenderEnvironment) -> [UInt8]? {
            guard let record = entry.versions[language.code] else { return nil }
            return pages.render(record, entry: entry, schema: schema, language: language, path: path, isHome: isHome, env: env)
        }
    }

    private func render(_ record: Record, entry: Entry, schema: SectionSchema, language: Language, path: String,
                        isHome: Bool, env: RenderEnvironment) -> [UInt8]? {
        let markdown = MarkdownRenderer.render(record.body)
        BodyLinkCheck(env: env).check(markdown, of: record, pagePath: path)
        let page = PageContext(env: env, language: language)
        var context = page.base(title: isHome ? nil : record.title, description: env.summaries.summary(of: record), path: path,
                                versions: env.site.routes.versions(of: entry, schema: schema),
                                fallbacks: page.sectionFallbacks(schema), section: schema.atSiteRoot ? nil : schema.name)
        let formatter = FactFormatter(env: env, language: language)
        // Made once as template values: the page reads the same facts as a list and by name.
        let facts = formatter.factValues(for: record, schema: schema)
        context["body"] = markdown.html
        context["facts"] = TemplateValue.list(facts.map(\.value))
        context["hasFacts"] = !facts.isEmpty
        context["fields"] = TemplateValue.object(TemplateObject(fields: facts.map { (key: $0.name, value: $0.value) }))
        context["slug"] = record.slug
        context["recordTitle"] = record.title
        context["sample"] = record.sample
        context["summary"] = env.summaries.summary(of: record) ?? false
        // An explicit summary is shown (and so indexed) under the title; a derived one is the body's first paragraph.
        context["lead"] = record.summary ?? false
        // Formatted once: a record's date is both its publication date and (but on the home page) its last update.
        let date = record.date.map { TemplateValue.object(TemplateObject(pairs: ["iso": .text($0.iso), "text": .text(formatter.date($0))])) }
        if let date { context["date"] = date }
        // The home page previews every section, so it is as new as the newest content; a record page as its own date.
        context["updated"] = !isHome ? date ?? page.updated(env.site.newestDate) : page.updated(env.site.newestDate)
        if !schema.atSiteRoot {
            context["section"] = TemplateValue.object(TemplateObject(pairs: [
                "name": .text(schema.name), "title": .text(schema.title[language]), "href": .text(env.site.routes.list(schema, language))]))
        }
        context["status"] = StatusContext.value(record, schema: schema, site: env.site, strings: env.theme.strings[language.code] ?? [:])
        let references = env.site.reverseReferences[RecordID(section: schema.name, slug: entry.slug)] ?? []
        context["referencedBy"] = references.compactMap { reference -> [String: Any]? in
            guard let section = env.site.section(reference.section) else { return nil }
            let items = ListItems(env: env, language: language).items(reference.entries, schema: section.schema)
            return items.isEmpty ? nil : ["label": reference.label[language], "items": items, "count": items.count,
                                          "id": "referenced-by-\(reference.section)-\(reference.field.name)"]
        }
        context["sameGroup"] = sameGroup(record, schema: schema, language: language, formatter: formatter, env: env)
        context["linkedData"] = LinkedData(env: env, language: language)
            .scripts(record: record, schema: schema, path: path, isHome: isHome)
        if isHome {
            context["isHome"] = true
            context["sections"] = homeSections(language: language, env: env)
        }
        return env.render(isHome ? "home" : schema.template, context, for: SourceLocation(file: record.file))
    }

    /// For a section listed in groups (awards by year and category): the other records of this record's group,
    /// with a heading naming the group and a link to its year page. False when there is no group.
    private func sameGroup(_ record: Record, schema: SectionSchema, language: Language, formatter: FactFormatter,
                           env: RenderEnvironment) -> Any {
        let fields = schema.listing.groupBy
        guard !fields.isEmpty, !schema.atSiteRoot, let section = env.site.section(schema.name) else { return false }
        let key = fields.map { record.fields[$0] }
        let others = env.records.group(section: section, fields: fields, language: language.code, key: key)
            .filter { $0.slug != record.slug }
        let strings = env.theme.strings[language.code] ?? [:]
        let group = zip(fields, key).compactMap { name, value -> String? in
            guard let value, let spec = schema.field(name) else { return nil }
            return formatter.text(spec: spec, value: value)
        }.joined(separator: " · ")
        var result: [String: Any] = [
            "heading": (strings["same_group"] ?? "{group}").replacingPlaceholders(["group": group]),
            "items": ListItems(env: env, language: language).items(others, schema: schema),
            "hasItems": !others.isEmpty, "archive": false,
        ]
        if let field = schema.listing.archiveBy, let year = record.year(of: field) {
            result["archive"] = ["href": env.site.routes.archive(schema, year: year, language),
                                 "text": (strings["archive_link"] ?? "{year}").replacingPlaceholders(["year": String(year)])]
        }
        return result
    }

    /// The first records of every listed section, for the home page; ended ones (courses over) are left out,
    /// so the home page never advertises a past course.
    private func homeSections(language: Language, env: RenderEnvironment) -> [[String: Any]] {
        env.site.sections.filter { $0.schema.hasListPage }.map { section in
            let schema = section.schema
            let shown = section.entries.lazy.filter { entry in
                !(entry.versions[env.site.settings.defaultLanguage.code]?.hasEnded(in: schema.listing, on: env.site.buildDay) ?? true)
            }
            let items = ListItems(env: env, language: language).items(shown, schema: schema, limit: homePreviewCount)
            return ["name": section.schema.name, "title": section.schema.title[language],
                    "href": env.site.routes.list(section.schema, language), "items": items, "count": section.entries.count]
        }
    }
}
