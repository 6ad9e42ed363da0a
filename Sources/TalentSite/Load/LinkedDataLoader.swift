import Yams

/// Reads a section's `json_ld:` template, checking that every `$field` it names exists.
struct LinkedDataLoader {
    let source: YAMLSource
    let fieldNames: [String]
    let log: DiagnosticLog

    func load(_ node: Node) -> LinkedDataTemplate? {
        let result = template(node)
        guard case .object(let members) = result else {
            log.error(source.location(of: node), "'json_ld' must be a mapping with an \"@type\" key")
            return nil
        }
        if !members.contains(where: { $0.key == "@type" }) {
            log.error(source.location(of: node), "'json_ld' needs an \"@type\" key (a schema.org type such as Course)")
        }
        return result
    }

    private func template(_ node: Node) -> LinkedDataTemplate {
        if let pairs = node.pairs {
            return .object(pairs.map { .init(key: $0.key, value: template($0.value)) })
        }
        if let items = node.items {
            return .list(items.map(template))
        }
        let text = node.scalarText ?? ""
        if text.hasPrefix("$") && !text.hasPrefix("${") {
            let name = String(text.dropFirst())
            check(name, at: node)
            return .field(name)
        }
        let parts = LinkedDataTemplate.parts(of: text)
        for case .field(let name) in parts { check(name, at: node) }
        return .text(parts)
    }

    private func check(_ name: String, at node: Node) {
        if !LinkedDataTemplate.builtIns.contains(name) && !fieldNames.contains(name) {
            log.error(source.location(of: node),
                      "'\(name)' in json_ld is not a field of this section\(Suggestion.phrase(for: name, among: LinkedDataTemplate.builtIns + fieldNames)); use one of: \((LinkedDataTemplate.builtIns + fieldNames).joined(separator: ", "))")
        }
    }
}
