/// A section as a table for data users: one row per record in one language, columns in a fixed order —
/// `slug`, `title`, `url`, `date`, `summary`, then every declared field in schema order, with a
/// `<field>_label` column after each vocabulary field (the key for machines, the label for people), and for
/// sections with a lifecycle `status` and `status_label` on the build day (`open`, `closed`, `in-progress`, `ended`).
struct OpenDataTable {
    /// What a column holds, so the catalogue can describe every column of the file in the file's order.
    enum Kind {
        case slug, title, url, date, summary, sample
        /// A declared field's value (keys for vocabulary fields), and a vocabulary field's labels.
        case field(FieldSpec), label(FieldSpec)
        /// The record's status on the build day, as a key and as a label.
        case status, statusLabel
    }

    struct Column {
        var name: String
        var kind: Kind
    }

    let columns: [Column]
    let rows: [[JSONValue]]

    /// The columns of a section's files, in file order; the same for every language.
    static func columns(of schema: SectionSchema, site: SiteModel) -> [Column] {
        var columns = [Column(name: "slug", kind: .slug), Column(name: BuiltInField.title.name, kind: .title),
                       Column(name: "url", kind: .url), Column(name: BuiltInField.date.name, kind: .date),
                       Column(name: BuiltInField.summary.name, kind: .summary)]
        for field in schema.fields {
            columns.append(Column(name: field.name, kind: .field(field)))
            if case .key(let name) = field.type.element, site.settings.vocabularies[name] != nil {
                columns.append(Column(name: field.name + "_label", kind: .label(field)))
            }
        }
        if schema.listing.lifecycle != nil {
            columns.append(Column(name: "status", kind: .status))
            columns.append(Column(name: "status_label", kind: .statusLabel))
        }
        // Last, so the columns data users already read keep their positions: true for an example record.
        columns.append(Column(name: BuiltInField.sample.name, kind: .sample))
        return columns
    }

    init(section: SiteModel.Section, language: Language, env: RenderEnvironment) {
        let columns = Self.columns(of: section.schema, site: env.site)
        let values = columns.map { Self.value($0.kind, schema: section.schema, language: language, env: env) }
        self.columns = columns
        rows = section.entries.compactMap { entry in
            entry.versions[language.code].map { record in values.map { $0(record) } }
        }
    }

    private static func value(_ kind: Kind, schema: SectionSchema, language: Language,
                              env: RenderEnvironment) -> (Record) -> JSONValue {
        let site = env.site
        switch kind {
        case .slug: return { .string($0.slug) }
        case .title: return { .string($0.title) }
        case .url: return { .string(site.settings.absoluteURL(site.routes.record(schema, slug: $0.slug, language))) }
        case .date: return { BuiltInField.date.value(of: $0).map { JSONValue($0) } ?? .null }
        case .summary: return { env.summaries.summary(of: $0).map(JSONValue.string) ?? .null }
        case .sample: return { BuiltInField.sample.value(of: $0).map { JSONValue($0) } ?? .null }
        case .field(let field):
            return { record in
                guard let value = record.fields[field.name] else { return .null }
                return JSONValue(value)
            }
        case .label(let field):
            guard case .key(let name) = field.type.element, let vocabulary = site.settings.vocabularies[name] else { return { _ in .null } }
            return { record in
                guard let value = record.fields[field.name] else { return .null }
                let labels = value.elements.map { element -> JSONValue in
                    guard case .key(let key) = element else { return .null }
                    return vocabulary.term(key).map { .string($0.label[language]) } ?? .string(key)
                }
                if case .list = value { return .array(labels) }
                return labels.first ?? .null
            }
        case .status:
            return { record in record.status(in: schema.listing, on: site.buildDay).map { .string($0.key) } ?? .null }
        case .statusLabel:
            let strings = env.theme.strings[language.code] ?? [:]
            return { record in
                record.status(in: schema.listing, on: site.buildDay).map { .string(strings[$0.stringKey] ?? $0.key) } ?? .null
            }
        }
    }

    var json: [UInt8] {
        var out = Array("[\n".utf8)
        for (index, row) in rows.enumerated() {
            if index > 0 { out.append(contentsOf: ",\n".utf8) }
            JSONValue.object(zip(columns, row).map { ($0.name, $1) }).write(to: &out)
        }
        out.append(contentsOf: "\n]\n".utf8)
        return out
    }

    /// RFC 4180 CSV: UTF-8 with a byte-order mark (so spreadsheets show Chinese correctly), CRLF line
    /// ends, lists joined with `; `, empty cells for missing values.
    var csv: [UInt8] {
        var lines = [columns.map { Self.cell($0.name) }.joined(separator: ",")]
        for row in rows {
            lines.append(row.map { Self.cell(Self.text($0)) }.joined(separator: ","))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static let listSeparator = "; "

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .object: return ""
        case .array(let items): return items.map(text).joined(separator: listSeparator)
        }
    }

    static func cell(_ text: String) -> String {
        // Most cells hold none of these bytes, and so none of these characters: no need to walk their characters.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }),
              text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
