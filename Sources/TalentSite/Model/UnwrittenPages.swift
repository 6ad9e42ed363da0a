/// Pages of records that exist in `content/` but that this build does not write: drafts, and records
/// whose file failed to load. A link to one is reported as what it is (a draft), or not again (a record
/// whose own errors are already reported), instead of as a link to nowhere.
public struct UnwrittenPages: Sendable {
    public enum Reason: Sendable, Equatable {
        /// A draft left out of this build: the record's noun (`course`) and where its `draft:` key is.
        case draft(noun: String, location: SourceLocation)
        /// The record failed to load; its errors are reported at their own positions.
        case failed
    }

    /// URL path (`/courses/x/`, `/en/courses/x/`) → why it is not written.
    var byPath: [String: Reason] = [:]
    /// `section/slug` of drafts left out, with the location of their `draft:` key.
    var drafts: [String: (noun: String, location: SourceLocation)] = [:]
    /// Sections whose `_section.yaml` failed: no path under them is reported again.
    var failedSections: Set<String> = []
    var prefixes: [String] = [""]

    public init() {}

    init(languages: [Language]) { prefixes = languages.map { $0.prefix.isEmpty ? "" : "/\($0.prefix)" } }

    mutating func addDraft(_ versions: [String: Record], schema: SectionSchema, routes: Routes, defaultCode: String) {
        guard let original = versions[defaultCode] else { return }
        drafts["\(schema.name)/\(original.slug)"] = (schema.noun, original.location(of: BuiltInField.draft.name))
        for language in routes.languages {
            let record = versions[language.code] ?? original
            byPath[routes.record(schema, slug: original.slug, language)] = .draft(noun: schema.noun, location: record.location(of: BuiltInField.draft.name))
        }
    }

    mutating func addFailed(_ id: String, schemas: [SectionSchema], routes: Routes) {
        let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        if parts[1] == "*" { failedSections.insert(parts[0]); return }
        guard let schema = schemas.first(where: { $0.name == parts[0] }) else { return }
        for language in routes.languages where byPath[routes.record(schema, slug: parts[1], language)] == nil {
            byPath[routes.record(schema, slug: parts[1], language)] = .failed
        }
    }

    /// Why the page at `path` is not written, if it belongs to a record that exists.
    public func reason(for path: String) -> Reason? {
        let page = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
        if let reason = byPath[page] { return reason }
        for prefix in prefixes where page.hasPrefix(prefix + "/") {
            let segment = page.dropFirst(prefix.count + 1).split(separator: "/").first.map(String.init) ?? ""
            if failedSections.contains(segment) { return .failed }
        }
        return nil
    }
}
