/// Turns typed field values into what a reader sees, in the page's language: labels for keys,
/// titles and links for references, localised dates, NT$ with separators.
struct FactFormatter {
    let site: SiteModel
    let language: Language
    let strings: [String: String]
    /// Finds referenced records without scanning their section; without it (tests), they are searched for.
    var records: RecordIndex? = nil

    /// `[{name, label, values: [{text, href, sep}]}]` for every declared field the record has, in schema order,
    /// of those `include` accepts (a card's: the fields shown in lists).
    /// Fields shown only while a record is open (an apply link) are left out once it is over.
    func facts(for record: Record, schema: SectionSchema, include: (FieldSpec) -> Bool = { _ in true }) -> [[String: Any]] {
        shown(record, schema: schema, include: include).map { fact(spec: $0.spec, value: $0.value) }
    }

    func fact(spec: FieldSpec, value: FieldValue) -> [String: Any] {
        let parts = value.elements.map { part(spec: spec, type: spec.type.element, value: $0) }
        let separator = strings["list_separator"] ?? ", "
        let values: [[String: Any]] = parts.enumerated().map { index, part in
            // Every key is set, even when empty: Mustache would otherwise find the same key in an outer context.
            ["text": part.text, "href": part.href ?? false, "sep": index < parts.count - 1 ? separator : ""]
        }
        return ["name": spec.name, "label": spec.label[language], "values": values,
                "text": parts.map(\.text).joined(separator: separator)]
    }

    /// `facts(for:schema:include:)` as template values, with each fact's name: what pages render, built without
    /// the dictionaries and their conversion.
    func factValues(for record: Record, schema: SectionSchema, include: (FieldSpec) -> Bool = { _ in true })
        -> [(name: String, value: TemplateValue)] {
        shown(record, schema: schema, include: include).map { ($0.spec.name, factValue(spec: $0.spec, value: $0.value)) }
    }

    /// The declared fields the record has, in schema order, that `include` accepts, without those shown only
    /// while a record is open once it is over: the one rule of which facts a page or card shows.
    private func shown(_ record: Record, schema: SectionSchema, include: (FieldSpec) -> Bool) -> [(spec: FieldSpec, value: FieldValue)] {
        let open = record.isOpen(in: schema.listing, on: site.buildDay)
        return schema.fields.compactMap { spec in
            guard let value = record.fields[spec.name], open || !spec.onlyWhileOpen, include(spec) else { return nil }
            return (spec, value)
        }
    }

    /// `fact(spec:value:)` as a template value.
    func factValue(spec: FieldSpec, value: FieldValue) -> TemplateValue {
        Self.value(of: factText(spec: spec, value: value))
    }

    /// A fact's words and links in one language, without its template objects: small enough for every card
    /// to keep, while the objects are made again from it when they are needed.
    struct FactText: Sendable {
        var name: String
        var label: String
        var parts: [(text: String, href: String?)]
        var separator: String
    }

    /// `factValues(for:schema:include:)` as `FactText`s.
    func factTexts(for record: Record, schema: SectionSchema, include: (FieldSpec) -> Bool) -> [FactText] {
        shown(record, schema: schema, include: include).map { factText(spec: $0.spec, value: $0.value) }
    }

    func factText(spec: FieldSpec, value: FieldValue) -> FactText {
        FactText(name: spec.name, label: spec.label[language],
                 parts: value.elements.map { part(spec: spec, type: spec.type.element, value: $0) },
                 separator: strings["list_separator"] ?? ", ")
    }

    /// `{name, label, values: [{text, href, sep}], text}`.
    static func value(of fact: FactText) -> TemplateValue {
        let parts = fact.parts
        let values: [TemplateValue] = parts.indices.map { index in
            .object(TemplateObject(pairs: ["text": .text(parts[index].text), "href": parts[index].href.map(TemplateValue.text) ?? .bool(false),
                                           "sep": .text(index < parts.count - 1 ? fact.separator : "")]))
        }
        return .object(TemplateObject(pairs: ["name": .text(fact.name), "label": .text(fact.label), "values": .list(values),
                                              "text": .text(parts.map(\.text).joined(separator: fact.separator))]))
    }

    /// What `fact(spec:value:)` gives as `text` (the values joined with the list separator), without the rest.
    func text(spec: FieldSpec, value: FieldValue) -> String {
        let separator = strings["list_separator"] ?? ", "
        return value.elements.map { part(spec: spec, type: spec.type.element, value: $0).text }.joined(separator: separator)
    }

    private func part(spec: FieldSpec, type: FieldType, value: FieldValue) -> (text: String, href: String?) {
        switch value {
        case .text(let text): return (text, nil)
        case .url(let url): return (url, url)
        case .bool(let flag): return (strings[flag ? "yes" : "no"] ?? String(flag), nil)
        case .date(let day): return (date(day), nil)
        case .int(let number): return (self.number(number, spec: spec), nil)
        case .key(let key):
            guard case .key(let name) = type, let vocabulary = site.settings.vocabularies[name],
                  let term = vocabulary.term(key) else { return (key, nil) }
            // Taxonomy terms link to their page, so a reader can go from one course to all like it.
            return (term.label[language], vocabulary.isTaxonomy ? site.routes.term(name, key, language) : nil)
        case .ref(let slug):
            guard case .ref(let section) = type, let target = site.section(section),
                  let entry = records.map({ $0.entry(section: section, slug: slug) }) ?? target.entries.first(where: { $0.slug == slug })
            else { return (slug, nil) }
            let version = entry.versions[language.code] != nil ? language : site.settings.defaultLanguage
            let record = entry.versions[version.code]!
            return (record.title, site.routes.record(target.schema, slug: slug, version))
        case .list(let items): return (items.map(\.description).joined(separator: ", "), nil)
        }
    }

    /// `2026年3月2日` / `2 March 2026`, driven by the language's `date_format` and `months` UI strings.
    /// Placeholders: `{year}`, `{month}`, `{month_name}`, `{day}`, `{mm}`, `{dd}`.
    func date(_ day: Day) -> String {
        let format = strings["date_format"] ?? "{year}-{mm}-{dd}"
        var out = ""
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            switch rest[rest.index(after: open)..<close] {
            case "year": out += String(day.year)
            case "month": out += String(day.month)
            case "month_name": out += monthName(day.month)
            case "day": out += String(day.day)
            case "mm": out += day.month < 10 ? "0\(day.month)" : String(day.month)
            case "dd": out += day.day < 10 ? "0\(day.day)" : String(day.day)
            default: out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private func monthName(_ month: Int) -> String {
        var index = 1
        for name in (strings["months"] ?? "").split(separator: ",") {
            if index == month { return Self.trimmingSpaces(name) }
            index += 1
        }
        return String(month)
    }

    /// `name` without the spaces and tabs around it (what `trimmingCharacters(in: .whitespaces)` removes:
    /// tab and the space separators), without going through Foundation for every date on every page.
    static func trimmingSpaces(_ name: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = name.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    func number(_ number: Int, spec: FieldSpec) -> String {
        let text = Self.number(number, format: spec.format)
        guard let unit = spec.unit?[language], !unit.isEmpty else { return text }
        return text + (strings["unit_separator"] ?? " ") + unit
    }

    /// The digits of `number` in `format`, without a unit.
    static func number(_ number: Int, format: NumberFormat) -> String {
        switch format {
        case .money: return "NT$" + grouped(number)
        case .percent: return "\(number)%"
        case .grouped: return grouped(number)
        case .plain: return String(number)
        }
    }

    /// 12000 → 12,000 (both languages use the comma for thousands).
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (number < 0 ? "-" : "") + out
    }
}

extension FactFormatter {
    /// The formatter of pages in `language`: its UI strings, and the build's index of records to find references.
    init(env: RenderEnvironment, language: Language) {
        self.init(site: env.site, language: language, strings: env.theme.strings[language.code] ?? [:], records: env.records)
    }
}
