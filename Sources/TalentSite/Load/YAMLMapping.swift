import Yams

/// A YAML mapping read key by key, reporting missing, unknown and mistyped keys with their positions. `Node` is
/// Yams' node, or `FlatYAMLNode` for front matter the fast reader took.
struct YAMLMapping<Node: YAMLNodeView> {
    let node: Node
    let source: YAMLSource
    let entries: [(key: String, keyNode: Node, value: Node)]

    /// Nil (with an error logged) when `node` is not a mapping.
    init?(_ node: Node?, source: YAMLSource, what: String, log: DiagnosticLog) {
        guard let node, let entries = node.pairs else {
            log.error(node.map(source.location(of:)) ?? source.location(nil), "\(what) must be a mapping of 'key: value' lines")
            return nil
        }
        self.node = node; self.source = source; self.entries = entries
    }

    var location: SourceLocation { source.location(of: node) }

    func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

    func location(of key: String) -> SourceLocation {
        entries.first { $0.key == key }.map { source.location(of: $0.keyNode) } ?? location
    }

    /// Reports every key not in `allowed`, with the closest allowed one (or the key whose label it is,
    /// from `aliases`) and the whole list, so a typo is easy to fix. Returns the names suggested.
    @discardableResult
    func rejectUnknownKeys(allowed: [String], in what: String, aliases: [String: String] = [:], log: DiagnosticLog) -> Set<String> {
        var suggested: Set<String> = []
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = Suggestion.closest(to: entry.key, among: allowed, aliases: aliases)
            if let suggestion { suggested.insert(suggestion) }
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            log.error(source.location(of: entry.keyNode),
                      "unknown key '\(entry.key)' in \(what)\(hint); allowed: \(allowed.joined(separator: ", "))")
        }
        return suggested
    }

    func string(_ key: String, required: Bool, log: DiagnosticLog) -> String? {
        guard let node = value(key) else {
            if required { log.error(location, "missing required key '\(key)'") }
            return nil
        }
        guard let text = node.scalarText, !node.isNull else {
            log.error(source.location(of: node), "'\(key)' must be a single text value")
            return nil
        }
        return text
    }

    func bool(_ key: String, default fallback: Bool, log: DiagnosticLog) -> Bool {
        guard let node = value(key) else { return fallback }
        guard node.isPlainScalar, let text = node.scalarText, text == "true" || text == "false" else {
            log.error(source.location(of: node), "'\(key)' must be true or false")
            return fallback
        }
        return text == "true"
    }

    /// A `{zh-TW: …, en: …}` value that must name every language.
    func localized(_ key: String, languages: [String], required: Bool, log: DiagnosticLog) -> LocalizedText? {
        guard let node = value(key) else {
            if required { log.error(location, "missing required key '\(key)'") }
            return nil
        }
        return Self.localized(node, source: source, name: key, languages: languages, log: log)
    }

    static func localized(_ node: Node, source: YAMLSource, name: String, languages: [String], log: DiagnosticLog) -> LocalizedText? {
        guard let mapping = YAMLMapping(node, source: source, what: "'\(name)'", log: log) else { return nil }
        mapping.rejectUnknownKeys(allowed: languages, in: "'\(name)'", log: log)
        var values: [String: String] = [:]
        for code in languages {
            guard let text = mapping.value(code)?.scalarText, !text.isEmpty else {
                log.error(mapping.location, "'\(name)' has no '\(code)' text")
                continue
            }
            values[code] = text
        }
        return values.count == languages.count ? LocalizedText(values) : nil
    }
}
