/// The declared type of a front-matter field or data column, read from a section's `_section.yaml`.
public indirect enum FieldType: Hashable, Sendable, CustomStringConvertible {
    /// Translated text: may differ between the two files of a pair.
    case text
    case int
    case bool
    case date
    /// An absolute `https:`/`http:`/`mailto:` URL.
    case url
    /// A key of the named vocabulary.
    case key(vocabulary: String)
    /// The slug of a record in the named section.
    case ref(section: String)
    case list(FieldType)

    /// Text is the only kind of value that may differ between translations.
    public var isTranslatable: Bool {
        switch self {
        case .text: return true
        case .list(let element): return element.isTranslatable
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .text: return "text"
        case .int: return "integer"
        case .bool: return "boolean"
        case .date: return "date (YYYY-MM-DD)"
        case .url: return "URL"
        case .key(let vocabulary): return "key of '\(vocabulary)'"
        case .ref(let section): return "slug of a record in '\(section)'"
        case .list(let element): return "list of \(element)"
        }
    }
}

/// How a number is shown to readers. `plain` prints the digits as written (years, codes: 2024, never
/// 2,024); `grouped` adds thousands separators for quantities; `money` is grouped NT$.
public enum NumberFormat: String, Sendable {
    case plain, grouped, money, percent
}

/// One declared field of a section.
public struct FieldSpec: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var label: LocalizedText
    public var minimum: Int?
    public var maximum: Int?
    public var format: NumberFormat
    /// Unit shown after a number (`小時` / `hours`).
    public var unit: LocalizedText?
    /// For a `ref` field: the heading under which the referenced record lists the records pointing at it
    /// (a certification's "courses that prepare for it"). No heading, no reverse list.
    public var reverseLabel: LocalizedText?
    /// Shown only while the record is open (a course's apply link disappears once the course has started).
    public var onlyWhileOpen: Bool
    /// Shown on the record's card in lists (section, term and home pages), not only on its own page.
    public var inLists: Bool
    /// Where the field's declaration names what it refers to (a `ref`'s `section:`), for errors found later.
    public var location: SourceLocation?

    public init(name: String, type: FieldType, required: Bool, label: LocalizedText,
                minimum: Int? = nil, maximum: Int? = nil, format: NumberFormat = .plain, unit: LocalizedText? = nil,
                reverseLabel: LocalizedText? = nil, onlyWhileOpen: Bool = false, inLists: Bool = false) {
        self.name = name; self.type = type; self.required = required; self.label = label
        self.minimum = minimum; self.maximum = maximum; self.format = format; self.unit = unit
        self.reverseLabel = reverseLabel; self.onlyWhileOpen = onlyWhileOpen; self.inLists = inLists
    }
}
