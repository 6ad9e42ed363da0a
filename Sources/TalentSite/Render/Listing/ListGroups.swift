/// Splits one page of list items into headed groups (year, then category), two levels at most.
/// Ungrouped lists are one group without headings, so the template has a single shape.
struct ListGroups {
    let env: RenderEnvironment
    let language: Language
    let levels: [PagedList.GroupLevel]

    /// The groups of `rows`, places in the environment's model (rows it has no place for are left out).
    func groups(_ rows: some Sequence<ListRow>) -> [[String: Any]] {
        let items = ListItems(env: env, language: language)
        let sections = env.site.sections
        var groups: [(heading: String?, subgroups: [(heading: String?, items: [TemplateValue])])] = []
        // Rows of one section come in runs: its schema is taken from the model once per run, not once per row.
        var current: (index: Int, schema: SectionSchema)?
        for row in rows {
            guard let entry = env.site.entry(at: row), let record = entry.versions[language.code] else { continue }
            if current?.index != row.section { current = (row.section, sections[row.section].schema) }
            guard let schema = current?.schema else { continue }
            let outer = levels.first.map { heading(record, schema: schema, level: $0) }
            let inner = levels.dropFirst().first.map { heading(record, schema: schema, level: $0) }
            if groups.isEmpty || groups[groups.count - 1].heading != outer {
                groups.append((outer, []))
            }
            let last = groups.count - 1
            if groups[last].subgroups.isEmpty || groups[last].subgroups[groups[last].subgroups.count - 1].heading != inner {
                groups[last].subgroups.append((inner, []))
            }
            groups[last].subgroups[groups[last].subgroups.count - 1].items.append(items.sharedItem(record, schema: schema))
        }
        // Item titles sit one heading level below the nearest group heading (h2 without groups).
        let itemLevel = 2 + min(levels.count, 2)
        return groups.enumerated().map { index, group in
            ["heading": group.heading ?? false, "id": "group-\(index + 1)",
             "subgroups": group.subgroups.map { sub in
                 ["heading": sub.heading ?? false, "items": TemplateValue.list(sub.items), "level": itemLevel] as [String: Any]
             }]
        }
    }

    private func heading(_ record: Record, schema: SectionSchema, level: PagedList.GroupLevel) -> String {
        switch level {
        case .section:
            return schema.title[language]
        case .field(let name):
            guard let value = record.fields[name]?.elements.first else { return "" }
            switch value {
            case .key(let key):
                guard case .key(let vocabulary) = schema.field(name)?.type.element else { return key }
                return env.site.settings.vocabularies[vocabulary]?.term(key)?.label[language] ?? key
            case .date(let day): return String(day.year)
            default: return value.description
            }
        }
    }
}
