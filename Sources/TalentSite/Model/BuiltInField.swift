/// The fields every record has, whatever its section, declared once: the loaders read them from front
/// matter, schemas may not redeclare them, and ordering, JSON-LD, open data, translation checks and
/// fingerprints name them through this type instead of by string.
public enum BuiltInField: String, CaseIterable, Sendable {
    case title, date, summary, draft, sample

    /// The front-matter key (`title`).
    public var name: String { rawValue }

    /// How the loader reads and checks it: `title` and `date` are required, the rest optional.
    public var spec: FieldSpec {
        switch self {
        case .title: return FieldSpec(name: name, type: .text, required: true, label: LocalizedText([:]))
        case .date: return FieldSpec(name: name, type: .date, required: true, label: LocalizedText([:]))
        case .summary: return FieldSpec(name: name, type: .text, required: false, label: LocalizedText([:]))
        case .draft, .sample: return FieldSpec(name: name, type: .bool, required: false, label: LocalizedText([:]))
        }
    }

    /// Words a translator changes (`title`, `summary`); the others must agree between translations.
    public var isTranslatable: Bool { self == .title || self == .summary }

    /// A section may order its entries by it (`sort: [-date, title]`).
    public var isSortable: Bool { self == .title || self == .date }

    /// Its value in `record`, typed as a declared field's would be; nil when the record has none.
    public func value(of record: Record) -> FieldValue? {
        switch self {
        case .title: return .text(record.title)
        case .date: return record.date.map(FieldValue.date)
        case .summary: return record.summary.map(FieldValue.text)
        case .draft: return .bool(record.draft)
        case .sample: return .bool(record.sample)
        }
    }
}

extension Record {
    /// Any field by name: a built-in one from its property, a declared one from `fields`.
    public func value(of field: String) -> FieldValue? {
        BuiltInField(rawValue: field).map { $0.value(of: self) } ?? fields[field]
    }
}
