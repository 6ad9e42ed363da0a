/// A section as a table for data users: one row per record in one language, columns in a fixed order —
/// `slug`, `title`, `url`, `date`, `summary`, then every declared field in schema order, with a
/// `<field>_label` column after each vocabulary field (the key for machines, the label for people), and for
/// sections with a lifecycle `status` and `status_label` on the build day (`open`, `closed`, `in-progress`, `ended`).
struct OpenDataTable {
    struct Column {
        var name: String
        var value: (Record) -> JSONValue
    }

    let columns: [Column]
    let rows: [[JSONValue]]

    init(section: SiteModel.Section, language: Language, env: RenderEnvironment) {
        let site = env.site
        let schema = section.schema
        let absolute = site.settings.absoluteURL
        var columns: [Column] = [
            Column(name: "slug") { .string($0.slug) },
            Column(name: BuiltInField.title.name) { .string($0.title) },
            Column(name: "url") { .string(absolute(site.routes.record(schema, slug: $0.slug, language))) },
            Column(name: BuiltInField.date.name) { BuiltInField.date.value(of: $0).map { JSONValue($0) } ?? .null },
            Column(name: BuiltInField.summary.name) { env.summaries.summary(of: $0).map(JSONValue.string) ?? .null },
        ]
        for field in schema.fields {
            columns.append(Column(name: field.name) { record in
                guard let value = record.fields[field.name] else { return .null }
                return JSONValue(value)
            })
            if case .key(let name) = field.type.element, let vocabulary = site.settings.vocabularies[name] {
                columns.append(Column(name: field.name + "_label") { record in
                    guard let value = record.fields[field.name] else { return .null }
                    let labels = value.elements.map { element -> JSONValue in
                        guard case .key(let key) = element else { return .null }
                        return vocabulary.term(key).map { .string($0.label[language]) } ?? .string(key)
                    }
                    if case .list = value { return .array(labels) }
                    return labels.first ?? .null
                })
            }
        }
        if schema.listing.lifecycle != nil {
            let strings = env.theme.strings[language.code] ?? [:]
            columns.append(Column(name: "status") { record in
                record.status(in: schema.listing, on: site.buildDay).map { .string($0.key) } ?? .null
            })
            columns.append(Column(name: "status_label") { record in
                record.status(in: schema.listing, on: site.buildDay).map { .string(strings[$0.stringKey] ?? $0.key) } ?? .null
            })
        }
        // Last, so the columns data users already read keep their positions: true for an example record.
        columns.append(Column(name: BuiltInField.sample.name) { BuiltInField.sample.value(of: $0).map { JSONValue($0) } ?? .null })
        self.columns = columns
        rows = section.entries.compactMap { entry in
            entry.versions[language.code].map { record in columns.map { $0.value(record) } }
        }
    }

    var json: [UInt8] {
        let objects = rows.map { row in JSONValue.object(zip(columns, row).map { ($0.name, $1) }) }
        return Array(("[\n" + objects.map(\.serialized).joined(separator: ",\n") + "\n]\n").utf8)
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

    private static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
