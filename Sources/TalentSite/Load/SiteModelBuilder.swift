/// Turns loaded records into a `SiteModel`: pairs translations, checks they agree, resolves references,
/// and orders each section. Every problem is logged; nothing is dropped without a diagnostic.
public struct SiteModelBuilder {
    public var includeDrafts: Bool
    public var buildDay: Day?
    let log: DiagnosticLog

    public init(includeDrafts: Bool, buildDay: Day?, log: DiagnosticLog) {
        self.includeDrafts = includeDrafts; self.buildDay = buildDay; self.log = log
    }

    public func build(_ content: LoadedContent) -> SiteModel {
        let settings = content.settings
        let defaultCode = settings.defaultLanguage.code
        var grouped: [String: [String: [String: Record]]] = [:]  // section → slug → language → record
        for record in content.records {
            if let existing = grouped[record.section]?[record.slug]?[record.language] {
                log.error(SourceLocation(file: record.file), "duplicate record '\(record.slug)' in \(record.language); also in \(existing.file)")
                continue
            }
            grouped[record.section, default: [:]][record.slug, default: [:]][record.language] = record
        }
        let routes = Routes(languages: settings.languages)
        var unwritten = UnwrittenPages(languages: settings.languages)
        for id in content.failed.sorted() { unwritten.addFailed(id, schemas: content.schemas, routes: routes) }
        var sections: [SiteModel.Section] = []
        for schema in content.schemas {
            var entries: [Entry] = []
            for (slug, versions) in (grouped[schema.name] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let original = versions[defaultCode] else {
                    if content.failed.contains("\(schema.name)/\(slug)") { continue }  // its error is already reported
                    for record in versions.values.sorted(by: { $0.file < $1.file }) {
                        log.error(SourceLocation(file: record.file),
                                  "no \(defaultCode) version: every record must exist in \(defaultCode) (expected \(expectedPath(record, defaultCode)))")
                    }
                    continue
                }
                if original.draft && !includeDrafts {
                    unwritten.addDraft(versions, schema: schema, routes: routes, defaultCode: defaultCode)
                    continue
                }
                if slug == "past" && schema.listing.lifecycle != nil {
                    log.error(SourceLocation(file: original.file),
                              "the slug 'past' is reserved in section '\(schema.name)': its past-courses archive lives at /\(schema.name)/past/; rename the file")
                    continue
                }
                for language in settings.languages.dropFirst() where versions[language.code] == nil {
                    log.warning(SourceLocation(file: original.file),
                                "missing \(language.code) translation (expected \(expectedPath(original, language.code)))")
                }
                for (code, translation) in versions where code != defaultCode {
                    TranslationCheck(schema: schema, log: log).compare(original, translation)
                    if !original.incomplete && !translation.incomplete {
                        StaleTranslationCheck(schema: schema, log: log).check(original, translation)
                    }
                }
                entries.append(Entry(section: schema.name, slug: slug, versions: versions))
            }
            sections.append(SiteModel.Section(schema: schema, entries: EntryOrdering(schema: schema, language: defaultCode, buildDay: buildDay,
                                                                                      vocabularies: settings.vocabularies).sorted(entries)))
        }
        var model = SiteModel(settings: settings, sections: settings.inMenuOrder(sections), buildDay: buildDay)
        model.unwritten = unwritten
        ReferenceCheck(model: model, log: log).run(failed: content.failed)
        ExampleDomainCheck(model: model, log: log).run()
        return model
    }

    private func expectedPath(_ record: Record, _ language: String) -> String {
        if record.file.hasSuffix(".md") {
            return record.file.replacingOccurrences(of: ".\(record.language).md", with: ".\(language).md")
        }
        return record.file
    }
}

/// A translation must agree with its original on every non-text field: only words are translated.
struct TranslationCheck {
    let schema: SectionSchema
    let log: DiagnosticLog

    func compare(_ original: Record, _ translation: Record) {
        var mismatches: [(String, String, String)] = []
        // A field that failed to load in either file has its own error; comparing it would only repeat it.
        func failed(mineMissing: Bool, theirsMissing: Bool) -> Bool {
            (mineMissing && translation.incomplete) || (theirsMissing && original.incomplete)
        }
        let builtIn = BuiltInField.allCases.filter { !$0.isTranslatable }.map(\.name)
        for name in builtIn + schema.fields.filter({ !$0.type.isTranslatable }).map(\.name) {
            let mine = translation.value(of: name), theirs = original.value(of: name)
            if mine != theirs && !failed(mineMissing: mine == nil, theirsMissing: theirs == nil) {
                mismatches.append((name, mine?.description ?? "missing", theirs?.description ?? "missing"))
            }
        }
        for (field, mine, theirs) in mismatches {
            log.error(translation.location(of: field),
                      "'\(field)' is \(mine) here but \(theirs) in \(original.location(of: field)); translations must agree on every non-text field")
        }
    }
}
