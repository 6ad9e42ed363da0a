import Yams

/// Reads one `<slug>.<lang>.md` file into a `Record`, checking its front matter against the section schema.
struct MarkdownRecordLoader: Sendable {
    let schema: SectionSchema
    let settings: SiteSettings
    /// Where diagnostics go: `RecordCache` points a copy of the loader at each file's own log.
    var log: DiagnosticLog
    /// Worked out once per loader rather than once per file: the fields a record may have, the keys allowed in
    /// an original and in a translation, and each field's labels (`時數: 120` suggests `hours`).
    private let specs: [FieldSpec]
    /// The tables every record of the section shares: its declared fields, and every key with a position.
    private let fieldNames: FieldNames
    private let locationNames: FieldNames
    /// Per entry of `specs`: the built-in property its value becomes, or its slot in `fieldNames`; and its
    /// slot in `locationNames`.
    private let slots: [(builtIn: BuiltInField?, field: Int?, location: Int?)]
    private let allowedInOriginal: [String]
    private let allowedInTranslation: [String]
    private let labels: [String: String]
    private let languageCodes: [String]
    /// False reads every front matter with Yams: for tests that hold the flat reader to Yams' results.
    var readsFlatFrontMatter = true

    init(schema: SectionSchema, settings: SiteSettings, log: DiagnosticLog) {
        self.schema = schema; self.settings = settings; self.log = log
        let specs = Self.builtInSpecs + schema.fields
        self.specs = specs
        fieldNames = FieldNames(schema.fields.map(\.name).filter { BuiltInField(rawValue: $0) == nil })
        locationNames = FieldNames(specs.map(\.name) + [TranslationFingerprint.key])
        slots = specs.map { [fieldNames, locationNames] spec in
            (BuiltInField(rawValue: spec.name), fieldNames.slot(of: spec.name), locationNames.slot(of: spec.name))
        }
        allowedInOriginal = specs.map(\.name)
        allowedInTranslation = allowedInOriginal + [TranslationFingerprint.key]
        var labels: [String: String] = [:]
        for spec in schema.fields { for label in spec.label.values.values.sorted() { labels[label] = labels[label] ?? spec.name } }
        self.labels = labels
        languageCodes = settings.languages.map(\.code)
    }

    /// Splits `name.zh-TW.md` into slug and language code, or explains what is wrong with the name.
    static func parseFileName(_ fileName: String, languages: [String]) -> Result<(slug: String, language: String), FileNameProblem> {
        guard fileName.hasSuffix(".md") else { return .failure(FileNameProblem(message: "not a Markdown file")) }
        let stem = fileName.dropLast(3)
        guard let dot = stem.lastIndex(of: ".") else {
            return .failure(FileNameProblem(message: "file name must be <slug>.<language>.md, with language one of: \(languages.joined(separator: ", "))"))
        }
        let slug = String(stem[..<dot]), language = String(stem[stem.index(after: dot)...])
        guard languages.contains(language) else {
            return .failure(FileNameProblem(message: "unknown language '\(language)' in file name; expected one of: \(languages.joined(separator: ", "))"))
        }
        guard Slug.isValid(slug) else {
            return .failure(FileNameProblem(message: "invalid slug '\(slug)': use lowercase a-z, 0-9 and '-' only"))
        }
        return .success((slug, language))
    }

    /// The record, marked `incomplete` when a field failed; nil when the file cannot be read as a record at all.
    func load(path: String, text: String) -> Record? {
        let fileName = String(path.split(separator: "/").last ?? "")
        let name: (slug: String, language: String)
        switch Self.parseFileName(fileName, languages: languageCodes) {
        case .success(let parsed): name = parsed
        case .failure(let problem): log.error(SourceLocation(file: path), problem.message); return nil
        }
        let split: FrontMatterFile
        switch FrontMatterFile.split(text, file: path) {
        case .success(let file): split = file
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        let source = YAMLSource(file: path, lineOffset: split.yamlLineOffset)
        let bodyStart = SourceLocation(file: path, line: split.bodyFirstLine)
        // Flat front matter (nearly all of it) is read without Yams; anything else, and every error, by Yams.
        if readsFlatFrontMatter, let node = FlatYAMLReader.read(split.yaml) {
            guard let mapping = YAMLMapping(node, source: source, what: "front matter", log: log) else { return nil }
            return decode(mapping, slug: name.slug, language: name.language, path: path, bodyStart: bodyStart, body: split.body)
        }
        let node: Node?
        switch source.parse(String(split.yaml)) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        guard let node else {
            log.error(SourceLocation(file: path), "front matter is empty: 'title' and 'date' are required")
            return nil
        }
        guard let mapping = YAMLMapping(node, source: source, what: "front matter", log: log) else { return nil }
        return decode(mapping, slug: name.slug, language: name.language, path: path, bodyStart: bodyStart, body: split.body)
    }

    private func decode<Node: YAMLNodeView>(_ mapping: YAMLMapping<Node>, slug: String, language: String, path: String,
                        bodyStart: SourceLocation, body: String) -> Record {
        let decoder = FieldDecoder(vocabularies: settings.vocabularies)
        let isOriginal = language == settings.defaultLanguage.code
        let misspelt = mapping.rejectUnknownKeys(allowed: isOriginal ? allowedInOriginal : allowedInTranslation,
                                  in: "front matter of section '\(schema.name)'", aliases: labels, log: log)
        let translatedFrom = isOriginal ? nil : TranslationFingerprint.read(mapping, log: log)
        var builtIn = BuiltInValues()
        var fields = RecordFields(names: fieldNames)
        var locations = FieldLocations(names: locationNames, file: path)
        var failed = false
        for (spec, slot) in zip(specs, slots) {
            guard let entry = mapping.entries.first(where: { $0.key == spec.name }), !entry.value.isNull else {
                if spec.required {
                    // `hour:` for `hours:` is one mistake, already reported with its "did you mean".
                    if !misspelt.contains(spec.name) {
                        log.error(SourceLocation(file: path), "missing required field '\(spec.name)' (\(spec.type))")
                    }
                    failed = true
                }
                continue
            }
            // `draft` is named by its key: "that course is a draft (file:2:1)" points at the line to change.
            if let at = slot.location {
                locations[slot: at] = mapping.source.location(of: spec.name == BuiltInField.draft.name ? entry.keyNode : entry.value)
            }
            switch decoder.decode(entry.value, as: spec, in: mapping.source) {
            case .success(let value):
                if let field = slot.builtIn { builtIn[field] = value } else if let at = slot.field { fields[slot: at] = value }
            case .failure(let diagnostic): log.add(diagnostic); failed = true
            }
        }
        // A rule may name `date`, a built-in field.
        let ruleChecked = FieldRule.check(schema.rules, value: { name in
            if let field = BuiltInField(rawValue: name) { return builtIn[field] }
            return fields[name]
        }, location: { locations[$0] }, log: log)
        if !ruleChecked { failed = true }
        // A record with a field error is kept, marked incomplete, so its links and references are checked too.
        var title = slug
        if case .text(let text)? = builtIn[.title] { title = text }
        var summary: String?
        if case .text(let text)? = builtIn[.summary] { summary = text }
        let date = builtIn[.date]?.day
        let draft = builtIn[.draft] == .bool(true)
        let sample = builtIn[.sample] == .bool(true)
        if sample { locations[BuiltInField.sample.name] = mapping.location(of: BuiltInField.sample.name) }
        if translatedFrom != nil { locations[TranslationFingerprint.key] = mapping.location(of: TranslationFingerprint.key) }
        var record = Record(section: schema.name, slug: slug, language: language, title: title, date: date,
                            summary: summary, draft: draft, fields: fields, fieldLocations: locations,
                            body: body, bodyStart: bodyStart)
        record.translatedFrom = translatedFrom
        record.incomplete = failed
        record.sample = sample
        return record
    }

    /// `title`, `date`, `summary`, `draft`, `sample`: on every page, declared once in `BuiltInField`.
    static let builtInSpecs: [FieldSpec] = BuiltInField.allCases.map(\.spec)
}

/// The built-in fields' values while a front matter is read, before they become the record's properties.
private struct BuiltInValues {
    private var values: (title: FieldValue?, date: FieldValue?, summary: FieldValue?, draft: FieldValue?, sample: FieldValue?)
        = (nil, nil, nil, nil, nil)

    subscript(field: BuiltInField) -> FieldValue? {
        get {
            switch field {
            case .title: return values.title
            case .date: return values.date
            case .summary: return values.summary
            case .draft: return values.draft
            case .sample: return values.sample
            }
        }
        set {
            switch field {
            case .title: values.title = newValue
            case .date: values.date = newValue
            case .summary: values.summary = newValue
            case .draft: values.draft = newValue
            case .sample: values.sample = newValue
            }
        }
    }
}

/// Why a Markdown file name is not `<slug>.<language>.md`.
struct FileNameProblem: Error {
    let message: String
}
