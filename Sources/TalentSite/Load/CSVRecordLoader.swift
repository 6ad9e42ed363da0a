/// Reads a CSV-backed section (award winners): one row becomes one record per language.
struct CSVRecordLoader {
    let schema: SectionSchema
    let csv: CSVSource
    let settings: SiteSettings
    let log: DiagnosticLog

    func load(path: String, text: String) -> (records: [Record], failedSlugs: Set<String>) {
        guard let table = CSVTable.parse(text, file: path, log: log) else { return ([], []) }
        let languages = settings.languages.map(\.code)
        let expected = [csv.slugColumn] + schema.fields.map(\.name)
            + languages.compactMap { csv.titleColumns[$0] } + languages.compactMap { csv.bodyColumns[$0] }
        var column: [String: Int] = [:]
        for (index, cell) in table.header.enumerated() {
            if !expected.contains(cell.text) && !Self.optionalColumns.contains(cell.text) {
                log.error(SourceLocation(file: path, line: cell.line, column: cell.column),
                          "unknown column '\(cell.text)'\(Suggestion.phrase(for: cell.text, among: expected + Self.optionalColumns)); expected: \(expected.joined(separator: ",")) (optional: \(Self.optionalColumns.joined(separator: ",")))")
            } else if column[cell.text] != nil {
                log.error(SourceLocation(file: path, line: cell.line, column: cell.column), "duplicate column '\(cell.text)'")
            } else {
                column[cell.text] = index
            }
        }
        let missing = expected.filter { column[$0] == nil }
        if !missing.isEmpty {
            log.error(SourceLocation(file: path), "missing column\(missing.count > 1 ? "s" : "") '\(missing.joined(separator: "', '"))' in the header row")
            return ([], [])
        }
        var seen: [String: Int] = [:]
        var records: [Record] = [], failed: Set<String> = []
        records.reserveCapacity(table.rows.count * languages.count)
        let names = FieldNames(schema.fields.map(\.name))
        for (number, row) in table.rows.enumerated() {
            let loaded = loadRow(row, number: number + 1, column: column, path: path, names: names, seen: &seen)
            if loaded.isEmpty, let slug = column[csv.slugColumn].map({ row[$0].text }) { failed.insert(slug) }
            records += loaded
        }
        return (records, failed)
    }

    /// Columns every table may have: `sample` (`true` marks an example row, empty or `false` a real one).
    static let optionalColumns = [BuiltInField.sample.name]

    /// One row's records; `names` is the table of the section's fields, shared by all its rows.
    private func loadRow(_ row: [CSVTable.Cell], number: Int, column: [String: Int], path: String, names: FieldNames,
                         seen: inout [String: Int]) -> [Record] {
        func location(_ cell: CSVTable.Cell) -> SourceLocation { SourceLocation(file: path, line: cell.line, column: cell.column) }
        // The header check made sure every expected column exists; a nil here means a schema without it.
        func cell(_ name: String?) -> CSVTable.Cell? { name.flatMap { column[$0] }.map { row[$0] } }
        guard let slugCell = cell(csv.slugColumn) else { return [] }
        var ok = true
        if !Slug.isValid(slugCell.text) {
            log.error(location(slugCell), "row \(number), column '\(csv.slugColumn)': invalid slug \(FieldDecoder.quoted(slugCell.text)); use lowercase a-z, 0-9 and '-' only")
            return []
        } else if let first = seen[slugCell.text] {
            log.error(location(slugCell), "row \(number), column '\(csv.slugColumn)': slug '\(slugCell.text)' is already used by row \(first)")
            return []
        } else {
            seen[slugCell.text] = number
        }
        let decoder = FieldDecoder(vocabularies: settings.vocabularies)
        var values = RecordFields(names: names), locations = FieldLocations(names: names, file: path)
        for spec in schema.fields {
            guard let cell = cell(spec.name) else { return [] }
            locations[spec.name] = location(cell)
            if cell.text.isEmpty {
                if spec.required {
                    log.error(location(cell), "row \(number), column '\(spec.name)': a value is required")
                    ok = false
                }
                continue
            }
            let type: FieldType = if case .list(let element) = spec.type { element } else { spec.type }
            switch decoder.decode(text: cell.text, plain: true, type: type, spec: spec, at: location(cell)) {
            case .success(let value): values[spec.name] = value
            case .failure(let diagnostic):
                log.add(Diagnostic(.error, diagnostic.location, "row \(number), column \(diagnostic.message)"))
                ok = false
            }
        }
        if !FieldRule.check(schema.rules, value: { values[$0] }, location: { locations[$0] }, prefix: "row \(number), column ", log: log) { ok = false }
        var sample = false
        if let index = column[BuiltInField.sample.name] {
            let cell = row[index]
            switch cell.text {
            case "true": sample = true
            case "", "false": break
            default:
                log.error(location(cell), "row \(number), column 'sample': \(FieldDecoder.quoted(cell.text)) must be true, false or empty")
                ok = false
            }
        }
        var records: [Record] = []
        for language in settings.languages.map(\.code) {
            guard let titleColumn = csv.titleColumns[language], let titleCell = cell(titleColumn) else { return [] }
            var title = titleCell.text.trimmingCharacters(in: .whitespaces)
            if title.isEmpty {
                title = slugCell.text
                log.error(location(titleCell), "row \(number), column '\(titleColumn)': a value is required")
                ok = false
            }
            let bodyCell = cell(csv.bodyColumns[language])
            records.append(Record(
                section: schema.name, slug: slugCell.text, language: language, title: title, date: nil, summary: nil,
                draft: false, fields: values, fieldLocations: locations, body: bodyCell?.text ?? "",
                bodyStart: bodyCell.map(location) ?? location(slugCell)))
            records[records.count - 1].sample = sample
        }
        // A row with a bad cell is kept, marked incomplete, so its citation's links are checked in the same run.
        return records.map { record in var record = record; record.incomplete = !ok; return record }
    }
}
