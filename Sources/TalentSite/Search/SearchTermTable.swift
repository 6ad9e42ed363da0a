/// A set of terms as UTF-8 bytes, numbered in order of insertion: the distinct terms of a page while it is
/// counted, and of a whole language while its postings are gathered. Open addressing over one byte buffer,
/// so a term costs no `String`, no allocation and no SipHash; the bytes are kept as given (no Unicode
/// equivalence: callers pass canonical keys where that matters, `SearchFolding.canonical`).
struct SearchTermTable {
    /// The terms' bytes, one after the other; term `i` ends at `ends[i]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []
    private var hashes: [UInt64] = []
    /// Term number + 1 per slot, 0 for an empty slot; the count of slots is a power of two.
    private var slots: [UInt32]
    private var shift: UInt64

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        bytes.reserveCapacity(capacity * 6)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { ends.count }

    /// The bytes of term `index`.
    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// The number of `term`, added when new.
    @inline(__always)
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        let hash = Self.hash(term)
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = slots.count - 1
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let index = Int(entry - 1)
            if hashes[index] == hash && equals(index, term) { return (index, false) }
            slot = (slot + 1) & mask
        }
        let index = ends.count
        slots[slot] = UInt32(index + 1)
        bytes.append(contentsOf: term)
        ends.append(UInt32(bytes.count))
        hashes.append(hash)
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// The number of `term`, nil when absent.
    func find(_ term: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(term)
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = slots.count - 1
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let index = Int(entry - 1)
            if hashes[index] == hash && equals(index, term) { return index }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func equals(_ index: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(index)
        guard range.count == term.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var offset = 0
            while offset < term.count {
                if stored[range.lowerBound + offset] != term[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var size = slots.count * 2
        while ends.count * 2 > size { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        let mask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(index + 1)
        }
    }

    /// FNV-1a (64 bit): short terms, a multiply per byte; the slot takes the product's top bits.
    @inline(__always)
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
