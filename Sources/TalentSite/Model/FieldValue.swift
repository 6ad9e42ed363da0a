/// A typed field value, checked against its `FieldSpec` at load time. Not `indirect`: a list is an array
/// already, and a value held in place needs no allocation of its own (records hold tens of thousands).
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case int(Int)
    case bool(Bool)
    case date(Day)
    case url(String)
    case key(String)
    case ref(String)
    case list([FieldValue])

    public var description: String {
        switch self {
        case .text(let s), .url(let s), .key(let s), .ref(let s): return s
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return d.iso
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    public var day: Day? { if case .date(let d) = self { return d }; return nil }
    public var int: Int? { if case .int(let n) = self { return n }; return nil }
    public var elements: [FieldValue] { if case .list(let items) = self { return items }; return [self] }
}
