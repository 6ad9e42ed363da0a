import Foundation

/// Every record's translation state, for editors deciding what to translate next and for CI dashboards
/// (`talentsite translations --format json`).
public struct TranslationReport: Sendable {
    public struct Item: Sendable, Encodable, Equatable {
        public var section: String
        public var slug: String
        public var language: String
        /// The translation's file (expected path when missing).
        public var file: String
        public var original: String
        public var state: String
        /// For a stale translation: the fields changed in the original since.
        public var changed: [String]
    }

    public var items: [Item]

    /// The states of every Markdown record's translations (CSV rows carry all languages in one row).
    public static func build(tree: SourceTree, includeDrafts: Bool) -> Result<TranslationReport, BuildFailure> {
        let log = DiagnosticLog()
        guard let site = Pipeline(tree: tree, options: BuildOptions(includeDrafts: includeDrafts)).loadModel(log: log) else {
            return .failure(BuildFailure(log.all))
        }
        // A record that failed to load would be missing from the report, so a report with errors is no report.
        if log.hasErrors(strict: false) { return .failure(BuildFailure(log.all)) }
        let defaultCode = site.settings.defaultLanguage.code
        var items: [Item] = []
        for section in site.sections {
            guard case .markdown = section.schema.source else { continue }
            for entry in section.entries.sorted(by: { $0.slug < $1.slug }) {
                // No record here is incomplete: a field error is an error, and errors returned above.
                guard let original = entry.versions[defaultCode] else { continue }
                for language in site.settings.languages.dropFirst() {
                    let translation = entry.versions[language.code]
                    let state = TranslationState.of(translation, original: original, schema: section.schema)
                    var changed: [String] = []
                    if case .stale(let fields) = state { changed = fields }
                    items.append(Item(section: section.schema.name, slug: entry.slug, language: language.code,
                                      file: translation?.file ?? "content/\(section.schema.name)/\(entry.slug).\(language.code).md",
                                      original: original.file, state: state.name, changed: changed))
                }
            }
        }
        return .success(TranslationReport(items: items))
    }

    /// How many translations are in each state.
    public var counts: [String: Int] {
        items.reduce(into: ["fresh": 0, "stale": 0, "untracked": 0, "missing": 0]) { $0[$1.state, default: 0] += 1 }
    }

    public var json: String {
        struct Document: Encodable { var translations: [Item]; var counts: [String: Int] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(Document(translations: items, counts: counts))) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// One line per translation that needs work (stale, missing, untracked), then the totals.
    public var text: String {
        var lines = items.filter { $0.state != "fresh" }.map { item in
            "\(item.state.padding(toLength: 9, withPad: " ", startingAt: 0)) \(item.file)" + (item.changed.isEmpty ? "" : " (changed: \(item.changed.joined(separator: ", ")))")
        }
        let counts = self.counts
        lines.append("\(items.count) translations: " + ["fresh", "stale", "untracked", "missing"].map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
