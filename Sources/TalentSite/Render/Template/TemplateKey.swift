import Foundation

/// A name as looked up in a template object, with a hash of its UTF-8 bytes made once: tag names are hashed
/// when a template is parsed, object keys when the object is made, so a lookup compares integers and only
/// compares the strings of a key whose hash matches.
struct TemplateKey: Sendable, Equatable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        self.hash = Self.hash(name)
    }

    /// FNV-1a over the UTF-8 bytes, cheap for the short keys templates use. Strings that are `==` must hash
    /// the same, and `==` is canonical equivalence, so a non-ASCII name is hashed in its NFC form ("\u{212A}",
    /// the Kelvin sign, is `==` to "K").
    static func hash(_ name: String) -> UInt64 {
        var name = name
        let ascii: UInt64? = name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                if byte >= 0x80 { return nil }
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return hash
        }
        if let ascii { return ascii }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.precomposedStringWithCanonicalMapping.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    static func == (a: TemplateKey, b: TemplateKey) -> Bool { a.hash == b.hash && a.name == b.name }
}

/// The fields of an object in the order they were given, searched by key hash: linearly for the few fields of
/// most objects, through an open-addressing index for large ones (the UI strings).
struct TemplateTable: Sendable {
    struct Entry: Sendable {
        let key: String
        let hash: UInt64
        let value: TemplateValue
    }

    let entries: [Entry]
    /// Slot → entry index + 1 (0: empty); empty for small tables, which are searched linearly.
    private let slots: [Int32]
    private static let linearLimit = 12

    init(_ entries: [Entry]) {
        self.entries = entries
        guard entries.count > Self.linearLimit else { slots = []; return }
        var size = 1
        while size < entries.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        // Inserted last to first: of two equal keys (possible only from a list of pairs) the first is found, as linearly.
        for index in entries.indices.reversed() {
            let entry = entries[index]
            var slot = Int(truncatingIfNeeded: entry.hash) & (size - 1)
            while slots[slot] != 0 {
                let other = entries[Int(slots[slot]) - 1]
                if other.hash == entry.hash && other.key == entry.key { break }
                slot = (slot + 1) & (size - 1)
            }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
    }

    init<S: Sequence>(pairs: S) where S.Element == (key: String, value: TemplateValue) {
        self.init(pairs.map { Entry(key: $0.key, hash: TemplateKey.hash($0.key), value: $0.value) })
    }

    /// Converts each value of a context dictionary.
    init(converting dictionary: [String: Any]) {
        var entries: [Entry] = []
        entries.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { entries.append(Entry(key: key, hash: TemplateKey.hash(key), value: TemplateValue(value))) }
        self.init(entries)
    }

    /// The value of the first field named `key`, or nil.
    @inline(__always)
    subscript(key: TemplateKey) -> TemplateValue? {
        entries.withUnsafeBufferPointer { entries in
            if slots.isEmpty {
                // By index, reading an entry's hash in place: iterating would copy (retain) each entry passed.
                for index in entries.indices where entries[index].hash == key.hash && entries[index].key == key.name {
                    return entries[index].value
                }
                return nil
            }
            return slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: key.hash) & mask
                while true {
                    let index = Int(slots[slot])
                    if index == 0 { return nil }
                    if entries[index - 1].hash == key.hash && entries[index - 1].key == key.name { return entries[index - 1].value }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}
