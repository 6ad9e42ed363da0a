/// An entry's records by language code. Reads like the `[String: Record]` it replaces (`versions["en"]`,
/// `.values`, `.keys`, iteration as key–value pairs) but holds two small arrays in code order: an entry has a
/// record per language, two mostly, and a hash table for two records took more than twice their room, for each
/// of tens of thousands of entries. A lookup compares the few codes instead of hashing.
public struct RecordVersions: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// Language codes, in code order, each once.
    public private(set) var keys: [String]
    /// The record of each of `keys`, in the same order.
    public private(set) var values: [Record]

    public init(_ dictionary: [String: Record]) {
        let sorted = dictionary.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    /// A repeated code keeps its last record.
    public init(dictionaryLiteral elements: (String, Record)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public subscript(code: String) -> Record? {
        get { keys.firstIndex(of: code).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: code) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                let index = keys.firstIndex { code < $0 } ?? keys.count
                keys.insert(code, at: index)
                values.insert(newValue, at: index)
            }
        }
    }

    public var count: Int { keys.count }

    public var isEmpty: Bool { keys.isEmpty }

    /// `(key, value)` in code order.
    public struct Iterator: IteratorProtocol {
        fileprivate let keys: [String]
        fileprivate let values: [Record]
        fileprivate var index = 0

        public mutating func next() -> (key: String, value: Record)? {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            return (keys[index], values[index])
        }
    }

    public func makeIterator() -> Iterator { Iterator(keys: keys, values: values) }
}
