/// Where each field of one record was written, by name. Reads like the `[String: SourceLocation]` it replaces,
/// but keeps a position as line and column packed in 32 bits per slot of a `FieldNames` table shared with the
/// other records of its section, the file being stored once: a dictionary of whole locations per record, each
/// repeating the path, was the largest part of the loaded records. A location that does not fit that (another
/// file, a name the table lacks, a line past 2²⁰−1 or a column past 2¹²−1) is kept whole.
public struct FieldLocations: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    private let names: FieldNames
    /// The file of every packed position.
    public let file: String
    /// By slot of `names`: line in the high 20 bits, column in the low 12; 0 when there is none.
    private var packed: [UInt32]
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
            return SourceLocation(file: file, line: Int(position >> Self.columnBits), column: Int(position & Self.columnMask))
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
    private func pack(_ location: SourceLocation) -> UInt32? {
        guard location.file == file, location.line < 1 << (32 - Self.columnBits), location.column <= Self.columnMask
        else { return nil }
        return UInt32(location.line) << Self.columnBits | UInt32(location.column)
    }

    /// Front matter and CSV columns are short: 12 bits of column leave 20 for the line (a million).
    static var columnBits: UInt32 { 12 }
    static var columnMask: UInt32 { 1 << columnBits - 1 }

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
