/// Turns typed field values into what a reader sees, in the page's language: labels for keys,
/// titles and links for references, localised dates, NT$ with separators.
struct FactFormatter {
    let site: SiteModel
    let language: Language
    let strings: [String: String]

    /// `[{name, label, values: [{text, href, sep}]}]` for every declared field the record has, in schema order.
    func facts(for record: Record, schema: SectionSchema) -> [[String: Any]] {
        schema.fields.compactMap { spec in
            guard let value = record.fields[spec.name] else { return nil }
            return fact(spec: spec, value: value)
        }
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

    private func part(spec: FieldSpec, type: FieldType, value: FieldValue) -> (text: String, href: String?) {
        switch value {
        case .text(let text): return (text, nil)
        case .url(let url): return (url, url)
        case .bool(let flag): return (strings[flag ? "yes" : "no"] ?? String(flag), nil)
        case .date(let day): return (date(day), nil)
        case .int(let number): return (self.number(number, spec: spec), nil)
        case .key(let key):
            guard case .key(let vocabulary) = type, let term = site.settings.vocabularies[vocabulary]?.term(key) else { return (key, nil) }
            return (term.label[language], nil)
        case .ref(let slug):
            guard case .ref(let section) = type, let target = site.section(section),
                  let entry = target.entries.first(where: { $0.slug == slug }) else { return (slug, nil) }
            let version = entry.versions[language.code] != nil ? language : site.settings.defaultLanguage
            let record = entry.versions[version.code]!
            return (record.title, site.routes.record(target.schema, slug: slug, version))
        case .list(let items): return (items.map(\.description).joined(separator: ", "), nil)
        }
    }

    /// `2026年3月2日` / `2 March 2026`, driven by the language's `date_format` and `months` UI strings.
    func date(_ day: Day) -> String {
        let months = (strings["months"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let monthName = months.count == 12 ? months[day.month - 1] : String(day.month)
        return (strings["date_format"] ?? "{year}-{mm}-{dd}")
            .replacingOccurrences(of: "{year}", with: String(day.year))
            .replacingOccurrences(of: "{month_name}", with: monthName)
            .replacingOccurrences(of: "{month}", with: String(day.month))
            .replacingOccurrences(of: "{day}", with: String(day.day))
            .replacingOccurrences(of: "{mm}", with: day.iso.split(separator: "-")[1])
            .replacingOccurrences(of: "{dd}", with: day.iso.split(separator: "-")[2])
    }

    func number(_ number: Int, spec: FieldSpec) -> String {
        let text: String
        switch spec.format {
        case .money: text = "NT$" + Self.grouped(number)
        case .percent: text = "\(number)%"
        case .plain: text = Self.grouped(number)
        }
        guard let unit = spec.unit?[language], !unit.isEmpty else { return text }
        return text + (strings["unit_separator"] ?? " ") + unit
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
