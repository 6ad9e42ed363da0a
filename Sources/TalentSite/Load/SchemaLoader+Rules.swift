import Yams

/// The `rules:` of `_section.yaml`: `- {field: end, not_before: start}`, each checked when declared.
extension SchemaLoader {
    func loadRules(_ root: YAMLMapping<Node>, fields: [FieldSpec]) -> [FieldRule] {
        guard let node = root.value("rules") else { return [] }
        guard let items = node.items else {
            log.error(root.source.location(of: node), "'rules' must be a list, e.g. [{field: end, not_before: start}]")
            return []
        }
        let comparisons = FieldRule.Comparison.allCases.map(\.rawValue)
        var types: [String: FieldType] = [BuiltInField.date.name: BuiltInField.date.spec.type]
        for field in fields { types[field.name] = field.type }
        let names = [BuiltInField.date.name] + fields.map(\.name)
        return items.compactMap { item -> FieldRule? in
            guard let rule = YAMLMapping(item, source: root.source, what: "a rule", log: log) else { return nil }
            rule.rejectUnknownKeys(allowed: ["field"] + comparisons, in: "a rule", log: log)
            guard let field = rule.string("field", required: true, log: log) else { return nil }
            let given = rule.entries.filter { comparisons.contains($0.key) }
            guard given.count == 1, let entry = given.first, let comparison = FieldRule.Comparison(rawValue: entry.key) else {
                log.error(rule.location, "a rule needs exactly one of: \(comparisons.joined(separator: ", "))")
                return nil
            }
            guard let other = rule.string(entry.key, required: true, log: log) else { return nil }
            var ok = true
            for (name, key) in [(field, "field"), (other, entry.key)] {
                guard let type = types[name] else {
                    log.error(root.source.location(of: rule.value(key) ?? rule.node),
                              "rule names '\(name)', which is not a field of this section\(Suggestion.phrase(for: name, among: names))")
                    ok = false
                    continue
                }
                let wanted: FieldType = comparison.comparesDates ? .date : .int
                if type != wanted {
                    let kind = comparison.comparesDates ? "date" : "int"
                    log.error(root.source.location(of: rule.value(key) ?? rule.node),
                              "'\(comparison.rawValue)' compares two \(kind) fields, and '\(name)' is not a \(kind) field")
                    ok = false
                }
            }
            guard ok else { return nil }
            return FieldRule(field: field, comparison: comparison, other: other, location: root.source.location(of: item))
        }
    }
}
