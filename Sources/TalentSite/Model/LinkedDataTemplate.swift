/// A schema.org JSON-LD description of a section's records, declared under `json_ld:` in `_section.yaml`.
/// Values are literal text, `$field` (the field's typed value: numbers stay numbers, keys become labels)
/// or text with `${field}` inside. A key whose value is missing is left out, so records with optional
/// fields still produce valid structured data.
public indirect enum LinkedDataTemplate: Sendable {
    case object([Member])
    case list([LinkedDataTemplate])
    /// `$start`: the value of one field (or a built-in: title, summary, url, date, section, site, language).
    case field(String)
    /// Literal text with optional `${field}` parts.
    case text([TextPart])

    public struct Member: Sendable {
        public var key: String
        public var value: LinkedDataTemplate
        public init(key: String, value: LinkedDataTemplate) { self.key = key; self.value = value }
    }

    public enum TextPart: Sendable, Equatable {
        case literal(String)
        case field(String)
    }

    /// Names usable in `$…` besides the section's declared fields.
    public static let builtIns = [BuiltInField.title.name, BuiltInField.summary.name, "url", BuiltInField.date.name, "section", "site", "language"]

    /// Splits `Award ${year} ${category}` into literal and field parts.
    static func parts(of text: String) -> [TextPart] {
        var parts: [TextPart] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            if open.lowerBound > rest.startIndex { parts.append(.literal(String(rest[..<open.lowerBound]))) }
            parts.append(.field(String(rest[open.upperBound..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        return parts
    }

    /// Every field name the template reads, for checking against the schema.
    var fieldNames: [String] {
        switch self {
        case .object(let members): return members.flatMap(\.value.fieldNames)
        case .list(let items): return items.flatMap(\.fieldNames)
        case .field(let name): return [name]
        case .text(let parts): return parts.compactMap { if case .field(let name) = $0 { return name }; return nil }
        }
    }
}
