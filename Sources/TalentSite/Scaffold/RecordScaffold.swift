import Foundation

/// A file `talentsite new` writes: where, and its text.
public struct ScaffoldFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

/// Starts a new record: one file per language with every field the section declares, required ones
/// marked, each with a comment saying what it takes. Values are left empty, so the build names every
/// required field still to fill in instead of publishing a placeholder.
public struct RecordScaffold: Sendable {
    public let tree: SourceTree
    /// The publication date written into both files (from `SOURCE_DATE_EPOCH` when set).
    public let day: Day

    public init(tree: SourceTree, day: Day) { self.tree = tree; self.day = day }

    /// The files for `slug` in `section`, or why they cannot be made. Never overwrites: an existing
    /// file of the record in any language is an error.
    public func files(section: String, slug: String) -> Result<[ScaffoldFile], Diagnostic> {
        let log = DiagnosticLog()
        let pipeline = Pipeline(tree: tree)
        guard let settings = pipeline.settings(log: log) else {
            return .failure(log.all.first ?? .error(SourceLocation(file: SettingsLoader.path), "cannot read site settings"))
        }
        let schemaPath = "content/\(section)/\(SchemaLoader.fileName)"
        guard Slug.isValid(section), tree.fileExists(schemaPath) else {
            let known = ((try? tree.files(under: "content")) ?? []).filter { $0.hasSuffix("/\(SchemaLoader.fileName)") }
                .map { $0.split(separator: "/")[1] }.joined(separator: ", ")
            return .failure(.error(SourceLocation(file: "content/\(section)"), "no section '\(section)'; sections: \(known)"))
        }
        guard Slug.isValid(slug) else {
            return .failure(.error(SourceLocation(file: "content/\(section)/\(slug)"),
                                   "invalid slug '\(slug)': use lowercase a-z, 0-9 and '-' only, not starting or ending with '-'"))
        }
        guard let schema = pipeline.schema(section: section, settings: settings, log: log), log.all.isEmpty else {
            return .failure(log.all.first ?? .error(SourceLocation(file: schemaPath), "cannot read the section schema"))
        }
        if case .csv(let csv) = schema.source {
            return .failure(.error(schema.location, "section '\(section)' is a table: add a row to content/\(section)/\(csv.file) instead"))
        }
        let files = settings.languages.map { language in
            ScaffoldFile(path: "content/\(section)/\(slug).\(language.code).md",
                         text: text(schema: schema, settings: settings, language: language))
        }
        if let existing = files.first(where: { tree.fileExists($0.path) }) {
            return .failure(.error(SourceLocation(file: existing.path), "already exists; not overwriting it (edit it, or pick another slug)"))
        }
        return .success(files)
    }

    /// Front matter with every field, then an empty body.
    func text(schema: SectionSchema, settings: SiteSettings, language: Language) -> String {
        let isDefault = language == settings.defaultLanguage
        var lines = ["---"]
        func add(_ key: String, value: String = "", required: Bool, label: String?, what: String) {
            let head = value.isEmpty ? "\(key):" : "\(key): \(value)"
            let note = [required ? "required" : "optional", label, what].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            lines.append(head.padding(toLength: max(head.count, 22), withPad: " ", startingAt: 0) + " # " + note)
        }
        add(BuiltInField.title.name, required: true, label: nil, what: "text")
        add(BuiltInField.date.name, value: day.iso, required: true, label: nil, what: "publication date, YYYY-MM-DD")
        add(BuiltInField.summary.name, required: false, label: nil, what: "text; else the first paragraph is used")
        for spec in schema.fields {
            var what = describe(spec.type, settings: settings)
            if let minimum = spec.minimum { what += ", at least \(minimum)" }
            if let maximum = spec.maximum { what += ", at most \(maximum)" }
            if !isDefault && !spec.type.isTranslatable { what += "; same as the \(settings.defaultLanguage.code) file" }
            add(spec.name, required: spec.required, label: spec.label[language], what: what)
        }
        lines += ["---", "", ""]
        return lines.joined(separator: "\n")
    }

    private func describe(_ type: FieldType, settings: SiteSettings) -> String {
        switch type {
        case .list(let element): return "list [a, b]; each " + describe(element, settings: settings)
        case .key(let vocabulary):
            let keys = settings.vocabularies[vocabulary]?.terms.map(\.key).joined(separator: ", ") ?? ""
            return "one of: \(keys)"
        case .ref(let section): return "slug of a record in \(section)"
        case .int: return "whole number"
        case .bool: return "true or false"
        case .date: return "date YYYY-MM-DD"
        case .url: return "https:// URL"
        case .text: return "text"
        }
    }

    /// Writes the files under `root`, each created exclusively (an existing file is never replaced).
    public static func write(_ files: [ScaffoldFile], root: URL) throws {
        for file in files {
            let url = root.appendingPathComponent(file.path)
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw Diagnostic.error(SourceLocation(file: file.path), errno == EEXIST ? "already exists; not overwriting it" : "cannot create the file: \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            let bytes = Array(file.text.utf8)
            guard Foundation.write(descriptor, bytes, bytes.count) == bytes.count else {
                throw Diagnostic.error(SourceLocation(file: file.path), "cannot write the file")
            }
        }
    }
}
