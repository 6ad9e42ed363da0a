/// Reading a translation's recorded fingerprint is loading, so it lives here; the fingerprint itself is a model rule.
extension TranslationFingerprint {
    /// Reads `translated_from` from front matter: a mapping of field names to 16 hex digits. It belongs in
    /// translations only (in an original it is an unknown key).
    static func read<Node: YAMLNodeView>(_ mapping: YAMLMapping<Node>, log: DiagnosticLog) -> [String: String]? {
        guard let node = mapping.value(key), !node.isNull else { return nil }
        guard let entries = node.pairs else {
            log.error(mapping.source.location(of: node), "'\(key)' must be the mapping 'talentsite translated' writes; run it again")
            return nil
        }
        var result: [String: String] = [:]
        for entry in entries {
            guard let text = entry.value.scalarText, text.count == 16, text.allSatisfy(\.isHexDigit) else {
                log.error(mapping.source.location(of: entry.value), "'\(key).\(entry.key)' must be 16 hex digits; run 'talentsite translated' again")
                return nil
            }
            result[entry.key] = text
        }
        return result
    }
}
