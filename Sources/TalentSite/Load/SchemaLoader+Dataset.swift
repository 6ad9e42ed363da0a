import Yams

/// The `dataset:` block of `_section.yaml`: how the section's open data is listed in the catalogue.
extension SchemaLoader {
    /// Nil when the section declares no `dataset`; a section with `open_data: true` and no block still gets
    /// a dataset (titled like the section, updated irregularly).
    func loadDataset(_ root: YAMLMapping<Node>, hasOpenData: Bool) -> DatasetSpec? {
        guard let node = root.value("dataset") else { return nil }
        if !hasOpenData {
            log.error(root.location(of: "dataset"), "'dataset' describes the section's open data, but the section does not declare 'open_data: true'")
        }
        guard let block = YAMLMapping(node, source: root.source, what: "'dataset'", log: log) else { return nil }
        block.rejectUnknownKeys(allowed: ["title", "description", "update_frequency"], in: "'dataset'", log: log)
        var spec = DatasetSpec(title: block.localized("title", languages: languageCodes, required: false, log: log),
                               description: block.localized("description", languages: languageCodes, required: false, log: log))
        if let text = block.string("update_frequency", required: false, log: log) {
            let allowed = UpdateFrequency.allCases.map(\.rawValue)
            if let frequency = UpdateFrequency(rawValue: text) {
                spec.updateFrequency = frequency
            } else {
                let hint = Suggestion.phrase(for: text, among: allowed, aliases: UpdateFrequency.englishNames)
                let at = block.value("update_frequency").map(root.source.location(of:)) ?? block.location(of: "update_frequency")
                log.error(at, "unknown update_frequency '\(text)'\(hint); use one of \(allowed.joined(separator: ", "))")
            }
        }
        return spec
    }
}
