/// A record's declared fields that are present, by name. Reads like the `[String: FieldValue]` it replaces
/// (`fields["hours"]`, `==`, iteration as key–value pairs, `[:]` literals) but stores one value slot per name of
/// a `FieldNames` table shared with the other records of its section: one small array per record.
public struct RecordFields: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    private(set) var names: FieldNames
    /// By slot of `names`; nil where the record has no such field.
    private var values: [FieldValue?]

    /// No values yet, with a slot for each of `names`.
    init(names: FieldNames) {
        self.names = names
        values = Array(repeating: nil, count: names.count)
    }

    /// The fields of `dictionary`, in key order.
    public init(_ dictionary: [String: FieldValue]) {
        let sorted = dictionary.sorted { $0.key < $1.key }
        names = FieldNames(sorted.map(\.key))
        values = sorted.map(\.value)
    }

    /// A repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, FieldValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public subscript(name: String) -> FieldValue? {
        get { names.slot(of: name).flatMap { values[$0] } }
        set {
            if let slot = names.slot(of: name) { values[slot] = newValue; return }
            guard let newValue else { return }
            // A name the shared table lacks: this record gets a table of its own (rare: loaders fill by slot).
            names = FieldNames(names.names + [name])
            values.append(newValue)
        }
    }

    /// The value in slot `slot` of `names`, for loaders that work out slots once per section.
    subscript(slot slot: Int) -> FieldValue? {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    public var count: Int { values.reduce(0) { $1 == nil ? $0 : $0 + 1 } }

    public var isEmpty: Bool { values.allSatisfy { $0 == nil } }

    /// Present fields as `(key, value)`, in the order of `names` (a section's declaration order).
    public struct Iterator: IteratorProtocol {
        fileprivate let names: [String]
        fileprivate let values: [FieldValue?]
        fileprivate var slot = 0

        public mutating func next() -> (key: String, value: FieldValue)? {
            while slot < values.count {
                let current = slot
                slot += 1
                if let value = values[current] { return (names[current], value) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(names: names.names, values: values) }

    /// Equal when both have the same names with equal values, as dictionaries are, whatever their tables.
    public static func == (lhs: RecordFields, rhs: RecordFields) -> Bool {
        if lhs.names.matches(rhs.names) { return lhs.values == rhs.values }
        return lhs.count == rhs.count && lhs.allSatisfy { rhs[$0.key] == $0.value }
    }
}
