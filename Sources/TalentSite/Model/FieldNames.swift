/// The field names one kind of record can have (a section's declared fields, or every front-matter key with a
/// position), in one order and shared by all those records: a record keeps its values and positions by slot
/// in small arrays instead of a hash table of its own, which for 40,000 records was most of the load stage's
/// memory.
final class FieldNames: Sendable {
    let names: [String]
    /// Slot by name; a repeated name keeps its first slot, so writes under it land in one place.
    private let slots: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var slots: [String: Int] = [:]
        slots.reserveCapacity(names.count)
        for (slot, name) in names.enumerated() where slots[name] == nil { slots[name] = slot }
        self.slots = slots
    }

    var count: Int { names.count }

    func slot(of name: String) -> Int? { slots[name] }

    /// Whether slots mean the same names in both, so values can be compared slot by slot.
    func matches(_ other: FieldNames) -> Bool { self === other || names == other.names }

    static let empty = FieldNames([])
}
