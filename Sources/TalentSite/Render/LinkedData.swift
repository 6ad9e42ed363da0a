/// schema.org JSON-LD for a page: the section's declared description of its records (Course,
/// EducationalOccupationalCredential, Organization with award…), breadcrumbs, and WebSite on the home page.
struct LinkedData {
    let env: RenderEnvironment
    let language: Language

    private var site: SiteModel { env.site }
    private func absolute(_ path: String) -> String { site.settings.absoluteURL(path) }

    /// The JSON texts of the page's `<script type="application/ld+json">` elements.
    func scripts(record: Record, schema: SectionSchema, path: String, isHome: Bool) -> [String] {
        var scripts: [JSONValue] = []
        if isHome {
            scripts.append(.object([("@context", .string("https://schema.org")), ("@type", .string("WebSite")),
                                    ("name", .string(language.siteTitle)), ("url", .string(absolute(path))),
                                    ("inLanguage", .string(language.htmlLang))]))
        } else {
            if let template = schema.linkedData,
               case .object(var members)? = value(template, record: record, schema: schema, path: path) {
                members.insert(("@context", .string("https://schema.org")), at: 0)
                scripts.append(.object(members))
            }
            scripts.append(breadcrumbs(record: record, schema: schema, path: path))
        }
        return scripts.map(\.serialized)
    }

    private func breadcrumbs(record: Record, schema: SectionSchema, path: String) -> JSONValue {
        let strings = env.theme.strings[language.code] ?? [:]
        var trail: [(String, String)] = [(strings["home"] ?? language.siteTitle, language.homePath)]
        if !schema.atSiteRoot && schema.hasListPage { trail.append((schema.title[language], site.routes.list(schema, language))) }
        trail.append((record.title, path))
        let items: [JSONValue] = trail.enumerated().map { index, step in
            .object([("@type", .string("ListItem")), ("position", .number(index + 1)),
                     ("name", .string(step.0)), ("item", .string(absolute(step.1)))])
        }
        return .object([("@context", .string("https://schema.org")), ("@type", .string("BreadcrumbList")),
                        ("itemListElement", .array(items))])
    }

    /// Evaluates a template; nil when a value it needs is missing, so the key holding it is left out.
    private func value(_ template: LinkedDataTemplate, record: Record, schema: SectionSchema, path: String) -> JSONValue? {
        switch template {
        case .object(let members):
            var values: [(String, JSONValue)] = []
            var hasFieldValue = false
            for member in members {
                guard let value = value(member.value, record: record, schema: schema, path: path) else { continue }
                values.append((member.key, value))
                hasFieldValue = hasFieldValue || !member.value.fieldNames.isEmpty
            }
            // An object that reads fields but got none of them (an Offer without price or link) says
            // nothing about this record: leave it out. Purely literal objects stay.
            return hasFieldValue || template.fieldNames.isEmpty ? .object(values) : nil
        case .list(let items):
            let values = items.compactMap { value($0, record: record, schema: schema, path: path) }
            return values.isEmpty ? nil : .array(values)
        case .field(let name):
            return field(name, record: record, schema: schema, path: path)
        case .text(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .literal(let literal): text += literal
                case .field(let name):
                    guard let value = field(name, record: record, schema: schema, path: path) else { return nil }
                    text += Self.text(of: value)
                }
            }
            return .string(text)
        }
    }

    private func field(_ name: String, record: Record, schema: SectionSchema, path: String) -> JSONValue? {
        if let builtIn = BuiltInField(rawValue: name) {
            switch builtIn {
            case .title, .date: return builtIn.value(of: record).map { .string($0.description) }
            case .summary: return env.summaries.summary(of: record).map { .string($0) }  // the first paragraph when none is written
            case .draft, .sample: return nil  // not offered to json_ld (LinkedDataTemplate.builtIns)
            }
        }
        switch name {
        case "url": return .string(absolute(path))
        case "section": return .string(schema.title[language])
        case "site": return .string(language.siteTitle)
        case "language": return .string(language.htmlLang)
        default:
            guard let spec = schema.field(name), let value = record.fields[name] else { return nil }
            if case .list(let items) = value { return .array(items.compactMap { scalar($0, spec: spec) }) }
            return scalar(value, spec: spec)
        }
    }

    private func scalar(_ value: FieldValue, spec: FieldSpec) -> JSONValue? {
        JSONValue(value) { named in
            FactFormatter(env: env, language: language).text(spec: spec, value: named)
        }
    }

    private static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .array(let items): return items.map(text(of:)).joined(separator: ", ")
        case .object, .null: return ""
        }
    }
}
