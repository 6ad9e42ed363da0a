/// Where each field of one record was written, by name. Reads like the `[String: SourceLocation]` it replaces,
/// but keeps a position as line and column packed in one integer per slot of a `FieldNames` table shared with
/// the other records of its section, the file being stored once: a dictionary of whole locations per record,
/// each repeating the path, was the largest part of the loaded records. A location that does not fit that
/// (another file, a name the table lacks, a line or column past 2³²−1) is kept whole.
public struct FieldLocations: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    private let names: FieldNames
    /// The file of every packed position.
    public let file: String
    /// By slot of `names`: line in the high half, column in the low half; 0 when there is none.
    private var packed: [UInt64]
    /// Locations that are not packed.
    private var whole: [String: SourceLocation] = [:]

    /// No locations yet, with a slot for each of `names`, all in `file`.
    init(names: FieldNames, file: String) {
        self.names = names
        self.file = file
        packed = Array(repeating: 0, count: names.count)
    }

    /// The locations of `dictionary`, packed when in `file`.
    public init(_ dictionary: [String: SourceLocation], file: String) {
        self.init(names: FieldNames(dictionary.keys.sorted()), file: file)
        for (name, location) in dictionary { self[name] = location }
    }

    /// Packed when in the file of the location under the first key in key order.
    public init(dictionaryLiteral elements: (String, SourceLocation)...) {
        let dictionary = Dictionary(elements, uniquingKeysWith: { _, last in last })
        self.init(dictionary, file: dictionary.min { $0.key < $1.key }?.value.file ?? "")
    }

    public subscript(name: String) -> SourceLocation? {
        get {
            if let slot = names.slot(of: name), let location = self[slot: slot] { return location }
            return whole[name]
        }
        set {
            guard let slot = names.slot(of: name) else { whole[name] = newValue; return }
            self[slot: slot] = newValue
        }
    }

    /// The location in slot `slot` of `names`, for loaders that work out slots once per section.
    subscript(slot slot: Int) -> SourceLocation? {
        get {
            let position = packed[slot]
            guard position != 0 else { return nil }
            return SourceLocation(file: file, line: Int(position >> 32), column: Int(position & 0xFFFF_FFFF))
        }
        set {
            let position = newValue.flatMap(pack) ?? 0
            packed[slot] = position
            if position == 0, let newValue {
                whole[names.names[slot]] = newValue
            } else if !whole.isEmpty {
                whole[names.names[slot]] = nil
            }
        }
    }

    /// `location` as one integer, or nil when it is in another file or too far down or along to fit.
    private func pack(_ location: SourceLocation) -> UInt64? {
        guard location.file == file, let line = UInt32(exactly: location.line), let column = UInt32(exactly: location.column)
        else { return nil }
        return UInt64(line) << 32 | UInt64(column)
    }

    public var count: Int { packed.reduce(0) { $1 == 0 ? $0 : $0 + 1 } + whole.count }

    /// Packed locations in the order of the table, then the others in key order.
    public func makeIterator() -> AnyIterator<(key: String, value: SourceLocation)> {
        var slot = 0
        var others = whole.sorted { $0.key < $1.key }.makeIterator()
        return AnyIterator {
            while slot < packed.count {
                let current = slot
                slot += 1
                if let location = self[slot: current] { return (names.names[current], location) }
            }
            return others.next().map { (key: $0.key, value: $0.value) }
        }
    }

    /// Equal when both have the same names at equal locations, as dictionaries are.
    public static func == (lhs: FieldLocations, rhs: FieldLocations) -> Bool {
        if lhs.names.matches(rhs.names), lhs.file == rhs.file { return lhs.packed == rhs.packed && lhs.whole == rhs.whole }
        return lhs.count == rhs.count && lhs.allSatisfy { rhs[$0.key] == $0.value }
    }
}
