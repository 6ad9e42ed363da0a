/// Everything read from `content/`, before cross-checks: the first stage's output.
public struct LoadedContent: Sendable {
    public var settings: SiteSettings
    /// Sections in folder-name order.
    public var schemas: [SectionSchema]
    public var records: [Record]
    /// `section/slug` of records that exist but failed to load: later stages do not report them again
    /// as missing (a reference to them, a translation without its original). `section/*` when the whole
    /// section failed (its `_section.yaml`).
    public var failed: Set<String> = []
}

/// Walks `content/`: site settings, then each section folder with its `_section.yaml` and records.
public struct ContentLoader: Sendable {
    let tree: SourceTree
    let log: DiagnosticLog
    /// Records parsed by an earlier load, reused when their file is unchanged (`serve` rebuilds).
    var cache: RecordCache?

    public init(tree: SourceTree, log: DiagnosticLog) { self.tree = tree; self.log = log }

    init(tree: SourceTree, log: DiagnosticLog, cache: RecordCache?) { self.tree = tree; self.log = log; self.cache = cache }

    /// Sections are read one after the other (schemas, file names, CSV tables: little work), then the
    /// Markdown records of every section are parsed in one parallel pass, so a small section does not wait for
    /// a large one and all cores stay busy to the end. Records keep the order of a sequential load (sections
    /// in folder-name order, files in path order), and diagnostics are sorted by `DiagnosticLog`, so the result
    /// and the error order do not depend on which thread finished first.
    public func load() -> LoadedContent? {
        guard let listing = ContentListing.read(tree, log: log), !listing.settingsIsLink,
              let settings = SettingsLoader(tree: tree, log: log).load() else { return nil }
        let bySection = listing.sections
        var schemas: [SectionSchema] = []
        var failed: Set<String> = []
        /// Per section in order: its CSV records, or the Markdown files to parse.
        var planned: [(schema: SectionSchema, csv: [Record], markdown: [String])] = []
        for section in bySection.keys.sorted() {
            let paths = bySection[section] ?? []
            guard paths.contains("content/\(section)/\(SchemaLoader.fileName)") else {
                let sections = bySection.filter { $0.value.contains("content/\($0.key)/\(SchemaLoader.fileName)") }.keys.sorted()
                log.error(SourceLocation(file: paths.first ?? "content/\(section)"),
                          "folder content/\(section)/ has no \(SchemaLoader.fileName) declaring its fields; add one or move the file"
                          + (Suggestion.closest(to: section, among: sections).map { " (did you mean content/\($0)/?)" } ?? ""))
                failed.insert("\(section)/*")
                continue
            }
            if !Slug.isValid(section) {
                log.error(SourceLocation(file: "content/\(section)/\(SchemaLoader.fileName)"),
                          "section folder name '\(section)' must be a slug (lowercase a-z, 0-9 and '-')")
            }
            guard let schema = SchemaLoader(tree: tree, settings: settings, log: log).load(section: section) else {
                failed.insert("\(section)/*")
                continue
            }
            schemas.append(schema)
            let files = paths.filter { !$0.hasSuffix("/\(SchemaLoader.fileName)") }
            switch schema.source {
            case .csv(let csv):
                let loaded = loadTable(of: schema, csv: csv, paths: files, settings: settings)
                planned.append((schema, loaded.records, []))
                failed.formUnion(loaded.failedSlugs.map { "\(section)/\($0)" })
            case .markdown:
                planned.append((schema, [], markdownPaths(of: schema, paths: files, settings: settings)))
            }
        }
        let jobs = planned.flatMap { plan in
            let loader = MarkdownRecordLoader(schema: plan.schema, settings: settings, log: log)
            return plan.markdown.map { (loader: loader, path: $0) }
        }
        let parsed = jobs.parallelMap { job in loadRecord(job.path, loader: job.loader) }
        var records: [Record] = []
        // At its final size at once: grown by doubling, the array of 40,000 records ends up to twice that.
        records.reserveCapacity(planned.reduce(0) { $0 + $1.csv.count + $1.markdown.count })
        var next = 0
        for plan in planned {
            records += plan.csv
            for path in plan.markdown {
                defer { next += 1 }
                if let record = parsed[next] { records.append(record); continue }
                let name = String(path.split(separator: "/").last ?? "")
                if case .success(let file) = MarkdownRecordLoader.parseFileName(name, languages: settings.languages.map(\.code)) {
                    failed.insert("\(plan.schema.name)/\(file.slug)")
                }
            }
        }
        return LoadedContent(settings: settings, schemas: schemas, records: records, failed: failed)
    }

    private func loadTable(of schema: SectionSchema, csv: CSVSource, paths: [String],
                           settings: SiteSettings) -> (records: [Record], failedSlugs: Set<String>) {
        let dataPath = "content/\(schema.name)/\(csv.file)"
        for path in paths where path != dataPath {
            log.warning(SourceLocation(file: path), "ignored: section '\(schema.name)' reads only \(csv.file)")
        }
        guard paths.contains(dataPath) else {
            log.error(schema.location, "data file \(dataPath) does not exist")
            return ([], [])
        }
        switch tree.text(of: dataPath) {
        case .success(let text):
            return CSVRecordLoader(schema: schema, csv: csv, settings: settings, log: log).load(path: dataPath, text: text)
        case .failure(let diagnostic):
            log.add(diagnostic)
            return ([], [])
        }
    }

    /// The section's `.md` files; any other file is reported.
    private func markdownPaths(of schema: SectionSchema, paths: [String], settings: SiteSettings) -> [String] {
        paths.filter { path in
            if path.hasSuffix(".md") { return true }
            if ContentListing.isMarkdownName(path) {
                log.error(SourceLocation(file: path), "file name must be <slug>.<language>.md, with '.md' in lowercase")
                return false
            }
            log.warning(SourceLocation(file: path), "ignored: section '\(schema.name)' reads only \(SchemaLoader.fileName) and"
                        + " <slug>.<language>.md files, with language one of: \(settings.languages.map(\.code).joined(separator: ", "))")
            return false
        }
    }

    private func loadRecord(_ path: String, loader: MarkdownRecordLoader) -> Record? {
        if let cache { return cache.load(path, tree: tree, loader: loader, log: log) }
        switch tree.text(of: path) {
        case .success(let text): return loader.load(path: path, text: text)
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
    }
}
