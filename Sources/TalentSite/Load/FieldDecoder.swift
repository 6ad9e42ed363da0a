import Foundation

/// Turns raw YAML nodes or CSV cells into typed `FieldValue`s, one declared `FieldSpec` at a time.
struct FieldDecoder {
    let vocabularies: [String: Vocabulary]

    /// Decodes a front-matter value node.
    func decode<Node: YAMLNodeView>(_ node: Node, as spec: FieldSpec, in source: YAMLSource) -> Result<FieldValue, Diagnostic> {
        let location = source.location(of: node)
        if case .list(let element) = spec.type {
            guard let items = node.items else {
                return .failure(.error(location, "'\(spec.name)' must be a list, e.g. [a, b], not \(Self.quoted(node))"))
            }
            var values: [FieldValue] = []
            for item in items {
                switch decodeSingle(item, type: element, spec: spec, in: source) {
                case .success(let value): values.append(value)
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            if spec.required && values.isEmpty {
                return .failure(.error(location, "'\(spec.name)' must not be empty"))
            }
            return .success(.list(values))
        }
        return decodeSingle(node, type: spec.type, spec: spec, in: source)
    }

    private func decodeSingle<Node: YAMLNodeView>(_ node: Node, type: FieldType, spec: FieldSpec, in source: YAMLSource) -> Result<FieldValue, Diagnostic> {
        let location = source.location(of: node)
        guard let text = node.scalarText else {
            return .failure(.error(location, "'\(spec.name)' must be a single \(type), not a \(node.items == nil ? "mapping" : "list")"))
        }
        return decode(text: text, plain: node.isPlainScalar, type: type, spec: spec, at: location)
    }

    /// Decodes one scalar; `plain` is false for quoted YAML, which cannot hold a number or boolean.
    func decode(text: String, plain: Bool, type: FieldType, spec: FieldSpec, at location: SourceLocation) -> Result<FieldValue, Diagnostic> {
        let name = spec.name
        switch type {
        case .text:
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty { return .failure(.error(location, "'\(name)' is empty")) }
            return .success(.text(trimmed))
        case .int:
            guard plain, let number = Int(text) else {
                return .failure(.error(location, "'\(name)' must be an integer, not \(Self.quoted(text))"))
            }
            if let problem = Self.rangeProblem(number, minimum: spec.minimum, maximum: spec.maximum) {
                return .failure(.error(location, "'\(name)' must be \(problem), not \(number)"))
            }
            return .success(.int(number))
        case .bool:
            guard plain, text == "true" || text == "false" else {
                return .failure(.error(location, "'\(name)' must be true or false, not \(Self.quoted(text))"))
            }
            return .success(.bool(text == "true"))
        case .date:
            guard let day = Day(iso: text) else {
                if let reason = Day.impossibility(iso: text) {
                    return .failure(.error(location, "'\(name)' \(text) is not a day: \(reason)"))
                }
                return .failure(.error(location, "'\(name)' must be a date written YYYY-MM-DD, not \(Self.quoted(text))"))
            }
            return .success(.date(day))
        case .url:
            guard URLPolicy.isAllowedExternal(text) else {
                return .failure(.error(location, "'\(name)' must be an absolute https:, http: or mailto: URL, not \(Self.quoted(text))"))
            }
            return .success(.url(text))
        case .key(let vocabularyName):
            guard let vocabulary = vocabularies[vocabularyName] else {
                return .failure(.error(location, "'\(name)' uses vocabulary '\(vocabularyName)', which content/site.yaml does not declare"))
            }
            guard vocabulary.term(text) != nil else {
                let keys = vocabulary.terms.map(\.key)
                // A term's label in either language (`北部`, `North`) suggests its key.
                var labels: [String: String] = [:]
                for term in vocabulary.terms {
                    for label in term.label.values.values.sorted() { labels[label] = labels[label] ?? term.key; labels[label.lowercased()] = labels[label.lowercased()] ?? term.key }
                }
                var hint = Suggestion.phrase(for: text, among: keys, aliases: labels, quote: "\"")
                if let comma = text.first(where: { $0 == "，" || $0 == "、" }) {
                    hint = " (a full-width '\(comma)' separates nothing in YAML: write [a, b] with half-width commas)"
                }
                return .failure(.error(location, "'\(name)' has unknown \(vocabularyName) key \(Self.quoted(text))\(hint); expected one of: \(keys.joined(separator: ", "))"))
            }
            return .success(.key(text))
        case .ref:
            guard Slug.isValid(text) else {
                return .failure(.error(location, "'\(name)' must be a slug (lowercase a-z, 0-9 and '-'), not \(Self.quoted(text))"))
            }
            return .success(.ref(text))
        case .list:
            return .failure(.error(location, "'\(name)' must be a list, e.g. [a, b]"))
        }
    }

    /// "between 0 and 100", "at least 1", "at most 9" when `number` is out of the declared range, else nil.
    static func rangeProblem(_ number: Int, minimum: Int?, maximum: Int?) -> String? {
        let tooSmall = minimum.map { number < $0 } ?? false, tooLarge = maximum.map { number > $0 } ?? false
        guard tooSmall || tooLarge else { return nil }
        switch (minimum, maximum) {
        case let (low?, high?): return "between \(low) and \(high)"
        case let (low?, nil): return "at least \(low)"
        case let (nil, high?): return "at most \(high)"
        case (nil, nil): return nil
        }
    }

    /// `text` without white space and line breaks at its ends (Foundation's `whitespacesAndNewlines`: Unicode's
    /// separators Z*, U+0009–U+000D and U+0085), asking Foundation only when an end could be one of them, or is
    /// any control or format character: nearly every value is returned as is.
    static func trimmed(_ text: String) -> String {
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, !mayBeSpace(first), !mayBeSpace(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func mayBeSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value <= 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: return true
        default: return false
        }
    }

    static func quoted(_ text: String) -> String { Diagnostic.quoted(text) }

    static func quoted(_ node: some YAMLNodeView) -> String {
        node.scalarText.map(quoted) ?? (node.items == nil ? "a mapping" : "a list")
    }
}
